import { extractAnswer, hasAnswerTag } from '../answers/extract';
import { scoreCotText } from '../cot/score-version';
import { optionsInProblem } from '../records/fold-options';
import { mayChangeInJsonb, rawObjectFields, rawObjectText } from '../records/raw-json';
import { isKnownField, recordSchema } from '../records/record-schema';

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
  /** The unknown fields as raw JSON text, when jsonb would change them; null when `extra` is exact. */
  extraRaw: string | null;
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

/** Problems that do not stop the import but would hurt a training run (shown in the report). */
export type RecordWarning = { kind: WarningKind; field: string; message: string };
export const WARNING_KINDS = {
  pathWithoutDotSlash: "a path without the leading './' the trainers' path join expects",
  solutionWithoutAnswer: 'a solution without a complete <answer>…</answer> (the trainers read the ground truth from it)',
} as const;
export type WarningKind = keyof typeof WARNING_KINDS;

export type Validated = { ok: true; record: StagedRecord; warnings: RecordWarning[] } | { ok: false; issues: FieldIssue[] };

const INTEGER_LITERAL = /^-?(?:0|[1-9]\d*)$/;

/**
 * A problem_id written as a JSON integer beyond 2^53 parses to a rounded number: take its
 * digits from the record's text instead (it stays a number on export).
 */
function bigIntegerProblemId(value: Record<string, unknown>, text: string | undefined, fields: () => Map<string, string>): string | null {
  const id = value.problem_id;
  if (typeof id !== 'number' || Number.isSafeInteger(id) || !Number.isInteger(id) || text === undefined) return null;
  const raw = fields().get('problem_id');
  return raw !== undefined && INTEGER_LITERAL.test(raw) ? raw : null;
}

function hasMultiKeyObject(v: unknown): boolean {
  if (v === null || typeof v !== 'object') return false;
  if (Array.isArray(v)) return v.some(hasMultiKeyObject);
  const values = Object.values(v);
  return values.length > 1 || values.some(hasMultiKeyObject);
}

/**
 * The raw text of the unknown fields when a jsonb round trip would change them (a number
 * spelled otherwise than JavaScript writes it, or a nested object with several keys), else null.
 */
function rawExtra(extra: Record<string, unknown>, fields: () => Map<string, string>): string | null {
  const keys = Object.keys(extra);
  if (!keys.some((k) => mayChangeInJsonb(extra[k]))) return null;
  const raw = fields();
  const exact = keys.every((k) => !hasMultiKeyObject(extra[k]) && raw.get(k) === JSON.stringify(extra[k]));
  return exact ? null : rawObjectText(raw, keys);
}

/**
 * The imported CoT, stored once: a process carrying its own <answer> is the whole CoT (its
 * answer is checked against solution); a process holding only the think block gets the
 * solution's answer, as trainers build their target (process + "\n" + solution).
 */
export function importedCotText(process: string, solution: string): string {
  return hasAnswerTag(process) ? process : `${process}\n${solution}`;
}

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
export function validateRecord(value: unknown, text?: string): Validated {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, issues: [{ field: null, message: `expected a JSON object, got ${Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value}` }] };
  }
  // The record's fields as written, read from its text only when a value needs it.
  let fieldsCache: Map<string, string> | undefined;
  const fields = () => (fieldsCache ??= text === undefined ? new Map<string, string>() : rawObjectFields(text));
  const bigId = bigIntegerProblemId(value as Record<string, unknown>, text, fields);
  const parsed = recordSchema.safeParse(bigId === null ? value : { ...value, problem_id: 0 });
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
  const cotText = r.process === undefined ? null : importedCotText(r.process, r.solution);
  const warnings: RecordWarning[] = [];
  if (!r.path.startsWith('./')) {
    warnings.push({ kind: 'pathWithoutDotSlash', field: 'path', message: `${JSON.stringify(r.path)} does not start with "./" (the trainers join "./<root>" + path[1:], which drops its first character)` });
  }
  if (!hasAnswerTag(r.solution)) {
    warnings.push({ kind: 'solutionWithoutAnswer', field: 'solution', message: 'has no complete <answer>…</answer>: the ground truth is taken from the whole text, the trainers would read an empty answer' });
  }
  return {
    ok: true,
    warnings,
    record: {
      problemId: bigId ?? String(r.problem_id),
      problemIdIsNumber: bigId !== null || typeof r.problem_id === 'number',
      problem: r.problem,
      options,
      problemType: r.problem_type,
      dataType: r.data_type,
      path: r.path,
      dataSource: r.data_source ?? '',
      solution: r.solution,
      groundTruth: extractAnswer(r.solution, { missingTag: 'whole-text' }),
      extra,
      extraRaw: text === undefined ? null : rawExtra(extra, fields),
      fieldOrder,
      optionsInProblem: optionsInProblem(r.problem, options),
      cot: cotText === null ? null : { text: cotText, ...scoreCotText({ text: cotText, problemType: r.problem_type, solution: r.solution }) },
    },
  };
}
