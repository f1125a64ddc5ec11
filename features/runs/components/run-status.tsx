const STYLE: Record<string, string> = {
  queued: 'bg-slate-100 text-slate-700 ring-slate-200',
  running: 'bg-indigo-50 text-indigo-700 ring-indigo-200',
  completed: 'bg-emerald-50 text-emerald-700 ring-emerald-200',
  cancelled: 'bg-amber-50 text-amber-800 ring-amber-200',
  failed: 'bg-rose-50 text-rose-700 ring-rose-200',
};

/** A finished run with failed items is not a green success: it shows amber until they are retried. */
export function RunStatusBadge({ status, failed = 0 }: { status: string; failed?: number }) {
  const withFailures = status === 'completed' && failed > 0;
  return (
    <span
      className={`inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${withFailures ? STYLE.cancelled : (STYLE[status] ?? STYLE.queued)}`}
      title={withFailures ? `completed with ${failed} failed item${failed === 1 ? '' : 's'}` : undefined}
      data-testid="run-status"
    >
      {status === 'running' && <span className="h-1.5 w-1.5 animate-pulse rounded-full bg-indigo-500" aria-hidden />}
      {status}
    </span>
  );
}

export function StageBadge({ stage }: { stage: string }) {
  return <span className="rounded bg-slate-800 px-1.5 py-0.5 font-mono text-[11px] text-white">{stage}</span>;
}
