const STATUS_STYLE: Record<string, string> = {
  pending: 'bg-slate-100 text-slate-700 ring-slate-200',
  accepted: 'bg-emerald-50 text-emerald-700 ring-emerald-200',
  rejected: 'bg-rose-50 text-rose-700 ring-rose-200',
  skipped: 'bg-amber-50 text-amber-700 ring-amber-200',
  needs_adjudication: 'bg-violet-50 text-violet-700 ring-violet-200',
};

export function StatusBadge({ status }: { status: string }) {
  return (
    <span className={`inline-flex items-center rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${STATUS_STYLE[status] ?? STATUS_STYLE.pending}`}>
      {status}
    </span>
  );
}

export function CorrectMark({ correct, score }: { correct: boolean | null; score: number | null }) {
  if (correct === null) return <span className="text-xs text-slate-400">—</span>;
  return (
    <span className={`text-xs font-medium ${correct ? 'text-emerald-700' : 'text-rose-700'}`} title={score === null ? undefined : `score ${score.toFixed(3)}`}>
      {correct ? '✓ correct' : '✗ wrong'}
      {score !== null && !correct && <span className="ml-1 font-normal text-slate-500">{score.toFixed(2)}</span>}
    </span>
  );
}
