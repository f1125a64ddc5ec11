import { niceTicks } from './scale';
import { YGrid } from './y-grid';

export type Series = { key: string; label: string; color: string };

/**
 * Vertical stacked bars: one bar per category, one segment per series. Plain SVG; each segment
 * carries a <title> so hovering shows its exact number.
 */
export function StackedBars({
  categories,
  series,
  value,
  categoryLabel = (c) => c,
  height = 200,
  width = 560,
  showTotals = false,
  testId,
}: {
  categories: string[];
  series: Series[];
  value: (category: string, seriesKey: string) => number;
  categoryLabel?: (c: string) => string;
  height?: number;
  width?: number;
  /** Print each bar's total above it (for few bars of very different heights). */
  showTotals?: boolean;
  testId?: string;
}) {
  const m = { top: showTotals ? 18 : 8, right: 8, bottom: 34, left: 40 };
  const innerW = width - m.left - m.right;
  const innerH = height - m.top - m.bottom;
  const totals = categories.map((c) => series.reduce((a, s) => a + value(c, s.key), 0));
  const ticks = niceTicks(Math.max(0, ...totals));
  const top = ticks[ticks.length - 1] ?? 1;
  const y = (v: number) => m.top + innerH - (v / top) * innerH;
  const band = innerW / Math.max(1, categories.length);
  const barW = Math.min(48, band * 0.7);
  const labelEvery = Math.ceil(categories.length / Math.max(1, Math.floor(innerW / 44)));
  return (
    <figure className="space-y-1" data-testid={testId}>
      <svg viewBox={`0 0 ${width} ${height}`} className="h-auto w-full" role="img">
        <YGrid ticks={ticks} y={y} left={m.left} right={width - m.right} />
        {categories.map((c, i) => {
          let acc = 0;
          const x = m.left + i * band + (band - barW) / 2;
          return (
            <g key={c}>
              {series.map((s) => {
                const v = value(c, s.key);
                if (v <= 0) return null;
                const y0 = y(acc);
                acc += v;
                return (
                  <rect key={s.key} x={x} y={y(acc)} width={barW} height={Math.max(0.5, y0 - y(acc))} fill={s.color}>
                    <title>{`${categoryLabel(c)} · ${s.label}: ${v.toLocaleString('en-US')}`}</title>
                  </rect>
                );
              })}
              {showTotals && (
                <text x={x + barW / 2} y={y(totals[i] ?? 0) - 4} fontSize={10} fill="#334155" textAnchor="middle">
                  {(totals[i] ?? 0).toLocaleString('en-US')}
                </text>
              )}
              {i % labelEvery === 0 && (
                <text x={x + barW / 2} y={height - m.bottom + 14} fontSize={10} fill="#64748b" textAnchor="middle">
                  {categoryLabel(c)}
                </text>
              )}
            </g>
          );
        })}
        <line x1={m.left} x2={width - m.right} y1={y(0)} y2={y(0)} stroke="#cbd5e1" />
      </svg>
      <figcaption className="flex flex-wrap gap-x-3 gap-y-1 px-1 text-[11px] text-slate-600">
        {series.map((s) => (
          <span key={s.key} className="inline-flex items-center gap-1">
            <span className="inline-block h-2.5 w-2.5 rounded-sm" style={{ background: s.color }} />
            {s.label}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
