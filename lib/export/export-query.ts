import { sqlLiteral } from './copy-rows';
import type { ExportFilter, ExportFormat } from './export-options';

/**
 * The filter as SQL over `item i`, values written in as literals: the rows are read with COPY,
 * which takes no parameters, and literal `IN (…)` lists let the planner see the statuses, so the
 * default (accepted only) walks the (dataset, status, id) index in id order instead of sorting.
 */
export function exportWhere(f: ExportFilter): string {
  const and = [`i.dataset_id = ${sqlLiteral(f.dataset)}`, `i.review_status IN (${f.status.map(sqlLiteral).join(', ')})`];
  if (f.type?.length) and.push(`i.problem_type IN (${f.type.map(sqlLiteral).join(', ')})`);
  if (f.source?.length) and.push(`i.data_source IN (${f.source.map(sqlLiteral).join(', ')})`);
  return and.join(' AND ');
}

/**
 * An item as the export reads it: text columns raw, arrays and jsonb as JSON text.
 */
export type ExportRow = {
  problemId: string;
  problemIdIsNumber: boolean;
  problem: string;
  /** JSON text of the options array. */
  options: string;
  problemType: string;
  dataType: string;
  path: string;
  dataSource: string;
  solution: string;
  /** jsonb text of the unknown fields. */
  extra: string;
  /** JSON text of the source record's key order. */
  fieldOrder: string;
  /** The accepted CoT's text (null without one, and always for rl). */
  acceptedText: string | null;
};

export const EXPORT_COLUMNS = 12;

export function exportSelect(f: ExportFilter, format: ExportFormat): string {
  // rl needs no CoT: skip the join entirely. The accepted CoT travels whole; its <think> block is
  // cut out in JavaScript (in SQL, strpos/substr or a regex on every CoT cost PostgreSQL more than
  // the rest of the row together, and PostgreSQL is the export's critical path).
  const cot = format === 'rl' ? 'NULL' : 'c.text';
  const join = format === 'rl' ? '' : 'LEFT JOIN cot_version c ON c.id = i.accepted_version_id';
  return `SELECT i.problem_id, i.problem_id_is_number, i.problem, to_json(i.options)::text, i.problem_type::text, i.data_type::text,
                 i.path, i.data_source, i.solution, i.extra::text, to_json(i.field_order)::text, ${cot}
            FROM item i ${join}
           WHERE ${exportWhere(f)}
           ORDER BY i.id`;
}

/** A row read from COPY (see copyRows) as an ExportRow. */
export function toExportRow(r: Array<string | null>): ExportRow {
  return {
    problemId: r[0]!,
    problemIdIsNumber: r[1] === 't',
    problem: r[2]!,
    options: r[3]!,
    problemType: r[4]!,
    dataType: r[5]!,
    path: r[6]!,
    dataSource: r[7]!,
    solution: r[8]!,
    extra: r[9]!,
    fieldOrder: r[10]!,
    acceptedText: r[11] ?? null,
  };
}
