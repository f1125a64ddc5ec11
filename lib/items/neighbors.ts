import { sql } from 'kysely';
import { Prisma, type PrismaClient } from '@/generated/prisma/client';
import { kdb } from '@/lib/db/kysely';
import { AppError } from '../errors';
import type { ItemFilter } from './filter';
import type { PageCursor } from './page-cursor';
import { keysetParts, keysetPartsBefore, readKeyset, sortColumn, type KeysetPart } from './keyset';

/**
 * The items before and after `itemId` in the list the reviewer came from (its filter and
 * order), so next/previous on the review page follow the table. Same SQL as the table's pages:
 * index ranges read in order, one branch per text-search alternative.
 */
export async function findNeighbors(db: PrismaClient, opts: { filter: ItemFilter; itemId: number; count?: number; restrict?: Prisma.Sql }) {
  const { filter, itemId } = opts;
  const take = opts.count ?? 1;
  const current = await kdb(db)
    .selectFrom('item')
    .select(['id', sql.ref<number | Date | null>(sortColumn(filter.sort)).as('value')])
    .where('id', '=', itemId)
    .executeTakeFirst();
  if (!current) throw new AppError('NOT_FOUND', `Item ${itemId} not found`);
  const cursor: PageCursor = { id: current.id, value: current.value instanceof Date ? current.value.toISOString() : current.value };
  const [next, previous] = await Promise.all([
    walk(db, filter, keysetParts(filter.sort, filter.dir, cursor), take, opts.restrict),
    walk(db, filter, keysetPartsBefore(filter.sort, filter.dir, cursor), take, opts.restrict),
  ]);
  return { next, previous };
}

async function walk(db: PrismaClient, filter: ItemFilter, parts: KeysetPart[], take: number, restrict?: Prisma.Sql): Promise<number[]> {
  const rows = await readKeyset<{ id: number }>(db, { filter, parts, columns: Prisma.sql`i.id`, limit: take, restrict });
  return rows.map((r) => r.id);
}
