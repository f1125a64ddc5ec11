/**
 * The `problem_type` values the VideoRFT / Video-R1 trainers understand. The
 * spelling (including the space in "multiple choice" and the capitals in
 * "OCR") is load-bearing: the trainers dispatch on these exact strings.
 */
export const PROBLEM_TYPES = ['multiple choice', 'numerical', 'OCR', 'free-form', 'regression'] as const;

export type ProblemType = (typeof PROBLEM_TYPES)[number];

/** Narrowing guard for values read from imported JSON, which is untyped. */
export function isProblemType(value: unknown): value is ProblemType {
  return typeof value === 'string' && (PROBLEM_TYPES as readonly string[]).includes(value);
}
