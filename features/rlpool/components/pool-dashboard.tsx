import { Histogram } from '@/components/charts/histogram';
import type { PoolDashboard } from '@/lib/dashboard/get-pool-dashboard';

const COLORS = ['#6366f1', '#0ea5e9', '#14b8a6', '#f59e0b', '#ec4899', '#8b5cf6'];

/** The RL pool on the dashboard: pass-rate histograms per problem type and per source, shortcut and overlap counts per source. */
export function PoolDashboardView({ data }: { data: PoolDashboard }) {
  const rated = (m: Record<string, { bins: number[] }>) => Object.entries(m).filter(([, h]) => h.bins.some((b) => b > 0));
  const byType = rated(data.passRate.byType);
  const bySource = rated(data.passRate.bySource);
  return (
    <section className="space-y-4 rounded-lg border border-slate-200 bg-white p-4" data-testid="pool-dashboard">
      <h2 className="text-sm font-semibold text-slate-900">RL pool</h2>
      {byType.length === 0 ? (
        <p className="text-xs text-slate-500">No rollouts yet: run the rollout stage to see pass rates.</p>
      ) : (
        <>
          <h3 className="text-xs font-medium tracking-wide text-slate-500 uppercase">Rollout pass rate per problem type</h3>
          <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
            {byType.map(([t, h], i) => (
              <Histogram key={t} testId={`pass-rate-type-${t}`} label={t} color={COLORS[i % COLORS.length]!} bins={h.bins} missing={data.passRate.byType[t]!.missing} width={300} height={140} />
            ))}
          </div>
          <h3 className="text-xs font-medium tracking-wide text-slate-500 uppercase">Rollout pass rate per source</h3>
          <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
            {bySource.map(([s, h], i) => (
              <Histogram key={s} testId={`pass-rate-source-${s}`} label={s || '(no source)'} color={COLORS[(i + 2) % COLORS.length]!} bins={h.bins} missing={data.passRate.bySource[s]!.missing} width={300} height={140} />
            ))}
          </div>
        </>
      )}
      <table className="w-full max-w-2xl text-xs" data-testid="pool-counts">
        <thead className="text-left text-slate-500">
          <tr>
            <th className="py-1">source</th>
            <th className="py-1 text-right">blind asked</th>
            <th className="py-1 text-right">answerable without video</th>
            <th className="py-1 text-right">with a near-duplicate</th>
            <th className="py-1 text-right">overlap an evaluation set</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 tabular-nums">
          {data.blind.map((b, i) => (
            <tr key={b.source}>
              <td className="py-1">{b.source || '(no source)'}</td>
              <td className="py-1 text-right">{b.asked}</td>
              <td className="py-1 text-right font-medium text-violet-800">{b.answerable}</td>
              <td className="py-1 text-right">{data.overlap[i]?.duplicates ?? 0}</td>
              <td className="py-1 text-right text-rose-800">{data.overlap[i]?.contaminated ?? 0}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
