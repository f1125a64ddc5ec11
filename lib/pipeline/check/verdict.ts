import type { ProblemType } from '../../answers/problem-types';
import type { CheckSettings } from '../settings';
import type { CotScore } from '../score-cot';

export type Verdict = { verdict: 'keep' | 'drop'; reason: string };

/** Types whose ground truth is one exact answer: a wrong final answer drops the item. */
export const CLEAR_ANSWER_TYPES: readonly ProblemType[] = ['multiple choice', 'numerical', 'OCR'];

/**
 * DOMAIN.md stage 4: items with a clear ground truth and a wrong final answer are dropped;
 * open-ended items (free-form, regression) are kept only when their answer is close enough to
 * the reference (a setting); a CoT trainers would reject (bad format) is dropped; and, when a
 * consistency threshold is set, so are CoTs that do not match the video. `cot` is the CoT
 * that would be exported: the revision when there is one, else the draft.
 */
export function decideVerdict(input: { problemType: ProblemType; cot: CotScore; consistencyScore: number | null }, s: CheckSettings): Verdict {
  const { cot } = input;
  if (!cot.formatOk) return { verdict: 'drop', reason: 'bad format' };
  if (CLEAR_ANSWER_TYPES.includes(input.problemType)) {
    if (!cot.answerCorrect) return { verdict: 'drop', reason: 'wrong answer' };
  } else if (cot.answerScore < s.openEndedMinScore) {
    return { verdict: 'drop', reason: `answer far from the reference (score ${cot.answerScore.toFixed(2)} < ${s.openEndedMinScore})` };
  }
  if (s.minConsistency !== null && input.consistencyScore !== null && input.consistencyScore < s.minConsistency) {
    return { verdict: 'drop', reason: `low consistency (${input.consistencyScore.toFixed(2)} < ${s.minConsistency})` };
  }
  return { verdict: 'keep', reason: 'passes the answer and format checks' };
}
