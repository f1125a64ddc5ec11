import type { RunView } from '@/lib/runs/run-view';

/** Done, failed, skipped, cancelled and in-flight shares of a run, in one bar. */
export function ProgressBar({ run }: { run: RunView }) {
  const total = Math.max(1, run.total);
  const seg = (n: number, cls: string, label: string) =>
    n > 0 ? <div key={label} className={cls} style={{ width: `${(n / total) * 100}%` }} title={`${n} ${label}`} /> : null;
  return (
    <div className="flex h-1.5 w-full overflow-hidden rounded-full bg-slate-100" role="progressbar" aria-valuemin={0} aria-valuemax={run.total} aria-valuenow={run.done + run.failed + run.skipped}>
      {seg(run.done, 'bg-emerald-500', 'done')}
      {seg(run.failed, 'bg-rose-500', 'failed')}
      {seg(run.skipped, 'bg-slate-300', 'skipped')}
      {seg(run.cancelled, 'bg-amber-300', 'cancelled')}
      {seg(run.inFlight, 'bg-indigo-300 animate-pulse', 'in flight')}
    </div>
  );
}
