import { checkCot } from '../answers/score';
import { extractThink, type MissingTagPolicy } from '../answers/extract';
import type { ProblemType as DomainProblemType } from '../answers/problem-types';

export type CotScore = { think: string | null; answer: string; formatOk: boolean; answerScore: number; answerCorrect: boolean };

/**
 * The parsed parts and answer check stored on every CoT version: the one CoT scorer (imports,
 * edits, the demo, and the pipeline stages through lib/pipeline/score-cot.ts with the configured
 * missing-answer policy).
 */
export function scoreCotText(opts: { text: string; problemType: DomainProblemType; solution: string; missingTag?: MissingTagPolicy }): CotScore {
  const check = checkCot({ problemType: opts.problemType, cotText: opts.text, solution: opts.solution, missingTag: opts.missingTag ?? 'empty', mode: 'training' });
  return {
    think: extractThink(opts.text),
    answer: check.prediction,
    formatOk: check.formatOk,
    answerScore: check.score,
    answerCorrect: check.correct,
  };
}
