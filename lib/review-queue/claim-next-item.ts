import { sql, type RawBuilder } from 'kysely';
import type { PrismaClient } from '@/generated/prisma/client';
import { kdb } from '@/lib/db/kysely';
import { config } from '../config';
import { freezePendingAssignments } from '../assignments/freeze-assignment-items';
import { queueOrderSql, type QueueOrder } from './queue-order';

export type QueueClaim = { itemId: number; assignmentId: number; expiresAt: string; leaseMinutes: number };

/**
 * Which items of a reviewer's assignments their queue may serve (over `i`, `ai`, `a`): pending,
 * not yet decided by them, fewer votes than the assignment asks, and not claimed by someone else
 * right now. Votes sit on the item row, so after the row lock they are current.
 */
function servableSql(reviewerId: string, opts: { exclude: number[]; assignmentId?: number }): RawBuilder<unknown> {
  return sql`
    i.review_status = 'pending'
    AND NOT (coalesce(i.votes, '{}'::jsonb) ? ${reviewerId})
    AND (SELECT count(*) FROM jsonb_object_keys(coalesce(i.votes, '{}'::jsonb))) < a.required_reviews
    AND NOT EXISTS (SELECT 1 FROM item_claim c WHERE c.item_id = i.id AND c.reviewer_id <> ${reviewerId} AND c.expires_at > now())
    AND NOT (i.id = ANY(${opts.exclude}::int[]))
    ${opts.assignmentId !== undefined ? sql`AND a.id = ${opts.assignmentId}` : sql``}`;
}

const assignedItems = (reviewerId: string) => sql`
  assignment_item ai
  JOIN assignment a ON a.id = ai.assignment_id
  JOIN assignment_reviewer ar ON ar.assignment_id = a.id AND ar.reviewer_id = ${reviewerId}
  JOIN item i ON i.id = ai.item_id`;

/**
 * "Next for me": claims the next item of the reviewer's assignments for them (a lease of
 * COT_REVIEW_CLAIM_MINUTES) and returns it, or null when nothing is left. Their live claim is
 * served again first (a reload does not skip work); `exclude` skips items (J), `release` ends
 * their claim on the item they are leaving.
 *
 * Race-free in SQL: the candidate's item row is locked with FOR UPDATE SKIP LOCKED (a concurrent
 * claimer takes another item), and the claim is one row per item (primary key), taken over only
 * when expired — so no item is claimed by two reviewers at once, and a decision (which locks the
 * same row) can never let a claim exceed the votes the assignment asks for.
 */
export async function claimNextItem(
  db: PrismaClient,
  opts: { reviewerId: string; exclude?: number[]; release?: number; assignmentId?: number; order?: QueueOrder },
): Promise<QueueClaim | null> {
  const { reviewerId } = opts;
  const lease = config().reviewClaimMinutes;
  await freezePendingAssignments(db, reviewerId);
  const k = kdb(db);
  if (opts.release !== undefined) await k.deleteFrom('item_claim').where('item_id', '=', opts.release).where('reviewer_id', '=', reviewerId).execute();
  const exclude = [...(opts.exclude ?? [])];
  // A lost race (the item was claimed between our snapshot and our insert) leaves us nothing;
  // try the next candidate. Each attempt is one statement.
  for (let attempt = 0; attempt < 10; attempt++) {
    const { rows } = await sql<{ item_id: number; assignment_id: number; expires_at: Date }>`
      WITH cand AS (
        SELECT i.id, a.id AS assignment_id
          FROM ${assignedItems(reviewerId)}
         WHERE ${servableSql(reviewerId, { exclude, assignmentId: opts.assignmentId })}
         ORDER BY EXISTS (SELECT 1 FROM item_claim c WHERE c.item_id = i.id AND c.reviewer_id = ${reviewerId}) DESC, ${queueOrderSql(opts.order ?? 'id')}
         LIMIT 1
         FOR UPDATE OF i SKIP LOCKED
      )
      INSERT INTO item_claim (item_id, reviewer_id, assignment_id, claimed_at, expires_at)
      SELECT id, ${reviewerId}, assignment_id, now(), now() + make_interval(secs => ${lease * 60}) FROM cand
      ON CONFLICT (item_id) DO UPDATE SET reviewer_id = excluded.reviewer_id, assignment_id = excluded.assignment_id,
                                          claimed_at = excluded.claimed_at, expires_at = excluded.expires_at
        WHERE item_claim.expires_at <= now() OR item_claim.reviewer_id = excluded.reviewer_id
      RETURNING item_id, assignment_id, expires_at`.execute(k);
    const row = rows[0];
    if (row) {
      // Other claims of this reviewer are left to their decision (which ends them, and may still
      // be in flight), to `release`, or to the lease: ending them here could hand an item to
      // someone else before this reviewer's decision on it is saved.
      return { itemId: row.item_id, assignmentId: row.assignment_id, expiresAt: row.expires_at.toISOString(), leaseMinutes: lease };
    }
    // Nothing inserted: either no candidate at all, or we lost the race for one. Find out which.
    const {
      rows: [lost],
    } = await sql<{ id: number }>`
      SELECT i.id FROM ${assignedItems(reviewerId)} WHERE ${servableSql(reviewerId, { exclude, assignmentId: opts.assignmentId })}
      ORDER BY ${queueOrderSql(opts.order ?? 'id')} LIMIT 1`.execute(k);
    if (!lost) return null;
    exclude.push(lost.id);
  }
  return null;
}

/** How many items the reviewer's queue could still serve (claimed by them included). */
export async function countQueue(db: PrismaClient, opts: { reviewerId: string; assignmentId?: number }): Promise<number> {
  const {
    rows: [row],
  } = await sql<{ n: number }>`
    SELECT count(DISTINCT i.id)::int AS n FROM ${assignedItems(opts.reviewerId)}
     WHERE ${servableSql(opts.reviewerId, { exclude: [], assignmentId: opts.assignmentId })}`.execute(kdb(db));
  return row?.n ?? 0;
}

export type ItemClaimView = { reviewer: { id: string; name: string; email: string }; claimedAt: string; expiresAt: string } | null;

/** The live claim on an item ("being reviewed by X until …"), if any. */
export async function getItemClaim(db: PrismaClient, itemId: number): Promise<ItemClaimView> {
  const c = await db.itemClaim.findFirst({
    where: { itemId, expiresAt: { gt: new Date() } },
    select: { claimedAt: true, expiresAt: true, reviewer: { select: { id: true, name: true, email: true } } },
  });
  return c ? { reviewer: c.reviewer, claimedAt: c.claimedAt.toISOString(), expiresAt: c.expiresAt.toISOString() } : null;
}
