import { isKnownField } from '../records/record-schema';
import { rawObjectFields } from '../records/raw-json';
import { foldOptions } from '../records/fold-options';
import { placeMediaToken } from './media-tokens';
import { TRAINER_PRESETS, trainerPrompt, type Trainer } from './trainer-presets';
import type { ExportFormat } from './export-options';
import type { ExportRow } from './export-query';

export type SkipReason = 'noAcceptedCot' | 'noThinkBlock' | 'stale' | 'mismatched';
/** One output record as JSON text, or why the item is left out. */
export type Built = { json: string } | { skip: SkipReason };

const STANDARD_ORDER = ['problem_id', 'problem', 'options', 'problem_type', 'data_type', 'path', 'data_source', 'solution'];

type Layout = { keys: string[]; prefixes: string[]; known: boolean[]; inOrder: Set<string> };

// Most records of a dataset share one key order: its layout (where process goes, each key's
// encoded prefix) is worked out once per distinct order and reused.
const layouts = new Map<string, Layout>();

function layoutFor(fieldOrderJson: string, withProcess: boolean): Layout {
  const cacheKey = `${withProcess ? 'p' : '-'}${fieldOrderJson}`;
  const cached = layouts.get(cacheKey);
  if (cached) return cached;
  const stored = JSON.parse(fieldOrderJson) as string[];
  let keys = stored.length > 0 ? stored : STANDARD_ORDER;
  if (!withProcess) keys = keys.filter((k) => k !== 'process');
  else if (!keys.includes('process')) {
    const at = keys.indexOf('solution');
    keys = [...keys];
    keys.splice(at === -1 ? keys.length : at, 0, 'process');
  }
  const layout: Layout = { keys, prefixes: keys.map((k) => `${JSON.stringify(k)}:`), known: keys.map(isKnownField), inOrder: new Set(keys) };
  if (layouts.size > 1000) layouts.clear();
  layouts.set(cacheKey, layout);
  return layout;
}

const str = (s: string) => JSON.stringify(s);

function problemJson(row: ExportRow, fold: boolean | undefined): string {
  if (fold === undefined || row.options === '[]') return row.problem;
  const problem = JSON.parse(row.problem) as string;
  const folded = foldOptions(problem, JSON.parse(row.options) as string[], fold);
  return folded === problem ? row.problem : str(folded);
}

function knownJson(row: ExportRow, key: string, fold: boolean | undefined, process: string | undefined): string | undefined {
  switch (key) {
    case 'problem_id':
      return row.problemId;
    case 'problem':
      return problemJson(row, fold);
    case 'options':
      return row.options;
    case 'problem_type':
      return str(row.problemType);
    case 'data_type':
      return str(row.dataType);
    case 'path':
      return row.path;
    case 'data_source':
      return row.dataSource;
    case 'solution':
      return row.solution;
    case 'process':
      return process;
  }
  return undefined;
}

/**
 * A Video-R1 / VideoRFT record in the order its fields came in: known fields from the item's
 * columns, unknown ones verbatim from `extra`. `process` (sft) keeps its original place, or goes
 * just before `solution`. Arrays and jsonb arrive as JSON text and are written as they are.
 */
function trainerRecord(row: ExportRow, fold: boolean | undefined, process: string | undefined): string {
  const layout = layoutFor(row.fieldOrder, process !== undefined);
  // The unknown fields' values as JSON text: verbatim from the file when jsonb would have
  // changed them (extra_raw), else re-encoded from jsonb (which is then exact).
  let extra: Map<string, string> | null = null;
  if (row.extraRaw !== null) extra = rawObjectFields(row.extraRaw);
  else if (row.extra !== '{}') extra = new Map(Object.entries(JSON.parse(row.extra) as Record<string, unknown>).map(([k, v]) => [k, JSON.stringify(v)]));
  let out = '{';
  let first = true;
  for (let i = 0; i < layout.keys.length; i++) {
    const key = layout.keys[i]!;
    const value = layout.known[i] ? knownJson(row, key, fold, process) : extra?.get(key);
    if (value === undefined) continue;
    out += first ? layout.prefixes[i]! + value : `,${layout.prefixes[i]!}${value}`;
    first = false;
  }
  if (extra) {
    for (const [key, value] of extra) {
      if (layout.inOrder.has(key)) continue;
      out += `${first ? '' : ','}${JSON.stringify(key)}:${value}`;
      first = false;
    }
  }
  return `${out}}`;
}

/** The first complete <think>…</think> of a CoT (what /<think>[\s\S]*?<\/think>/ matches), or null. */
export function thinkBlock(text: string): string | null {
  const start = text.indexOf('<think>');
  if (start === -1) return null;
  const stop = text.indexOf('</think>', start + 7);
  return stop === -1 ? null : text.slice(start, stop + 8);
}

// The characters JSON.stringify escapes in a string: '"', '\\', controls, and lone surrogates
// (this also sends paired ones to it, which it writes unchanged).
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/**
 * JSON.stringify(s), byte for byte, but about twice as fast on the long CoTs of an export: most
 * hold nothing to escape, and a scan is cheaper than V8's stringify of a sliced string.
 */
export function jsonString(s: string): string {
  return NEEDS_ESCAPE.test(s) ? JSON.stringify(s) : `"${s}"`;
}

export type BuildOptions = { foldOptions?: boolean; trainer?: Trainer; includeMismatched?: boolean };

/** Option folding for sft/rl: an explicit --fold-options / --no-fold-options wins over the trainer preset. */
export function effectiveFold(opts: BuildOptions): boolean | undefined {
  return opts.foldOptions ?? (opts.trainer ? TRAINER_PRESETS[opts.trainer].foldOptions : undefined);
}

export function buildRecord(row: ExportRow, format: ExportFormat, opts: BuildOptions): Built {
  // A decision a re-import made stale no longer says what the reviewers meant.
  if (row.stale) return { skip: 'stale' };
  const fold = effectiveFold(opts);
  if (format === 'rl') return { json: trainerRecord(row, fold, undefined) };
  if (row.acceptedText === null) return { skip: 'noAcceptedCot' };
  if (row.mismatched && !opts.includeMismatched) return { skip: 'mismatched' };
  const block = thinkBlock(row.acceptedText);
  const think = block === null ? null : jsonString(block);
  if (think === null) return { skip: 'noThinkBlock' };
  if (format === 'sft') return { json: trainerRecord(row, fold, think) };
  // LLaMA-Factory's multimodal sharegpt: the user turn carries the media token and the
  // question with its options (there is no separate options field to append them from); with a
  // trainer preset, inside the trainers' question template.
  const media = row.dataType === 'image' ? 'image' : 'video';
  const rawProblem = JSON.parse(row.problem) as string;
  const options = JSON.parse(row.options) as string[];
  const question = opts.trainer
    ? trainerPrompt(TRAINER_PRESETS[opts.trainer].question(rawProblem, options, row.problemType), row.problemType)
    : foldOptions(rawProblem, options, true);
  const turns = placeMediaToken(question, `${block}\n${JSON.parse(row.solution) as string}`, media);
  return {
    json: JSON.stringify({
      messages: [
        { role: 'user', content: turns.user },
        { role: 'assistant', content: turns.assistant },
      ],
      [media === 'image' ? 'images' : 'videos']: [JSON.parse(row.path) as string],
    }),
  };
}
