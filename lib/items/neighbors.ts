import type { PrismaClient } from '@/generated/prisma/client';
import { AppError } from '../errors';
import { itemFilterWhere, type ItemFilter } from './filter';
import { afterCursor, cursorOf, itemOrderBy } from './keyset';

/**
 * The items before and after `itemId` in the list the reviewer came from (its filter and
 * order), so next/previous on the review page follow the table.
 */
export async function findNeighbors(db: PrismaClient, opts: { filter: ItemFilter; itemId: number; count?: number }) {
  const { filter, itemId } = opts;
  const take = opts.count ?? 1;
  const current = await db.item.findUnique({ where: { id: itemId } });
  if (!current) throw new AppError('NOT_FOUND', `Item ${itemId} not found`);
  const cursor = cursorOf(current, filter.sort);
  const where = itemFilterWhere(filter);
  const order = itemOrderBy(filter.sort, filter.dir);
  const reversed = order.map((o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, flip(v)])));
  const [next, previous] = await Promise.all([
    db.item.findMany({ where: { AND: [where, afterCursor(filter.sort, filter.dir, cursor)] }, orderBy: order, take, select: { id: true } }),
    db.item.findMany({ where: { AND: [where, afterCursor(filter.sort, filter.dir, cursor, true)] }, orderBy: reversed, take, select: { id: true } }),
  ]);
  return { next: next.map((r) => r.id), previous: previous.map((r) => r.id) };
}

function flip(v: unknown): unknown {
  if (v === 'asc') return 'desc';
  if (v === 'desc') return 'asc';
  if (v && typeof v === 'object' && 'sort' in v) {
    const o = v as { sort: 'asc' | 'desc'; nulls: 'first' | 'last' };
    return { sort: o.sort === 'asc' ? 'desc' : 'asc', nulls: o.nulls === 'last' ? 'first' : 'last' };
  }
  return v;
}
