'use client';

import type { ProblemType } from '@/lib/answers/problem-types';
import { useAnswerOutcome } from './answer-threshold-context';

export type CheckValues = { answer: string | null; answerCorrect: boolean | null; answerScore: number | null; formatOk: boolean | null };

/** Scores below 1 that still mean something (OCR, free-form, regression) are worth showing. */
const GRADED: ProblemType[] = ['OCR', 'free-form', 'regression'];

/** The answer check of one CoT, per DOMAIN.md: its answer, correct or not, the score, the format. */
export function AnswerCheck({ check, problemType, compact }: { check: CheckValues; problemType: ProblemType; compact?: boolean }) {
  const { answerCorrect: correct, answerScore: score, formatOk } = check;
  // An open-ended answer at/above the keep threshold is kept (partial credit), not "wrong".
  const outcome = useAnswerOutcome(check, problemType);
  return (
    <span className="inline-flex min-w-0 items-center gap-2 text-xs" data-testid="answer-check">
      {!compact && (
        <span className="min-w-0 truncate text-slate-500" title={check.answer ?? ''}>
          answer <span className="font-medium text-slate-800">{check.answer === null || check.answer === '' ? '—' : check.answer}</span>
        </span>
      )}
      {correct === null ? (
        <span className="text-slate-400">unchecked</span>
      ) : outcome === 'kept' ? (
        <span className="inline-flex shrink-0 items-center gap-1 rounded bg-sky-50 px-1.5 py-0.5 font-medium text-sky-800" data-outcome="kept" title="Open-ended answer at or above the keep threshold: kept, with partial credit">
          ≈ kept · partial
          {score !== null && <span className="font-mono font-normal opacity-80">{score.toFixed(2)}</span>}
        </span>
      ) : (
        <span className={`inline-flex shrink-0 items-center gap-1 rounded px-1.5 py-0.5 font-medium ${correct ? 'bg-emerald-50 text-emerald-700' : 'bg-rose-50 text-rose-700'}`}>
          {correct ? '✓ correct' : '✗ wrong'}
          {score !== null && (!correct || GRADED.includes(problemType)) && <span className="font-mono font-normal opacity-80">{score.toFixed(2)}</span>}
        </span>
      )}
      {formatOk === false && <span className="shrink-0 rounded bg-amber-50 px-1.5 py-0.5 font-medium text-amber-800">format ✗</span>}
    </span>
  );
}
