import { niceTicks } from './scale';
import { YGrid } from './y-grid';
import { plural } from '@/lib/format/plural';

export type RatePoint = { day: string; accepted: number; rejected: number };

/**
 * Decisions per day as stacked bars (accepted, rejected; left axis) with the acceptance rate
 * accepted / (accepted + rejected) as a line (right axis, 0–100%).
 */
export function RateChart({ points, width = 560, height = 210, testId }: { points: RatePoint[]; width?: number; height?: number; testId?: string }) {
  const m = { top: 10, right: 40, bottom: 30, left: 40 };
  const innerW = width - m.left - m.right;
  const innerH = height - m.top - m.bottom;
  const ticks = niceTicks(Math.max(0, ...points.map((p) => p.accepted + p.rejected)));
  const top = ticks[ticks.length - 1] ?? 1;
  const y = (v: number) => m.top + innerH - (v / top) * innerH;
  const yr = (r: number) => m.top + innerH - r * innerH;
  const band = innerW / Math.max(1, points.length);
  const barW = Math.min(28, band * 0.7);
  const cx = (i: number) => m.left + i * band + band / 2;
  const rated = points.map((p, i) => ({ i, n: p.accepted + p.rejected, r: p.accepted / Math.max(1, p.accepted + p.rejected) })).filter((p) => p.n > 0);
  const labelEvery = Math.ceil(points.length / Math.max(1, Math.floor(innerW / 60)));
  if (points.length === 0) return <p className="py-8 text-center text-xs text-slate-400">No decisions in this period.</p>;
  return (
    <figure className="space-y-1" data-testid={testId}>
      <svg viewBox={`0 0 ${width} ${height}`} className="h-auto w-full" role="img" aria-label="Acceptance rate over time">
        <YGrid ticks={ticks} y={y} left={m.left} right={width - m.right} />
        {[0, 0.5, 1].map((r) => (
          <text key={r} x={width - m.right + 6} y={yr(r) + 3} fontSize={10} fill="#6366f1">
            {r * 100}%
          </text>
        ))}
        {points.map((p, i) => (
          <g key={p.day}>
            <rect x={cx(i) - barW / 2} y={y(p.accepted)} width={barW} height={y(0) - y(p.accepted)} fill="#a7f3d0">
              <title>{`${p.day}: ${p.accepted.toLocaleString('en-US')} accepted`}</title>
            </rect>
            <rect x={cx(i) - barW / 2} y={y(p.accepted + p.rejected)} width={barW} height={y(p.accepted) - y(p.accepted + p.rejected)} fill="#fecdd3">
              <title>{`${p.day}: ${p.rejected.toLocaleString('en-US')} rejected`}</title>
            </rect>
            {i % labelEvery === 0 && (
              <text x={cx(i)} y={height - m.bottom + 14} fontSize={10} fill="#64748b" textAnchor="middle">
                {p.day.slice(5)}
              </text>
            )}
          </g>
        ))}
        <polyline points={rated.map((p) => `${cx(p.i)},${yr(p.r)}`).join(' ')} fill="none" stroke="#6366f1" strokeWidth={2} />
        {rated.map((p) => (
          <circle key={p.i} cx={cx(p.i)} cy={yr(p.r)} r={3} fill="#6366f1">
            <title>{`${points[p.i]?.day}: ${(p.r * 100).toFixed(1)}% accepted of ${plural(p.n, 'decision')}`}</title>
          </circle>
        ))}
        <line x1={m.left} x2={width - m.right} y1={y(0)} y2={y(0)} stroke="#cbd5e1" />
      </svg>
      <figcaption className="flex gap-3 px-1 text-[11px] text-slate-600">
        <span className="inline-flex items-center gap-1">
          <span className="inline-block h-2.5 w-2.5 rounded-sm bg-emerald-200" /> accepted
        </span>
        <span className="inline-flex items-center gap-1">
          <span className="inline-block h-2.5 w-2.5 rounded-sm bg-rose-200" /> rejected
        </span>
        <span className="inline-flex items-center gap-1">
          <span className="inline-block h-0.5 w-4 bg-indigo-500" /> acceptance rate (right axis)
        </span>
      </figcaption>
    </figure>
  );
}
