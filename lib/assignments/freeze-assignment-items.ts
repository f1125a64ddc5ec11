import { Prisma, type PrismaClient } from '@/generated/prisma/client';
import { parseItemFilter } from '../items/filter';
import { matchingItemIdsSql } from '../items/filter-sql';

type Db = PrismaClient | Prisma.TransactionClient;

/**
 * Fills assignment_item with the items its filter matches now, once (set-based; idempotent).
 * The set is frozen like a bulk action's: a decided item stays in its assignment whatever the
 * filter says about status, so consensus, agreement and the queue all see the same items.
 * Assignments made before consensus existed are filled the first time they are needed.
 */
export async function freezeAssignmentItems(db: Db, assignmentId: number): Promise<void> {
  const [a] = await db.$queryRaw<{ filter: string; frozen: boolean }[]>`
    SELECT filter, items_frozen_at IS NOT NULL AS frozen FROM assignment WHERE id = ${assignmentId} FOR UPDATE`;
  if (!a || a.frozen) return;
  const filter = parseItemFilter(new URLSearchParams(a.filter));
  await db.$executeRaw`
    INSERT INTO assignment_item (assignment_id, item_id)
    SELECT ${assignmentId}, m.id FROM (${matchingItemIdsSql(filter)}) m
    ON CONFLICT DO NOTHING`;
  await db.$executeRaw`UPDATE assignment SET items_frozen_at = now() WHERE id = ${assignmentId}`;
}

/** Freezes every not-yet-frozen assignment of a reviewer (or all, without one). */
export async function freezePendingAssignments(db: PrismaClient, reviewerId?: string): Promise<void> {
  const rows = await db.assignment.findMany({
    where: { itemsFrozenAt: null, ...(reviewerId ? { reviewers: { some: { reviewerId } } } : {}) },
    select: { id: true },
  });
  for (const r of rows) await db.$transaction((tx) => freezeAssignmentItems(tx, r.id));
}
