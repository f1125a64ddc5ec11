import { z } from 'zod';
import { PROBLEM_TYPES } from '../answers/problem-types';
import { staysInsideRoot } from '../media/resolve-path';

/** The fields DOMAIN.md gives a meaning; every other field is kept verbatim in `extra`. */
export const KNOWN_FIELDS = ['problem_id', 'problem', 'options', 'problem_type', 'data_type', 'path', 'data_source', 'process', 'solution'] as const;
export type KnownField = (typeof KNOWN_FIELDS)[number];
const KNOWN = new Set<string>(KNOWN_FIELDS);
export function isKnownField(key: string): key is KnownField {
  return KNOWN.has(key);
}

const text = (what: string) => z.string({ error: (i) => `expected ${what}, got ${describeValue(i.input)}` });

/** One Video-R1 / VideoRFT record (DOMAIN.md, "Records trainers read"). */
export const recordSchema = z.looseObject({
  problem_id: z.union([z.int(), z.string().min(1)], {
    error: (i) => `expected an integer or a non-empty string, got ${describeValue(i.input)}`,
  }),
  problem: text('the question as a string').min(1, 'expected a non-empty question'),
  options: z.array(text('each option as a string'), { error: (i) => `expected an array of strings ([] unless multiple choice), got ${describeValue(i.input)}` }).optional(),
  problem_type: z.enum(PROBLEM_TYPES, {
    error: (i) => `expected one of ${PROBLEM_TYPES.map((t) => JSON.stringify(t)).join(', ')}, got ${describeValue(i.input)}`,
  }),
  data_type: z.enum(['video', 'image'], { error: (i) => `expected "video" or "image", got ${describeValue(i.input)}` }),
  path: text('a relative media path')
    .min(1, 'expected a relative media path such as "./videos/x.mp4"')
    .refine((p) => !p.includes('\0'), {
      abort: true,
      error: 'the path contains a NUL byte (\\u0000), which no file system allows in a file name: fix the path in the file',
    })
    .refine(staysInsideRoot, {
      error: (i) => `${JSON.stringify(i.input)} leaves the media root (absolute, or climbs out with ..); paths are relative to the media root`,
    }),
  data_source: text('a string').optional(),
  process: text('a string holding <think>…</think>').optional(),
  solution: text('a string holding <answer>…</answer>'),
});

export type ImportRecord = z.infer<typeof recordSchema>;

export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing (the field is missing)';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (typeof v === 'number') return String(v);
  return `a ${typeof v}`;
}
