import { Prisma } from '@/generated/prisma/client';
import { itemFilterSql } from '../items/filter-sql';
import type { ExportFilter, ExportFormat } from './export-options';
import { LINEAGE_SQL } from './record-extras';

/**
 * The export's filter, compiled by the item-filter compiler (lib/items/filter-sql.ts) like every
 * other selection, with contaminated items left out unless asked for. Parameterized; the COPY
 * read renders it with inlineSql (copy-rows.ts). A single status compiles to an equality, so the
 * default (accepted only) walks the (dataset, status, id) index in id order instead of sorting.
 */
export function exportWhere(f: ExportFilter, opts: { includeContaminated?: boolean } = {}): Prisma.Sql {
  return itemFilterSql({ ...f, status: [...f.status], contaminated: opts.includeContaminated ? undefined : false, sort: 'id', dir: 'asc' });
}

/**
 * An item as the export reads it, every value but the CoT already JSON text: PostgreSQL encodes the short strings
 * (to_json, in C, while JavaScript works on the previous rows), so the export mostly joins
 * pieces instead of decoding and re-encoding every text.
 */
export type ExportRow = {
  /** A JSON number for a numeric problem_id, else a JSON string. */
  problemId: string;
  problem: string;
  options: string;
  /** Raw enum labels. */
  problemType: string;
  dataType: string;
  path: string;
  dataSource: string;
  solution: string;
  /** jsonb text of the unknown fields. */
  extra: string;
  fieldOrder: string;
  /** The accepted CoT's text, raw: only its <think> block is written, encoded in JavaScript (null without one, and always for rl). */
  acceptedText: string | null;
  /** Raw JSON text of the unknown fields when jsonb would have changed them (written instead of `extra`). */
  extraRaw: string | null;
  /** A re-import changed the record since its decision. */
  stale: boolean;
  /** The accepted CoT fails its answer check (✗, or an open-ended score under the keep threshold). */
  mismatched: boolean;
  /** RL pool extras: the item id, its accepted version, pass rate (JSON number) and lineage (JSON, when asked). */
  itemId?: string;
  acceptedVersionId?: string | null;
  passRate?: string | null;
  lineage?: string | null;
  reviewStatus?: string;
  reviewedAt?: string | null;
};

export const EXPORT_COLUMNS = 20;

/**
 * Whether the CoT `c` fails its answer check: for types with one right answer, not correct; for
 * free-form and regression, a score under the keep threshold (COT_CHECK_OPEN_ENDED_MIN_SCORE).
 * A CoT never scored counts as failing: nothing unchecked slips through silently.
 */
export function answerCheckFailsSql(c: string, minScore: number): Prisma.Sql {
  const v = Prisma.raw(c);
  return Prisma.sql`CASE WHEN ${v}.id IS NULL THEN false
               WHEN i.problem_type IN ('free-form', 'regression') THEN coalesce(${v}.answer_score, 0) < ${minScore}::float8
               ELSE coalesce(${v}.answer_correct, false) = false END`;
}

export function exportSelect(f: ExportFilter, format: ExportFormat, opts: { openEndedMinScore?: number; includeContaminated?: boolean; lineage?: boolean } = {}): Prisma.Sql {
  // rl needs no CoT: skip the join entirely. The accepted CoT travels whole and raw; its <think>
  // block is cut out and encoded in JavaScript (in SQL, strpos/substr or a regex on every CoT cost
  // PostgreSQL more than the rest of the row together, and to_json on it made PostgreSQL the
  // slower half of the pipeline).
  const cot = Prisma.raw(format === 'rl' ? 'NULL' : 'c.text');
  const join = Prisma.raw(format === 'rl' ? '' : 'LEFT JOIN cot_version c ON c.id = i.accepted_version_id');
  return Prisma.sql`SELECT CASE WHEN i.problem_id_is_number THEN i.problem_id ELSE to_json(i.problem_id)::text END,
                 to_json(i.problem)::text, to_json(i.options)::text, i.problem_type::text, i.data_type::text,
                 to_json(i.path)::text, to_json(i.data_source)::text, to_json(i.solution)::text, i.extra::text,
                 to_json(i.field_order)::text, ${cot}, i.extra_raw, i.stale_reason IS NOT NULL,
                 ${format === 'rl' ? Prisma.sql`false` : answerCheckFailsSql('c', opts.openEndedMinScore ?? 0.5)},
                 i.id, i.accepted_version_id, i.pass_rate, ${Prisma.raw(opts.lineage ? LINEAGE_SQL : 'NULL')}, i.review_status::text, i.reviewed_at
            FROM item i ${join}
           WHERE ${exportWhere(f, opts)}
           ORDER BY i.id`;
}

/** A row read from COPY (see copyRows) as an ExportRow. */
export function toExportRow(r: Array<string | null>): ExportRow {
  return {
    problemId: r[0]!,
    problem: r[1]!,
    options: r[2]!,
    problemType: r[3]!,
    dataType: r[4]!,
    path: r[5]!,
    dataSource: r[6]!,
    solution: r[7]!,
    extra: r[8]!,
    fieldOrder: r[9]!,
    acceptedText: r[10] ?? null,
    extraRaw: r[11] ?? null,
    stale: r[12] === 't',
    mismatched: r[13] === 't',
    itemId: r[14]!,
    acceptedVersionId: r[15] ?? null,
    passRate: r[16] ?? null,
    lineage: r[17] ?? null,
    reviewStatus: r[18]!,
    reviewedAt: r[19] ?? null,
  };
}
