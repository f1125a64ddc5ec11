import { Prisma } from '@/generated/prisma/client';
import type { SortField } from './filter';
import type { PageCursor } from './page-cursor';

// Keyset order for the items table in SQL: the sort column with nulls last in both directions,
// then id. A single ORDER BY col DESC NULLS LAST cannot walk the (dataset_id, col, id) index, so
// nullable sorts read two index ranges one after the other — the non-null values, then the
// nulls in id order — each of which the index returns already sorted.

const COLUMN: Record<SortField, string> = {
  id: 'id',
  updatedAt: 'updated_at',
  draftScore: 'draft_score',
  revisionScore: 'revision_score',
  consistencyScore: 'consistency_score',
  cotLength: 'cot_length',
  riskScore: 'risk_score',
  contradictedSteps: 'contradicted_steps',
  passRate: 'pass_rate',
};

const NULLABLE: Record<SortField, boolean> = {
  id: false,
  updatedAt: false,
  draftScore: true,
  revisionScore: true,
  consistencyScore: true,
  cotLength: true,
  riskScore: false,
  contradictedSteps: false,
  passRate: true,
};

export type KeysetPart = { where: Prisma.Sql; orderBy: Prisma.Sql };

/**
 * The index ranges to read, in order, for rows after `cursor` (all rows without one). Concatenate
 * the parts' rows (each part ordered by its orderBy) to get the table's order.
 */
export function keysetParts(sort: SortField, dir: 'asc' | 'desc', cursor?: PageCursor): KeysetPart[] {
  const col = Prisma.raw(`i.${COLUMN[sort]}`);
  const d = Prisma.raw(dir === 'asc' ? 'ASC' : 'DESC');
  const cmp = Prisma.raw(dir === 'asc' ? '>' : '<');
  if (sort === 'id') {
    return [{ where: cursor ? Prisma.sql`i.id ${cmp} ${cursor.id}` : Prisma.sql`TRUE`, orderBy: Prisma.sql`i.id ${d}` }];
  }
  const value = sort === 'updatedAt' && typeof cursor?.value === 'string' ? Prisma.sql`${cursor.value}::timestamptz` : Prisma.sql`${cursor?.value ?? null}`;
  const valueOrder = Prisma.sql`${col} ${d}, i.id ${d}`;
  if (!NULLABLE[sort]) {
    return [{ where: cursor ? Prisma.sql`(${col}, i.id) ${cmp} (${value}, ${cursor.id})` : Prisma.sql`TRUE`, orderBy: valueOrder }];
  }
  const nullOrder = Prisma.sql`i.id ${d}`;
  if (!cursor) {
    return [
      { where: Prisma.sql`${col} IS NOT NULL`, orderBy: valueOrder },
      { where: Prisma.sql`${col} IS NULL`, orderBy: nullOrder },
    ];
  }
  if (cursor.value === null) return [{ where: Prisma.sql`${col} IS NULL AND i.id ${cmp} ${cursor.id}`, orderBy: nullOrder }];
  return [
    { where: Prisma.sql`${col} IS NOT NULL AND (${col}, i.id) ${cmp} (${value}, ${cursor.id})`, orderBy: valueOrder },
    { where: Prisma.sql`${col} IS NULL`, orderBy: nullOrder },
  ];
}

export function sortColumn(sort: SortField): string {
  return COLUMN[sort];
}

/**
 * The index ranges holding the rows before `cursor`, nearest first (the table's order walked
 * backwards), for "previous" on the review page.
 */
export function keysetPartsBefore(sort: SortField, dir: 'asc' | 'desc', cursor: PageCursor): KeysetPart[] {
  const col = Prisma.raw(`i.${COLUMN[sort]}`);
  const back = Prisma.raw(dir === 'asc' ? 'DESC' : 'ASC');
  const cmp = Prisma.raw(dir === 'asc' ? '<' : '>');
  if (sort === 'id') return [{ where: Prisma.sql`i.id ${cmp} ${cursor.id}`, orderBy: Prisma.sql`i.id ${back}` }];
  const value = sort === 'updatedAt' && typeof cursor.value === 'string' ? Prisma.sql`${cursor.value}::timestamptz` : Prisma.sql`${cursor.value}`;
  const valueOrder = Prisma.sql`${col} ${back}, i.id ${back}`;
  if (!NULLABLE[sort]) return [{ where: Prisma.sql`(${col}, i.id) ${cmp} (${value}, ${cursor.id})`, orderBy: valueOrder }];
  if (cursor.value === null) {
    // Among the nulls (last in the table), then every non-null row from the end backwards.
    return [
      { where: Prisma.sql`${col} IS NULL AND i.id ${cmp} ${cursor.id}`, orderBy: Prisma.sql`i.id ${back}` },
      { where: Prisma.sql`${col} IS NOT NULL`, orderBy: valueOrder },
    ];
  }
  return [{ where: Prisma.sql`${col} IS NOT NULL AND (${col}, i.id) ${cmp} (${value}, ${cursor.id})`, orderBy: valueOrder }];
}
