'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { STATUS_ORDER, type Dashboard } from '@/lib/dashboard/dashboard-types';
import { StackedBars } from '@/components/charts/stacked-bars';
import { Histogram } from '@/components/charts/histogram';
import { RiskPanel } from '@/components/steps/risk-panel';
import { RateChart } from '@/components/charts/rate-chart';
import { useDashboard } from '@/features/dashboard/api/dashboard';
import { useSamples } from '@/features/dashboard/api/samples';
import { ReviewerPaceTable } from './reviewer-pace';

const STATUS_COLOR: Record<string, string> = { pending: '#cbd5e1', accepted: '#34d399', rejected: '#fb7185', skipped: '#fbbf24', needs_adjudication: '#a78bfa' };
const STAGE_LABEL: Record<string, string> = { new: 'new', represented: 'represented', drafted: 'drafted', revised: 'revised', failed: 'failed' };
const REVIEWER_COLORS = ['#6366f1', '#0ea5e9', '#10b981', '#f59e0b', '#ef4444', '#8b5cf6', '#14b8a6', '#64748b'];
const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

function Card({ title, children, className = '' }: { title: string; children: React.ReactNode; className?: string }) {
  return (
    <section className={`rounded-lg border border-slate-200 bg-white p-4 ${className}`}>
      <h2 className="mb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">{title}</h2>
      {children}
    </section>
  );
}

function Stat({ label, value, of }: { label: string; value: number; of: number }) {
  return (
    <div className="rounded border border-slate-100 px-3 py-2">
      <div className="text-[11px] text-slate-500 uppercase">{label}</div>
      <div className="text-lg font-semibold tabular-nums">{value.toLocaleString('en-US')}</div>
      <div className="text-[11px] text-slate-400 tabular-nums">{of ? pct(value / of) : '—'}</div>
    </div>
  );
}

function fillDays(d: Dashboard): string[] {
  const out: string[] = [];
  const end = new Date();
  for (let i = d.days - 1; i >= 0; i--) out.push(new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth(), end.getUTCDate() - i)).toISOString().slice(0, 10));
  return out;
}

export function DashboardView({ datasets, datasetId, days }: { datasets: { id: number; name: string }[]; datasetId: number; days: number }) {
  const router = useRouter();
  const { data: d, error } = useDashboard(datasetId, days);
  const samples = useSamples(datasetId).data?.samples ?? [];
  const go = (ds: number, dy: number) => router.push(`/dashboard?dataset=${ds}&days=${dy}`);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-lg font-semibold">Dashboard</h1>
        <select aria-label="Dataset" className="h-7 rounded border border-slate-300 bg-white px-2 text-sm" value={datasetId} onChange={(e) => go(Number(e.target.value), days)}>
          {datasets.map((x) => (
            <option key={x.id} value={x.id}>
              {x.name}
            </option>
          ))}
        </select>
        <select aria-label="Period" className="h-7 rounded border border-slate-300 bg-white px-2 text-sm" value={days} onChange={(e) => go(datasetId, Number(e.target.value))}>
          {[7, 30, 90].map((n) => (
            <option key={n} value={n}>
              last {n} days
            </option>
          ))}
        </select>
        <Link className="ml-auto text-sm text-indigo-700 hover:underline" href={`/items?dataset=${datasetId}`}>
          Open the items table →
        </Link>
      </div>
      {error && <p className="rounded border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-800">{error.message}</p>}
      {!d ? (
        <div className="h-96 animate-pulse rounded-lg border border-slate-200 bg-white" />
      ) : (
        <>
          <div className="grid grid-cols-2 gap-2 sm:grid-cols-4 lg:grid-cols-7" data-testid="dashboard-stats">
            <Stat label="items" value={d.total} of={d.total} />
            <Stat label="represented" value={d.pipeline.represented} of={d.total} />
            <Stat label="drafted" value={d.pipeline.drafted} of={d.total} />
            <Stat label="revised" value={d.pipeline.revised} of={d.total} />
            <Stat label="failed" value={d.pipeline.failed} of={d.total} />
            <Stat label="accepted" value={d.stages.reduce((a, s) => a + s.counts.accepted, 0)} of={d.total} />
            <Stat label="rejected" value={d.stages.reduce((a, s) => a + s.counts.rejected, 0)} of={d.total} />
          </div>
          <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
            <Card title="Items by stage and review status">
              <StackedBars
                testId="chart-stages"
                showTotals
                categories={d.stages.map((s) => s.stage)}
                categoryLabel={(c) => STAGE_LABEL[c] ?? c}
                series={STATUS_ORDER.map((s) => ({ key: s, label: s === 'needs_adjudication' ? 'needs adjudication' : s, color: STATUS_COLOR[s]! }))}
                value={(c, k) => d.stages.find((s) => s.stage === c)?.counts[k as keyof (typeof d.stages)[number]['counts']] ?? 0}
              />
            </Card>
            <Card title={`Acceptance over time (decisions per day, last ${d.days} days)`}>
              <RateChart testId="chart-acceptance" points={d.acceptance} />
            </Card>
            <Card title="Answer scores and consistency" className="lg:col-span-2">
              <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
                <Histogram testId="hist-draft" label="Draft answer score" color="#818cf8" bins={d.histograms.draftScore.bins} missing={d.histograms.draftScore.missing} />
                <Histogram testId="hist-revision" label="Revision answer score" color="#6366f1" bins={d.histograms.revisionScore.bins} missing={d.histograms.revisionScore.missing} />
                <Histogram testId="hist-consistency" label="Consistency score" color="#14b8a6" bins={d.histograms.consistencyScore.bins} missing={d.histograms.consistencyScore.missing} />
              </div>
            </Card>
            <RiskPanel datasetId={datasetId} />
            <Card title="Decisions per reviewer per day">
              {d.perReviewerDay.length === 0 ? (
                <p className="py-8 text-center text-xs text-slate-400">No decisions in this period.</p>
              ) : (
                <StackedBars
                  testId="chart-reviewers"
                  categories={fillDays(d)}
                  categoryLabel={(c) => c.slice(5)}
                  series={d.reviewers.map((r, i) => ({ key: r.id ?? '', label: r.name, color: REVIEWER_COLORS[i % REVIEWER_COLORS.length]! }))}
                  value={(day, key) => d.perReviewerDay.find((x) => x.day === day && (x.reviewerId ?? '') === key)?.decisions ?? 0}
                />
              )}
            </Card>
            <Card title={`Reviewer pace (active time on the review page, last ${d.days} days)`}>
              <ReviewerPaceTable datasetId={datasetId} days={d.days} />
            </Card>
            <Card title="Acceptance samples">
              {samples.length === 0 ? (
                <p className="py-8 text-center text-xs text-slate-400">No samples yet. Draw one from the items table (“Sample…”).</p>
              ) : (
                <table className="w-full text-xs" data-testid="samples-table">
                  <thead className="text-left text-[11px] text-slate-500 uppercase">
                    <tr>
                      <th className="py-1">Sample</th>
                      <th>Decided</th>
                      <th>Good share</th>
                      <th>Bar</th>
                      <th>State</th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {samples.map((s) => (
                      <tr key={s.id}>
                        <td className="py-1">
                          <Link className="text-indigo-700 hover:underline" href={`/items?dataset=${datasetId}&sample=${s.id}`}>
                            #{s.id}
                          </Link>{' '}
                          <span className="text-slate-400">
                            {s.size}/{s.population.toLocaleString('en-US')}
                          </span>
                        </td>
                        <td className="tabular-nums">
                          {s.size - s.tally.pending}/{s.size}
                        </td>
                        <td className="tabular-nums">{s.tally.good + s.tally.bad ? `${pct(s.interval.estimate)} [${pct(s.interval.low)}, ${pct(s.interval.high)}]` : '—'}</td>
                        <td className="tabular-nums">{pct(s.bar)}</td>
                        <td>{s.state}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </Card>
          </div>
        </>
      )}
    </div>
  );
}
