// A share on a 0–100% axis: the confidence interval as a band, the estimate as a dot, and the
// bar to clear as a vertical rule. Green when the whole band is above the bar.
export function IntervalBar({ low, high, estimate, bar, hasData, width = 420 }: { low: number; high: number; estimate: number; bar: number; hasData: boolean; width?: number }) {
  const h = 34;
  const pad = 8;
  const x = (v: number) => pad + v * (width - 2 * pad);
  const above = hasData && low > bar;
  return (
    <svg width={width} height={h} role="img" aria-label={`interval ${(low * 100).toFixed(1)}% to ${(high * 100).toFixed(1)}%, bar ${(bar * 100).toFixed(0)}%`} className="block">
      <line x1={x(0)} x2={x(1)} y1={14} y2={14} stroke="#e2e8f0" strokeWidth={6} strokeLinecap="round" />
      {hasData && <rect x={x(low)} y={9} width={Math.max(2, x(high) - x(low))} height={10} rx={3} fill={above ? '#10b981' : '#f59e0b'} opacity={0.55} />}
      {hasData && <circle cx={x(estimate)} cy={14} r={4} fill={above ? '#047857' : '#b45309'} />}
      <line x1={x(bar)} x2={x(bar)} y1={3} y2={25} stroke="#334155" strokeWidth={1.5} strokeDasharray="3 2" />
      {[0, 0.25, 0.5, 0.75, 1].map((t) => (
        <text key={t} x={x(t)} y={33} fontSize={9} fill="#94a3b8" textAnchor={t === 0 ? 'start' : t === 1 ? 'end' : 'middle'}>
          {t * 100}%
        </text>
      ))}
    </svg>
  );
}
