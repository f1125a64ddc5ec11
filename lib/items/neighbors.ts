import { Prisma, type PrismaClient } from '@/generated/prisma/client';
import { AppError } from '../errors';
import type { ItemFilter } from './filter';
import { itemFilterSqlWithoutText, textSearchBranches } from './filter-sql';
import type { PageCursor } from './page-cursor';
import { keysetParts, keysetPartsBefore, sortColumn, type KeysetPart } from './sort-sql';

/**
 * The items before and after `itemId` in the list the reviewer came from (its filter and
 * order), so next/previous on the review page follow the table. Same SQL as the table's pages:
 * index ranges read in order, one branch per text-search alternative.
 */
export async function findNeighbors(db: PrismaClient, opts: { filter: ItemFilter; itemId: number; count?: number; restrict?: Prisma.Sql }) {
  const { filter, itemId } = opts;
  const take = opts.count ?? 1;
  const col = Prisma.raw(sortColumn(filter.sort));
  const [current] = await db.$queryRaw<{ id: number; value: number | Date | null }[]>`SELECT id, ${col} AS value FROM item WHERE id = ${itemId}`;
  if (!current) throw new AppError('NOT_FOUND', `Item ${itemId} not found`);
  const cursor: PageCursor = { id: current.id, value: current.value instanceof Date ? current.value.toISOString() : current.value };
  const [next, previous] = await Promise.all([
    walk(db, filter, keysetParts(filter.sort, filter.dir, cursor), take, opts.restrict),
    walk(db, filter, keysetPartsBefore(filter.sort, filter.dir, cursor), take, opts.restrict),
  ]);
  return { next, previous };
}

// Every column a part's ORDER BY may name, for the outer re-sort of the union.
const SORT_COLUMNS = Prisma.raw('i.id, i.updated_at, i.draft_score, i.revision_score, i.consistency_score, i.cot_length, i.risk_score, i.contradicted_steps, i.pass_rate');

async function walk(db: PrismaClient, filter: ItemFilter, parts: KeysetPart[], take: number, restrict?: Prisma.Sql): Promise<number[]> {
  const base = restrict ? Prisma.sql`${itemFilterSqlWithoutText(filter)} AND ${restrict}` : itemFilterSqlWithoutText(filter);
  const branches = textSearchBranches(filter) ?? [Prisma.sql`TRUE`];
  const out: number[] = [];
  for (const part of parts) {
    const want = take - out.length;
    if (want <= 0) break;
    // Each branch returns its first rows in the part's order; the union is re-sorted the same way.
    const selects = branches.map((b) => Prisma.sql`(SELECT ${SORT_COLUMNS} FROM item i WHERE ${base} AND ${part.where} AND ${b} ORDER BY ${part.orderBy} LIMIT ${want})`);
    const rows = await db.$queryRaw<{ id: number }[]>`
      SELECT i.id FROM (${Prisma.join(selects, ' UNION ')}) i ORDER BY ${part.orderBy} LIMIT ${want}`;
    out.push(...rows.map((r) => r.id));
  }
  return out;
}
