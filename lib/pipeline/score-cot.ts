import { checkCot } from '../answers/score';
import { extractThink } from '../answers/extract';
import type { ProblemType } from '../answers/problem-types';
import type { CheckSettings } from './settings';

export type CotScore = { think: string | null; answer: string; formatOk: boolean; answerScore: number; answerCorrect: boolean };

/** The answer check stored on a CoT version, under the configured missing-answer policy. */
export function scoreCot(text: string, problemType: ProblemType, solution: string, check: Pick<CheckSettings, 'missingAnswer'>): CotScore {
  const c = checkCot({ problemType, cotText: text, solution, missingTag: check.missingAnswer, mode: 'training' });
  return { think: extractThink(text), answer: c.prediction, formatOk: c.formatOk, answerScore: c.score, answerCorrect: c.correct };
}
