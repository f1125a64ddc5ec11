import type { PrismaClient } from '@/generated/prisma/client';
import { parseItemFilter, type ItemFilter } from '../items/filter';

/** The filters of every assignment naming this reviewer: their assigned work, as a union. */
export async function assignedFilters(db: PrismaClient, reviewerId: string): Promise<ItemFilter[]> {
  const rows = await db.assignment.findMany({ where: { reviewers: { some: { reviewerId } } }, select: { filter: true } });
  return rows.map((r) => parseItemFilter(new URLSearchParams(r.filter)));
}
