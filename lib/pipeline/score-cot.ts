import { scoreCotText, type CotScore } from '../cot/score-version';
import type { ProblemType } from '../answers/problem-types';
import type { CheckSettings } from './settings';

export type { CotScore };

/** The stages' call of the one CoT scorer (lib/cot/score-version.ts), under the configured missing-answer policy. */
export function scoreCot(text: string, problemType: ProblemType, solution: string, check: Pick<CheckSettings, 'missingAnswer'>): CotScore {
  return scoreCotText({ text, problemType, solution, missingTag: check.missingAnswer });
}
