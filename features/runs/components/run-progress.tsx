import type { RunView } from '@/lib/runs/run-view';
import { ProgressBar } from '@/components/ui/progress-bar';

/** Done, failed, skipped, cancelled and in-flight shares of a run, in one bar. */
export function RunProgress({ run }: { run: RunView }) {
  return (
    <ProgressBar
      max={run.total}
      now={run.done + run.failed + run.skipped}
      segments={[
        { value: run.done, className: 'bg-emerald-500', label: 'done' },
        { value: run.failed, className: 'bg-rose-500', label: 'failed' },
        { value: run.skipped, className: 'bg-slate-300', label: 'skipped' },
        { value: run.cancelled, className: 'bg-amber-300', label: 'cancelled' },
        { value: run.inFlight, className: 'bg-indigo-300 animate-pulse', label: 'in flight' },
      ]}
    />
  );
}
