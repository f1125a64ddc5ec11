import type { ProblemType } from '../answers/problem-types';

/**
 * The question as a model should read it. Multiple-choice options may already be inside
 * `problem` (VideoRFT's layout); otherwise they are appended the way Video-R1's trainers do.
 */
export function questionText(problem: string, options: string[]): string {
  if (options.length === 0) return problem.trim();
  const inside = options.every((o) => problem.includes(o.trim()));
  return inside ? problem.trim() : `${problem.trim()}\nOptions:\n${options.join('\n')}`;
}

/** Per problem type: what kind of answer, an example, and the trainers' answer instruction. */
export const ANSWER_FORMATS: Record<ProblemType, { kind: string; example: string; instruction: string }> = {
  'multiple choice': {
    kind: 'the letter of one option',
    example: 'B',
    instruction: 'Provide only the single option letter (e.g., A, B, C, D) within the <answer> </answer> tags.',
  },
  numerical: {
    kind: 'a number',
    example: '42',
    instruction: 'Provide the numerical value (e.g., 42 or 3.14) within the <answer> </answer> tags.',
  },
  regression: {
    kind: 'a number, as close to the true value as you can',
    example: '3.14',
    instruction: 'Provide the numerical value (e.g., 42 or 3.14) within the <answer> </answer> tags.',
  },
  OCR: {
    kind: 'text transcribed from the video',
    example: 'the transcribed text',
    instruction: 'Transcribe text from the video clearly and provide your text answer within the <answer> </answer> tags.',
  },
  'free-form': {
    kind: 'a short text answer',
    example: 'your answer',
    instruction: 'Provide your text answer within the <answer> </answer> tags.',
  },
};
