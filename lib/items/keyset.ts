import { Prisma, type PrismaClient } from '@/generated/prisma/client';
import type { ItemFilter, SortField } from './filter';
import { itemFilterSqlWithoutText, textSearchBranches } from './filter-sql';
import type { PageCursor } from './page-cursor';

// The one keyset pager over items (the table's pages, the review page's next/previous). Keyset order for the items table in SQL: the sort column with nulls last in both directions,
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

/** `dir`: the direction the part's rows are read in (its orderBy's). */
export type KeysetPart = { where: Prisma.Sql; orderBy: Prisma.Sql; dir: Prisma.Sql };

/**
 * The index ranges to read, in order, for rows after `cursor` (all rows without one). Concatenate
 * the parts' rows (each part ordered by its orderBy) to get the table's order.
 */
export function keysetParts(sort: SortField, dir: 'asc' | 'desc', cursor?: PageCursor): KeysetPart[] {
  const col = Prisma.raw(`i.${COLUMN[sort]}`);
  const d = Prisma.raw(dir === 'asc' ? 'ASC' : 'DESC');
  const cmp = Prisma.raw(dir === 'asc' ? '>' : '<');
  if (sort === 'id') {
    return [{ where: cursor ? Prisma.sql`i.id ${cmp} ${cursor.id}` : Prisma.sql`TRUE`, orderBy: Prisma.sql`i.id ${d}`, dir: d }];
  }
  const value = sort === 'updatedAt' && typeof cursor?.value === 'string' ? Prisma.sql`${cursor.value}::timestamptz` : Prisma.sql`${cursor?.value ?? null}`;
  const valueOrder = Prisma.sql`${col} ${d}, i.id ${d}`;
  if (!NULLABLE[sort]) {
    return [{ where: cursor ? Prisma.sql`(${col}, i.id) ${cmp} (${value}, ${cursor.id})` : Prisma.sql`TRUE`, orderBy: valueOrder, dir: d }];
  }
  const nullOrder = Prisma.sql`i.id ${d}`;
  if (!cursor) {
    return [
      { where: Prisma.sql`${col} IS NOT NULL`, orderBy: valueOrder, dir: d },
      { where: Prisma.sql`${col} IS NULL`, orderBy: nullOrder, dir: d },
    ];
  }
  if (cursor.value === null) return [{ where: Prisma.sql`${col} IS NULL AND i.id ${cmp} ${cursor.id}`, orderBy: nullOrder, dir: d }];
  return [
    { where: Prisma.sql`${col} IS NOT NULL AND (${col}, i.id) ${cmp} (${value}, ${cursor.id})`, orderBy: valueOrder, dir: d },
    { where: Prisma.sql`${col} IS NULL`, orderBy: nullOrder, dir: d },
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
  if (sort === 'id') return [{ where: Prisma.sql`i.id ${cmp} ${cursor.id}`, orderBy: Prisma.sql`i.id ${back}`, dir: back }];
  const value = sort === 'updatedAt' && typeof cursor.value === 'string' ? Prisma.sql`${cursor.value}::timestamptz` : Prisma.sql`${cursor.value}`;
  const valueOrder = Prisma.sql`${col} ${back}, i.id ${back}`;
  if (!NULLABLE[sort]) return [{ where: Prisma.sql`(${col}, i.id) ${cmp} (${value}, ${cursor.id})`, orderBy: valueOrder, dir: back }];
  if (cursor.value === null) {
    // Among the nulls (last in the table), then every non-null row from the end backwards.
    return [
      { where: Prisma.sql`${col} IS NULL AND i.id ${cmp} ${cursor.id}`, orderBy: Prisma.sql`i.id ${back}`, dir: back },
      { where: Prisma.sql`${col} IS NOT NULL`, orderBy: valueOrder, dir: back },
    ];
  }
  return [{ where: Prisma.sql`${col} IS NOT NULL AND (${col}, i.id) ${cmp} (${value}, ${cursor.id})`, orderBy: valueOrder, dir: back }];
}

/**
 * Reads the filter's rows part after part (a later part costs nothing once `limit` rows are in),
 * `columns` (over `item i`, naming `id`) plus the sort column as "sortValue". With a text search
 * each part runs one branch per alternative, each its `limit` in order, and their union is
 * re-sorted: within a part the sort values are all non-null or all null.
 * `restrict`: extra SQL over `item i` ANDed in (a reviewer's assignments).
 */
export async function readKeyset<T extends { id: number }>(
  db: PrismaClient,
  o: { filter: ItemFilter; parts: KeysetPart[]; columns: Prisma.Sql; limit: number; restrict?: Prisma.Sql },
): Promise<(T & { sortValue: number | Date | null })[]> {
  const base = o.restrict ? Prisma.sql`${itemFilterSqlWithoutText(o.filter)} AND ${o.restrict}` : itemFilterSqlWithoutText(o.filter);
  const branches = textSearchBranches(o.filter) ?? [Prisma.sql`TRUE`];
  const sortCol = Prisma.raw(`i.${COLUMN[o.filter.sort]}`);
  const rows: (T & { sortValue: number | Date | null })[] = [];
  for (const part of o.parts) {
    const want = o.limit - rows.length;
    if (want <= 0) break;
    const selects = branches.map(
      (branch) => Prisma.sql`(SELECT ${o.columns}, ${sortCol} AS "sortValue" FROM item i
                              WHERE ${base} AND ${part.where} AND ${branch} ORDER BY ${part.orderBy} LIMIT ${want})`,
    );
    rows.push(
      ...(await db.$queryRaw<(T & { sortValue: number | Date | null })[]>`
        SELECT * FROM (${Prisma.join(selects, ' UNION ')}) page ORDER BY "sortValue" ${part.dir}, id ${part.dir} LIMIT ${want}`),
    );
  }
  return rows;
}
