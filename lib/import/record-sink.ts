import { arrayLiteral, copyRow } from './copy-text';
import type { StagedRecord } from './validate-record';

export type SinkResult = { inserted: number; updated: number; videosCreated: number; versionsCreated: number; staleDecisions: number };

/** Where valid records go during an import, inside the import's transaction (see staging-sink). */
export interface RecordSink {
  add(ordinal: number, r: StagedRecord): Promise<void>;
  finish(): Promise<SinkResult>;
  /** Stops mid-way and leaves the connection ready for ROLLBACK. */
  abort(e: Error): Promise<void>;
}

export const ITEM_COPY_COLUMNS =
  'problem_id, problem_id_is_number, problem, options, problem_type, data_type, path, data_source, solution, ground_truth, extra, extra_raw, field_order, source_index';

/** The item columns of a record, in ITEM_COPY_COLUMNS order. */
export function itemValues(ordinal: number, r: StagedRecord): Array<string | number | boolean | null> {
  return [
    r.problemId,
    r.problemIdIsNumber,
    r.problem,
    arrayLiteral(r.options),
    r.problemType,
    r.dataType,
    r.path,
    r.dataSource,
    r.solution,
    r.groundTruth,
    JSON.stringify(r.extra),
    r.extraRaw,
    arrayLiteral(r.fieldOrder),
    ordinal,
  ];
}

export function cotValues(r: StagedRecord): Array<string | number | boolean | null> {
  const c = r.cot;
  return [c?.text ?? null, c?.think ?? null, c?.answer ?? null, c ? c.formatOk : null, c && Number.isFinite(c.answerScore) ? c.answerScore : null, c ? c.answerCorrect : null];
}

export { copyRow };
