import { isKnownField } from '../import/record-schema';
import { foldOptions } from './fold-options';
import type { ExportFormat } from './export-options';

/** An item as the export query returns it. */
export type ExportRow = {
  problem_id: string;
  problem_id_is_number: boolean;
  problem: string;
  options: string[];
  problem_type: string;
  data_type: string;
  path: string;
  data_source: string;
  solution: string;
  extra: Record<string, unknown>;
  field_order: string[];
  accepted_text: string | null;
};

export type SkipReason = 'noAcceptedCot' | 'noThinkBlock';
export type Built = { record: Record<string, unknown> } | { skip: SkipReason };

const STANDARD_ORDER = ['problem_id', 'problem', 'options', 'problem_type', 'data_type', 'path', 'data_source', 'process', 'solution'];
const THINK_BLOCK = /<think>[\s\S]*?<\/think>/;

function knownValue(row: ExportRow, key: string, fold: boolean | undefined, process: string | undefined): unknown {
  switch (key) {
    case 'problem_id':
      return row.problem_id_is_number ? Number(row.problem_id) : row.problem_id;
    case 'problem':
      return foldOptions(row.problem, row.options, fold);
    case 'options':
      return row.options;
    case 'problem_type':
      return row.problem_type;
    case 'data_type':
      return row.data_type;
    case 'path':
      return row.path;
    case 'data_source':
      return row.data_source;
    case 'process':
      return process;
    case 'solution':
      return row.solution;
  }
  return undefined;
}

/**
 * A Video-R1 / VideoRFT record in the order its fields came in: known fields from the item's
 * columns, unknown ones verbatim from `extra`. `process` is written only when given (sft), at
 * its original place or just before `solution`.
 */
function trainerRecord(row: ExportRow, fold: boolean | undefined, process: string | undefined): Record<string, unknown> {
  let order = row.field_order.length > 0 ? [...row.field_order] : STANDARD_ORDER.filter((k) => k !== 'process');
  if (process === undefined) order = order.filter((k) => k !== 'process');
  else if (!order.includes('process')) {
    const at = order.indexOf('solution');
    order.splice(at === -1 ? order.length : at, 0, 'process');
  }
  const entries: Array<[string, unknown]> = [];
  for (const key of order) {
    if (isKnownField(key)) entries.push([key, knownValue(row, key, fold, process)]);
    else if (Object.hasOwn(row.extra, key)) entries.push([key, row.extra[key]]);
  }
  for (const key of Object.keys(row.extra)) if (!order.includes(key)) entries.push([key, row.extra[key]]);
  // fromEntries keeps a field named "__proto__" an ordinary field.
  return Object.fromEntries(entries);
}

function acceptedThink(row: ExportRow): { process: string } | { skip: SkipReason } {
  if (row.accepted_text === null) return { skip: 'noAcceptedCot' };
  const m = THINK_BLOCK.exec(row.accepted_text);
  return m ? { process: m[0] } : { skip: 'noThinkBlock' };
}

export function buildRecord(row: ExportRow, format: ExportFormat, opts: { foldOptions?: boolean }): Built {
  if (format === 'rl') return { record: trainerRecord(row, opts.foldOptions, undefined) };
  const think = acceptedThink(row);
  if ('skip' in think) return think;
  if (format === 'sft') return { record: trainerRecord(row, opts.foldOptions, think.process) };
  // LLaMA-Factory's multimodal sharegpt: the user turn carries the media token and the
  // question with its options (there is no separate options field to append them from).
  const media = row.data_type === 'image' ? 'image' : 'video';
  return {
    record: {
      messages: [
        { role: 'user', content: `<${media}>${foldOptions(row.problem, row.options, true)}` },
        { role: 'assistant', content: `${think.process}\n${row.solution}` },
      ],
      [media === 'image' ? 'images' : 'videos']: [row.path],
    },
  };
}
