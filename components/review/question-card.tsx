import type { ReviewItem } from '@/lib/review/review-item';
import { AnswerCheck } from '@/components/cot/answer-check';

/** The question as the trainer sees it, the ground truth, and how the draft and revision answer it. */
export function QuestionCard({ item }: { item: ReviewItem }) {
  // VideoRFT folds the options into the problem text; list them only when they are not there.
  const optionsShown = item.options.length > 0 && !item.options.every((o) => item.problem.includes(o));
  return (
    <section className="rounded-lg border border-slate-200 bg-white" data-testid="question">
      <div className="flex flex-wrap items-center gap-1.5 border-b border-slate-100 px-3 py-1.5 text-[11px] text-slate-500">
        <span className="rounded bg-indigo-50 px-1.5 py-0.5 font-medium text-indigo-700">{item.problemType}</span>
        <span className="rounded bg-slate-100 px-1.5 py-0.5">{item.dataSource || 'no source'}</span>
        <span className="rounded bg-slate-100 px-1.5 py-0.5">{item.dataType}</span>
        <span className="ml-auto font-mono text-slate-400">problem_id {item.problemId}</span>
      </div>
      {item.lastError && (
        <p className="border-b border-amber-100 bg-amber-50 px-3 py-1 text-xs text-amber-800" title={item.lastError}>
          Last pipeline error: <span className="line-clamp-1 inline">{item.lastError}</span>
        </p>
      )}
      <div className="max-h-40 overflow-y-auto px-3 py-2">
        <p className="text-[13px] leading-relaxed whitespace-pre-wrap text-slate-900" data-testid="problem">
          {item.problem}
        </p>
        {optionsShown && (
          <ul className="mt-1 space-y-0.5 text-[13px] text-slate-800">
            {item.options.map((o) => (
              <li key={o}>{o}</li>
            ))}
          </ul>
        )}
      </div>
      <div className="grid grid-cols-[auto_1fr] items-center gap-x-3 gap-y-1 border-t border-slate-100 px-3 py-1.5 text-xs">
        <span className="text-slate-500">Ground truth</span>
        <span className="font-semibold text-slate-900" data-testid="ground-truth">
          {item.groundTruth || '—'}
        </span>
        <span className="text-slate-500">{item.draft?.kind === 'imported' ? 'Imported' : 'Draft'}</span>
        {item.draft ? <AnswerCheck check={item.draft} problemType={item.problemType} /> : <span className="text-slate-400">none</span>}
        <span className="text-slate-500">Revision</span>
        {item.revision ? <AnswerCheck check={item.revision} problemType={item.problemType} /> : <span className="text-slate-400">none</span>}
        {item.latestEdit && (
          <>
            <span className="text-slate-500">Edit</span>
            <AnswerCheck check={item.latestEdit} problemType={item.problemType} />
          </>
        )}
      </div>
    </section>
  );
}
