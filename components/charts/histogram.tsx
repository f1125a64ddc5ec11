import { niceTicks } from './scale';
import { YGrid } from './y-grid';

/** Equal-width bins over [0, 1]; items without a value are counted beside the plot. */
export function Histogram({ bins, missing, color, label, width = 360, height = 170, testId }: { bins: number[]; missing: number; color: string; label: string; width?: number; height?: number; testId?: string }) {
  const m = { top: 8, right: 8, bottom: 24, left: 38 };
  const innerW = width - m.left - m.right;
  const innerH = height - m.top - m.bottom;
  const ticks = niceTicks(Math.max(0, ...bins));
  const top = ticks[ticks.length - 1] ?? 1;
  const y = (v: number) => m.top + innerH - (v / top) * innerH;
  const w = innerW / Math.max(1, bins.length);
  const total = bins.reduce((a, b) => a + b, 0);
  return (
    <figure className="space-y-1" data-testid={testId}>
      <figcaption className="flex items-baseline justify-between text-xs">
        <span className="font-medium text-slate-700">{label}</span>
        <span className="text-slate-500 tabular-nums">
          {total.toLocaleString('en-US')} scored{missing ? ` · ${missing.toLocaleString('en-US')} without` : ''}
        </span>
      </figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} className="h-auto w-full" role="img" aria-label={label}>
        <YGrid ticks={ticks} y={y} left={m.left} right={width - m.right} />
        {bins.map((b, i) => (
          <rect key={i} x={m.left + i * w + 0.5} y={y(b)} width={Math.max(0, w - 1)} height={y(0) - y(b)} fill={color}>
            <title>{`${(i / bins.length).toFixed(2)}–${((i + 1) / bins.length).toFixed(2)}: ${b.toLocaleString('en-US')}`}</title>
          </rect>
        ))}
        <line x1={m.left} x2={width - m.right} y1={y(0)} y2={y(0)} stroke="#cbd5e1" />
        {[0, 0.25, 0.5, 0.75, 1].map((t) => (
          <text key={t} x={m.left + t * innerW} y={height - 8} fontSize={10} fill="#64748b" textAnchor={t === 0 ? 'start' : t === 1 ? 'end' : 'middle'}>
            {t}
          </text>
        ))}
      </svg>
    </figure>
  );
}
