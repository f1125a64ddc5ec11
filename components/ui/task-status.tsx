const STYLE: Record<string, string> = {
  queued: 'bg-slate-100 text-slate-700 ring-slate-200',
  running: 'bg-indigo-50 text-indigo-700 ring-indigo-200',
  completed: 'bg-emerald-50 text-emerald-700 ring-emerald-200',
  failed: 'bg-rose-50 text-rose-700 ring-rose-200',
  cancelled: 'bg-amber-50 text-amber-700 ring-amber-200',
};

/** The state of a background task (an import or an export). */
export function TaskStatusBadge({ status }: { status: string }) {
  return <span className={`inline-flex items-center rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${STYLE[status] ?? STYLE.queued}`}>{status}</span>;
}
