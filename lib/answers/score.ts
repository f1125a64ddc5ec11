/**
 * Answer scores per problem type: the VideoRFT / Video-R1 accuracy reward
 * (`mode: 'training'`) and, for regression, the eval script's mean relative
 * accuracy (`mode: 'eval'`). Both modes score the other types identically.
 */
import { checkFormat, extractAnswer, hasAnswerTag, pyStrip, type MissingTagPolicy } from './extract';
import { hasDecimalMark, parseNumber, roundTo2 } from './numbers';
import type { ProblemType } from './problem-types';
import { rougeMeanF1 } from './rouge';
import { wordErrorRate } from './wer';

export type ScoreMode = 'training' | 'eval';

export interface AnswerScore {
  /** In [0, 1]. */
  score: number;
  /** score is 1 within CORRECT_TOLERANCE. */
  correct: boolean;
}

/**
 * How far below 1 a score may be and still count as correct. Needed because
 * the training regression formula gives a perfect answer 1 − 1e-9/(|gt|+1e-9),
 * never exactly 1.
 */
export const CORRECT_TOLERANCE = 1e-6;

/** The thresholds θ of the mean relative accuracy: 0.50, 0.55, …, 0.95. */
const MRA_THRESHOLD_COUNT = 10;

function clip01(x: number): number {
  return Math.min(1, Math.max(0, x));
}

export function isCorrectScore(score: number): boolean {
  return score >= 1 - CORRECT_TOLERANCE;
}

function scoreMultipleChoice(prediction: string, groundTruth: string): number {
  return pyStrip(prediction) === pyStrip(groundTruth) ? 1 : 0;
}

function scoreNumerical(prediction: string, groundTruth: string): number {
  // "3.0" vs "3" and "1,000" vs "1000" score 0: the trainer demands the same
  // kind of number on both sides before comparing values.
  if (hasDecimalMark(prediction) !== hasDecimalMark(groundTruth)) return 0;
  const p = parseNumber(prediction);
  const g = parseNumber(groundTruth);
  if (p === null || g === null) return 0;
  return roundTo2(p) === roundTo2(g) ? 1 : 0;
}

/** Training reward: 1 − clip((|p−g| + 1e-9) / (|g| + 1e-9), 0, 1). */
function regressionTrainingScore(p: number, g: number): number {
  return 1 - clip01((Math.abs(p - g) + 1e-9) / (Math.abs(g) + 1e-9));
}

/**
 * Eval metric: the share of θ ∈ {0.50, …, 0.95} with |p−g| / |g| < 1 − θ.
 *
 * Reproduces the eval script's arithmetic: float32 tensors, a 1e-8 guard in
 * the denominator and float32 thresholds. The float32 rounding decides the
 * many boundary cases round numbers hit (110 vs 100 is a relative error of
 * exactly 0.1, which float32 counts as below 1 − 0.9 and float64 does not),
 * so results match the published eval numbers. With gt = 0 this gives 1 for
 * an exact 0 and 0 for anything else.
 */
function regressionEvalScore(p: number, g: number): number {
  const f = Math.fround;
  const pf = f(p);
  const gf = f(g);
  const relError = f(Math.abs(f(pf - gf)) / f(Math.abs(gf) + f(1e-8)));
  let hits = 0;
  for (let i = 0; i < MRA_THRESHOLD_COUNT; i++) {
    const theta = f(0.5 + 0.05 * i);
    if (relError < f(1 - theta)) hits++;
  }
  return hits / MRA_THRESHOLD_COUNT;
}

function scoreRegression(prediction: string, groundTruth: string, mode: ScoreMode): number {
  const p = parseNumber(prediction);
  const g = parseNumber(groundTruth);
  if (p === null || g === null) return 0;
  return mode === 'eval' ? regressionEvalScore(p, g) : regressionTrainingScore(p, g);
}

export interface ScoreAnswerInput {
  problemType: ProblemType;
  /** The extracted predicted answer (see extractAnswer). */
  prediction: string;
  /** The extracted ground-truth answer. */
  groundTruth: string;
  /** Only changes regression scores. Defaults to `'training'`. */
  mode?: ScoreMode;
}

/**
 * Scores an already-extracted answer against the ground truth:
 * - multiple choice: stripped strings equal, case-sensitive;
 * - numerical: 0 if only one side has '.' or ','; else both parsed and
 *   rounded to 2 decimals must be equal;
 * - OCR: 1 − WER, clipped to [0, 1];
 * - free-form: mean of ROUGE-1/2/L F1 with stemming, clipped to [0, 1];
 * - regression: relative-error reward (training) or mean relative accuracy (eval).
 * Unparsable numbers score 0. Throws on a problem type outside PROBLEM_TYPES,
 * which only untyped input can produce: validate imports with isProblemType.
 */
export function scoreAnswer(input: ScoreAnswerInput): AnswerScore {
  const { problemType, prediction, groundTruth, mode = 'training' } = input;
  let score: number;
  switch (problemType) {
    case 'multiple choice':
      score = scoreMultipleChoice(prediction, groundTruth);
      break;
    case 'numerical':
      score = scoreNumerical(prediction, groundTruth);
      break;
    case 'OCR':
      score = clip01(1 - wordErrorRate(groundTruth, prediction));
      break;
    case 'free-form':
      score = clip01(rougeMeanF1(groundTruth, prediction));
      break;
    case 'regression':
      score = scoreRegression(prediction, groundTruth, mode);
      break;
    default: {
      const unknown: never = problemType;
      throw new TypeError(`Unknown problem type: ${JSON.stringify(unknown)}`);
    }
  }
  return { score, correct: isCorrectScore(score) };
}

export interface CheckCotInput {
  problemType: ProblemType;
  /** The chain of thought to check, normally `<think>…</think><answer>…</answer>`. */
  cotText: string;
  /** The record's `solution`, `<answer>…</answer>` around the ground truth. */
  solution: string;
  /** Applied to both the CoT and the solution. Defaults to `'empty'`. */
  missingTag?: MissingTagPolicy;
  /** Defaults to `'training'`. */
  mode?: ScoreMode;
}

export interface CotCheck extends AnswerScore {
  prediction: string;
  groundTruth: string;
  formatOk: boolean;
}

/**
 * Extracts the answers from a CoT and from the solution (same rules for both),
 * scores them and runs the format check.
 *
 * With `missingTag: 'empty'` a CoT without an answer tag always scores 0, as
 * DOMAIN.md requires ("the item scores as wrong"); comparing '' literally
 * would score it 1 against an equally empty ground truth.
 */
export function checkCot(input: CheckCotInput): CotCheck {
  const { problemType, cotText, solution, missingTag = 'empty', mode = 'training' } = input;
  const prediction = extractAnswer(cotText, { missingTag });
  const groundTruth = extractAnswer(solution, { missingTag });
  const formatOk = checkFormat(cotText);
  if (missingTag === 'empty' && !hasAnswerTag(cotText)) {
    return { prediction, groundTruth, score: 0, correct: false, formatOk };
  }
  const { score, correct } = scoreAnswer({ problemType, prediction, groundTruth, mode });
  return { prediction, groundTruth, score, correct, formatOk };
}
