import { extractAnswer } from '../answers/extract';
import { scoreCotText } from '../cot/score-version';
import { optionsInProblem } from '../export/fold-options';
import { isKnownField, recordSchema } from './record-schema';

/** A record ready for the staging table. */
export type StagedRecord = {
  problemId: string;
  problemIdIsNumber: boolean;
  problem: string;
  options: string[];
  problemType: string;
  dataType: 'video' | 'image';
  path: string;
  dataSource: string;
  solution: string;
  groundTruth: string;
  extra: Record<string, unknown>;
  fieldOrder: string[];
  optionsInProblem: boolean;
  cot: null | {
    text: string;
    think: string | null;
    answer: string;
    formatOk: boolean;
    answerScore: number;
    answerCorrect: boolean;
  };
};

export type FieldIssue = { field: string | null; message: string };

export type Validated = { ok: true; record: StagedRecord } | { ok: false; issues: FieldIssue[] };

// With the u flag, a surrogate pair is one code point, so this matches only unpaired halves.
const LONE_SURROGATE = /\p{Cs}/u;
function wellFormed(s: string): boolean {
  return !LONE_SURROGATE.test(s);
}

/**
 * PostgreSQL text cannot hold NUL, and a lone UTF-16 surrogate cannot be written as UTF-8
 * without turning into U+FFFD: either would change a value on the way in, so both are refused
 * with the field named, rather than stored differently from the file.
 */
function findUnstorable(value: unknown, path: string, out: FieldIssue[]): void {
  if (out.length >= 5) return;
  if (typeof value === 'string') {
    if (value.includes('\0')) out.push({ field: path, message: 'contains a NUL character (\\u0000), which the database cannot store' });
    else if (!wellFormed(value)) out.push({ field: path, message: 'contains an unpaired UTF-16 surrogate, which cannot be stored as UTF-8 unchanged' });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => findUnstorable(v, `${path}[${i}]`, out));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const sub = path ? `${path}.${k}` : k;
      if (k.includes('\0') || !wellFormed(k)) out.push({ field: sub, message: 'the field name cannot be stored unchanged (NUL or unpaired surrogate)' });
      findUnstorable(v, sub, out);
    }
  }
}

/** Validates one parsed record against DOMAIN.md; unknown fields are kept, never refused. */
export function validateRecord(value: unknown): Validated {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, issues: [{ field: null, message: `expected a JSON object, got ${Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value}` }] };
  }
  const parsed = recordSchema.safeParse(value);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((i) => ({ field: i.path.length ? i.path.map(String).join('.') : null, message: i.message })),
    };
  }
  const unstorable: FieldIssue[] = [];
  findUnstorable(value, '', unstorable);
  if (unstorable.length) return { ok: false, issues: unstorable };

  const r = parsed.data;
  const fieldOrder = Object.keys(value);
  // fromEntries defines own properties, so a field named "__proto__" stays an ordinary field.
  const extra = Object.fromEntries(Object.entries(value).filter(([k]) => !isKnownField(k)));
  const options = r.options ?? [];
  const cotText = r.process === undefined ? null : `${r.process}\n${r.solution}`;
  return {
    ok: true,
    record: {
      problemId: String(r.problem_id),
      problemIdIsNumber: typeof r.problem_id === 'number',
      problem: r.problem,
      options,
      problemType: r.problem_type,
      dataType: r.data_type,
      path: r.path,
      dataSource: r.data_source ?? '',
      solution: r.solution,
      groundTruth: extractAnswer(r.solution, { missingTag: 'whole-text' }),
      extra,
      fieldOrder,
      optionsInProblem: optionsInProblem(r.problem, options),
      cot: cotText === null ? null : { text: cotText, ...scoreCotText({ text: cotText, problemType: r.problem_type, solution: r.solution }) },
    },
  };
}
