// Public surface of the answer-checking module: pure functions, no I/O.
export { PROBLEM_TYPES, isProblemType, type ProblemType } from './problem-types';
export {
  extractAnswer,
  extractThink,
  checkFormat,
  splitCot,
  hasAnswerTag,
  type MissingTagPolicy,
  type ExtractOptions,
  type CotParts,
} from './extract';
export { parseNumber, hasDecimalMark, roundTo2 } from './numbers';
export { wordErrorRate, wordEditDistance } from './wer';
export { porterStem, type PorterMode } from './porter-stemmer';
export {
  rougeTokenize,
  rougeN,
  rougeL,
  rougeScores,
  rougeMeanF1,
  type RougeScore,
  type RougeScores,
  type RougeOptions,
} from './rouge';
export {
  scoreAnswer,
  checkCot,
  isCorrectScore,
  CORRECT_TOLERANCE,
  type ScoreMode,
  type AnswerScore,
  type ScoreAnswerInput,
  type CheckCotInput,
  type CotCheck,
} from './score';
