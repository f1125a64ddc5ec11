import { compact } from './scale';

/** The horizontal grid lines and left-hand labels every chart draws at its y ticks. */
export function YGrid({ ticks, y, left, right }: { ticks: number[]; y: (v: number) => number; left: number; right: number }) {
  return (
    <>
      {ticks.map((t) => (
        <g key={t}>
          <line x1={left} x2={right} y1={y(t)} y2={y(t)} stroke="#f1f5f9" />
          <text x={left - 6} y={y(t) + 3} fontSize={10} fill="#94a3b8" textAnchor="end">
            {compact(t)}
          </text>
        </g>
      ))}
    </>
  );
}
