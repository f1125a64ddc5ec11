import { isKnownField } from '../import/record-schema';
import { foldOptions } from './fold-options';
import type { ExportFormat } from './export-options';
import type { ExportRow } from './export-query';

export type SkipReason = 'noAcceptedCot' | 'noThinkBlock';
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
  const extra = row.extra === '{}' ? null : (JSON.parse(row.extra) as Record<string, unknown>);
  let out = '{';
  let first = true;
  for (let i = 0; i < layout.keys.length; i++) {
    const key = layout.keys[i]!;
    const value = layout.known[i] ? knownJson(row, key, fold, process) : extra && Object.hasOwn(extra, key) ? JSON.stringify(extra[key]) : undefined;
    if (value === undefined) continue;
    out += first ? layout.prefixes[i]! + value : `,${layout.prefixes[i]!}${value}`;
    first = false;
  }
  if (extra) {
    for (const key of Object.keys(extra)) {
      if (layout.inOrder.has(key)) continue;
      out += `${first ? '' : ','}${JSON.stringify(key)}:${JSON.stringify(extra[key])}`;
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

export function buildRecord(row: ExportRow, format: ExportFormat, opts: { foldOptions?: boolean }): Built {
  if (format === 'rl') return { json: trainerRecord(row, opts.foldOptions, undefined) };
  if (row.acceptedText === null) return { skip: 'noAcceptedCot' };
  const block = thinkBlock(row.acceptedText);
  const think = block === null ? null : jsonString(block);
  if (think === null) return { skip: 'noThinkBlock' };
  if (format === 'sft') return { json: trainerRecord(row, opts.foldOptions, think) };
  // LLaMA-Factory's multimodal sharegpt: the user turn carries the media token and the
  // question with its options (there is no separate options field to append them from).
  const media = row.dataType === 'image' ? 'image' : 'video';
  const problem = foldOptions(JSON.parse(row.problem) as string, JSON.parse(row.options) as string[], true);
  const answer = `${JSON.parse(think) as string}\n${JSON.parse(row.solution) as string}`;
  return {
    json: JSON.stringify({
      messages: [
        { role: 'user', content: `<${media}>${problem}` },
        { role: 'assistant', content: answer },
      ],
      [media === 'image' ? 'images' : 'videos']: [JSON.parse(row.path) as string],
    }),
  };
}
