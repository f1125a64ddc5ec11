import type { PrismaClient } from '@/generated/prisma/client';
import type { ItemFilter } from './filter';
import { matchingItemIdsSql } from './filter-sql';

/** How many items match the filter (exact; the table asks for it beside the first page). */
export async function countItems(db: PrismaClient, filter: ItemFilter): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM (${matchingItemIdsSql(filter)}) m`;
  return row?.n ?? 0;
}
