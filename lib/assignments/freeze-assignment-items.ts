import { sql } from 'kysely';
import type { PrismaClient } from '@/generated/prisma/client';
import { kdb, type PrismaDb } from '@/lib/db/kysely';
import { parseItemFilter } from '../items/filter';
import { matchingItemIdsSql } from '../items/filter-sql';

type Db = PrismaDb;

/**
 * Fills assignment_item with the items its filter matches now, once (set-based; idempotent).
 * The set is frozen like a bulk action's: a decided item stays in its assignment whatever the
 * filter says about status, so consensus, agreement and the queue all see the same items.
 * Assignments made before consensus existed are filled the first time they are needed.
 */
export async function freezeAssignmentItems(db: Db, assignmentId: number): Promise<void> {
  const k = kdb(db);
  const a = await k
    .selectFrom('assignment')
    .select(['filter', sql<boolean>`items_frozen_at IS NOT NULL`.as('frozen')])
    .where('id', '=', assignmentId)
    .forUpdate()
    .executeTakeFirst();
  if (!a || a.frozen) return;
  const filter = parseItemFilter(new URLSearchParams(a.filter));
  // The filter compiles to Prisma.Sql (lib/items/filter-sql.ts), so this statement stays a Prisma tagged template.
  await db.$executeRaw`
    INSERT INTO assignment_item (assignment_id, item_id)
    SELECT ${assignmentId}, m.id FROM (${matchingItemIdsSql(filter)}) m
    ON CONFLICT DO NOTHING`;
  await k.updateTable('assignment').set({ items_frozen_at: sql`now()` }).where('id', '=', assignmentId).execute();
}

/** Freezes every not-yet-frozen assignment of a reviewer (or all, without one). */
export async function freezePendingAssignments(db: PrismaClient, reviewerId?: string): Promise<void> {
  const rows = await db.assignment.findMany({
    where: { itemsFrozenAt: null, ...(reviewerId ? { reviewers: { some: { reviewerId } } } : {}) },
    select: { id: true },
  });
  for (const r of rows) await db.$transaction((tx) => freezeAssignmentItems(tx, r.id));
}
