'use client';

import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import type { RiskSummary } from '@/lib/dashboard/risk-summary';
import { RISK_WEIGHTS } from '@/lib/risk/explain-risk';
import { apiFetch } from '@/components/api/api-fetch';

/** The dashboard's risk card: items per risk bucket (bars) and how the acceptance rate falls with risk (line). */
export function RiskPanel({ datasetId }: { datasetId: number }) {
  const q = useQuery({ queryKey: ['dashboard', 'risk', datasetId], queryFn: ({ signal }) => apiFetch<RiskSummary>(`/api/dashboard/risk?dataset=${datasetId}`, { signal }) });
  const d = q.data;
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4 lg:col-span-2" data-testid="risk-panel">
      <h2 className="mb-2 flex items-baseline gap-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">
        Risk and acceptance
        <span className="font-normal normal-case text-slate-400" title={Object.values(RISK_WEIGHTS).map((w) => `${w.label} (up to ${w.max})`).join('; ')}>
          risk = answer wrong, contradicted steps, low consistency, large revision, disagreement, changed answer
        </span>
        <Link className="ml-auto font-normal normal-case text-indigo-700 hover:underline" href={`/items?dataset=${datasetId}&sort=riskScore&dir=desc`}>
          Review highest risk first →
        </Link>
      </h2>
      {!d ? (
        <div className="h-40 animate-pulse rounded bg-slate-100" />
      ) : (
        <RiskChart summary={d} />
      )}
    </section>
  );
}

function RiskChart({ summary }: { summary: RiskSummary }) {
  const W = 600;
  const H = 150;
  const pad = { l: 36, r: 36, t: 8, b: 22 };
  const max = Math.max(1, ...summary.buckets.map((b) => b.items));
  const bw = (W - pad.l - pad.r) / summary.buckets.length;
  const y = (v: number) => pad.t + (H - pad.t - pad.b) * (1 - v);
  const rate = summary.buckets.map((b, i) => (b.acceptanceRate === null ? null : { x: pad.l + bw * (i + 0.5), y: y(b.acceptanceRate) }));
  const path = rate.reduce((acc, p) => (p ? `${acc}${acc ? ' L' : 'M'}${p.x.toFixed(1)},${p.y.toFixed(1)}` : acc), '');
  return (
    <div>
      <svg viewBox={`0 0 ${W} ${H}`} className="w-full" role="img" aria-label="Items per risk bucket and acceptance rate">
        {summary.buckets.map((b, i) => {
          const h = ((H - pad.t - pad.b) * b.items) / max;
          return (
            <g key={i} data-testid="risk-bucket" data-items={b.items}>
              <rect x={pad.l + bw * i + 2} y={H - pad.b - h} width={bw - 4} height={h} fill={b.from >= 0.5 ? '#fda4af' : b.from >= 0.2 ? '#fcd34d' : '#cbd5e1'}>
                <title>{`risk ${b.from.toFixed(1)}–${b.to.toFixed(1)}: ${b.items} items, ${b.accepted} accepted, ${b.rejected} rejected${b.acceptanceRate === null ? '' : `, ${(100 * b.acceptanceRate).toFixed(0)}% accepted`}`}</title>
              </rect>
              <text x={pad.l + bw * (i + 0.5)} y={H - 8} textAnchor="middle" className="fill-slate-400 text-[9px]">
                {b.from.toFixed(1)}
              </text>
            </g>
          );
        })}
        <path d={path} fill="none" stroke="#4f46e5" strokeWidth={2} />
        {rate.map((p, i) => p && <circle key={i} cx={p.x} cy={p.y} r={3} fill="#4f46e5" />)}
        <text x={4} y={pad.t + 8} className="fill-slate-400 text-[9px]">{max} items</text>
        <text x={W - 4} y={pad.t + 8} textAnchor="end" className="fill-indigo-600 text-[9px]">100% accepted</text>
        <text x={W - 4} y={H - pad.b} textAnchor="end" className="fill-indigo-600 text-[9px]">0%</text>
      </svg>
      <p className="text-xs text-slate-500">
        Bars: items per risk bucket (mean risk {summary.mean.toFixed(2)}, {summary.highRisk} items at 0.5 or more). Line: acceptance rate of the decided items in each bucket.
      </p>
    </div>
  );
}
