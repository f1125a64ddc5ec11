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
    sql: `SELECT i.problem_id, i.problem_id_is_number, i.problem, i.options, i.problem_type::text AS problem_type,
                 i.data_type::text AS data_type, i.path, i.data_source, i.solution, i.extra, i.field_order, ${cot}
            FROM item i ${join}
           WHERE ${where.sql}
           ORDER BY i.id`,
    params: where.params,
  };
}
