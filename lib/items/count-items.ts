import { Prisma, type PrismaClient } from '@/generated/prisma/client';
import type { ItemFilter } from './filter';
import { matchingItemIdsSql, matchingItemsSql } from './filter-sql';

/** How many items match the filter (exact; the table asks for it beside the first page). */
export async function countItems(db: PrismaClient, filter: ItemFilter, restrict?: Prisma.Sql): Promise<number> {
  // `restrict`: extra SQL over `item i` (a reviewer's assignments, lib/assignments/item-access.ts).
  const matching = restrict ? matchingItemsSql(filter, Prisma.sql`i.id`, restrict) : matchingItemIdsSql(filter);
  const [row] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM (${matching}) m`;
  return row?.n ?? 0;
}
