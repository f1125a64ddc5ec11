/** One coloured share of a segmented bar. */
export type ProgressSegment = { value: number; className: string; label: string };

type Props =
  | { value: number | null; tone?: 'indigo' | 'emerald' | 'rose'; label?: string; segments?: never; max?: never }
  | { segments: ProgressSegment[]; max: number; now: number; label?: string; value?: never; tone?: never };

/**
 * The one progress bar. Determinate: `value` is 0..1, or null while the total is unknown (a
 * pulsing stripe). Segmented: `segments` (e.g. done, failed, in flight) as shares of `max`,
 * each with a title saying how many; `now` is the finished count screen readers hear.
 */
export function ProgressBar(props: Props) {
  if (props.segments) {
    const { segments, max, now, label } = props;
    const total = Math.max(1, max);
    return (
      <div className="flex h-1.5 w-full overflow-hidden rounded-full bg-slate-100" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={max} aria-valuenow={now}>
        {segments.map((s) => (s.value > 0 ? <div key={s.label} className={s.className} style={{ width: `${(s.value / total) * 100}%` }} title={`${s.value} ${s.label}`} /> : null))}
      </div>
    );
  }
  const { value, tone = 'indigo', label } = props;
  const pct = value === null ? null : Math.round(Math.max(0, Math.min(1, value)) * 100);
  const color = tone === 'emerald' ? 'bg-emerald-500' : tone === 'rose' ? 'bg-rose-500' : 'bg-indigo-500';
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={pct ?? undefined}
      className="h-1.5 w-full overflow-hidden rounded-full bg-slate-200"
    >
      <div className={`h-full rounded-full transition-[width] duration-300 ${color} ${pct === null ? 'w-1/3 animate-pulse' : ''}`} style={pct === null ? undefined : { width: `${pct}%` }} />
    </div>
  );
}
