import type { ExportRow } from './build-record';
import type { ExportFilter, ExportFormat } from './export-options';

/** The filter as SQL over `item i` (parameters from $1), for the count and the cursor. */
export function exportWhere(f: ExportFilter): { sql: string; params: unknown[] } {
  const params: unknown[] = [f.dataset, [...f.status]];
  const and = ['i.dataset_id = $1', 'i.review_status = ANY($2::"ReviewStatus"[])'];
  if (f.type?.length) {
    params.push([...f.type]);
    and.push(`i.problem_type = ANY($${params.length}::"ProblemType"[])`);
  }
  if (f.source?.length) {
    params.push([...f.source]);
    and.push(`i.data_source = ANY($${params.length}::text[])`);
  }
  return { sql: and.join(' AND '), params };
}

export function exportSelect(f: ExportFilter, format: ExportFormat): { sql: string; params: unknown[] } {
  const where = exportWhere(f);
  // rl needs no CoT: skip the join entirely.
  const cot = format === 'rl' ? 'NULL::text AS accepted_text' : 'c.text AS accepted_text';
  const join = format === 'rl' ? '' : 'LEFT JOIN cot_version c ON c.id = i.accepted_version_id';
  return {
    // Arrays and jsonb travel as JSON text: JSON.parse reads them faster than the driver's own
    // array and jsonb parsing, which dominated the export's time.
    sql: `SELECT i.problem_id, i.problem_id_is_number, i.problem, to_json(i.options)::text AS options, i.problem_type::text AS problem_type,
                 i.data_type::text AS data_type, i.path, i.data_source, i.solution, i.extra::text AS extra, to_json(i.field_order)::text AS field_order, ${cot}
            FROM item i ${join}
           WHERE ${where.sql}
           ORDER BY i.id`,
    params: where.params,
  };
}

/** A row of exportSelect, fetched in array mode, as an ExportRow. */
export function toExportRow(r: unknown[]): ExportRow {
  return {
    problem_id: r[0] as string,
    problem_id_is_number: r[1] as boolean,
    problem: r[2] as string,
    options: JSON.parse(r[3] as string) as string[],
    problem_type: r[4] as string,
    data_type: r[5] as string,
    path: r[6] as string,
    data_source: r[7] as string,
    solution: r[8] as string,
    extra: JSON.parse(r[9] as string) as Record<string, unknown>,
    field_order: JSON.parse(r[10] as string) as string[],
    accepted_text: r[11] as string | null,
  };
}
