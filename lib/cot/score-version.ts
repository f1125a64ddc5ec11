import { checkCot } from '../answers/score';
import { extractThink } from '../answers/extract';
import type { ProblemType as DomainProblemType } from '../answers/problem-types';

/** The parsed parts and answer check stored on every CoT version. */
export function scoreCotText(opts: { text: string; problemType: DomainProblemType; solution: string }) {
  const check = checkCot({ problemType: opts.problemType, cotText: opts.text, solution: opts.solution, missingTag: 'empty', mode: 'training' });
  return {
    think: extractThink(opts.text),
    answer: check.prediction,
    formatOk: check.formatOk,
    answerScore: check.score,
    answerCorrect: check.correct,
  };
}
