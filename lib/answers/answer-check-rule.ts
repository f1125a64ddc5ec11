import type { ProblemType } from './problem-types';

// The one rule for "does this CoT's answer check fail?", used by every accept path (a single
// decision, bulk actions, "accept the rest", the decide CLI), by the items table's "answer
// correct" filters and by the ✓ / kept / ✗ marks. Its SQL twin is answerCheckFailsSql in
// lib/answers/answer-check-sql.ts (test/integration/answer-guard.test.ts checks they agree).
// Client-safe: no config import; the threshold is passed in (COT_CHECK_OPEN_ENDED_MIN_SCORE).

/** Open-ended types have no single right answer: a score at or above the threshold is kept. */
export const OPEN_ENDED_TYPES: readonly ProblemType[] = ['free-form', 'regression'];

/** The default of COT_CHECK_OPEN_ENDED_MIN_SCORE, for places that have no config at hand. */
export const DEFAULT_OPEN_ENDED_MIN_SCORE = 0.5;

/**
 * - correct: the answer matches (score 1).
 * - kept: an open-ended answer scoring at/above the threshold, below 1 (partial credit): not wrong.
 * - failing: ✗ for a clear-answer type, or an open-ended score below the threshold.
 * - unchecked: no answer check was recorded (nothing to judge; never counted as failing).
 */
export type AnswerOutcome = 'correct' | 'kept' | 'failing' | 'unchecked';

export type CheckedAnswer = { answerScore: number | null; answerCorrect: boolean | null };

export function answerOutcome(v: CheckedAnswer, problemType: ProblemType, openEndedMinScore: number): AnswerOutcome {
  if (OPEN_ENDED_TYPES.includes(problemType)) {
    if (v.answerScore === null) return v.answerCorrect === null ? 'unchecked' : v.answerCorrect ? 'correct' : 'failing';
    if (v.answerCorrect === true) return 'correct';
    return v.answerScore >= openEndedMinScore ? 'kept' : 'failing';
  }
  if (v.answerCorrect === null) return 'unchecked';
  return v.answerCorrect ? 'correct' : 'failing';
}

export function answerCheckFails(v: CheckedAnswer, problemType: ProblemType, openEndedMinScore: number): boolean {
  return answerOutcome(v, problemType, openEndedMinScore) === 'failing';
}
