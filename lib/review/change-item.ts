import { sql } from 'kysely';
import type { Prisma, PrismaClient } from '@/generated/prisma/client';
import { kdb } from '@/lib/db/kysely';
import type { ProblemType as DbProblemType } from '@/generated/prisma/enums';
import { AppError } from '../errors';
import { toDbProblemType, type DomainProblemType } from '../items/problem-type';
import { getReviewItem } from './get-review-item';
import type { ReviewItem, ReviewStatus } from './review-item';
import { writeDecisionInChange, type DecisionWrite } from './record-decision';

export type Tx = Prisma.TransactionClient;

/** The item as seen inside a change, after its row is locked. */
export type LockedItem = {
  id: number;
  datasetId: number;
  problemType: DbProblemType;
  solution: string;
  reviewStatus: ReviewStatus;
  acceptedVersionId: number | null;
  reviewedById: string | null;
  reviewedAt: Date | null;
};

class StaleRevision extends Error {}

/**
 * Runs `fn` in one transaction against the item at `expectedRev`, or not at all. The guarded
 * UPDATE both locks the row and checks the revision, so of two reviewers who opened the same
 * revision, exactly one wins; the other gets CONFLICT (409) carrying the item as it is now,
 * so the page can show what changed and let them choose — never a silent overwrite.
 * Every change bumps `rev` by exactly one.
 */
export async function changeItem<T>(
  db: PrismaClient,
  opts: { itemId: number; expectedRev: number },
  fn: (tx: Tx, item: LockedItem) => Promise<T>,
): Promise<T & { rev: number }> {
  try {
    return await db.$transaction(async (tx) => {
      // One statement both checks the revision, bumps it (locking the row) and reads the item.
      const row = await kdb(tx)
        .updateTable('item')
        .set({ rev: sql`rev + 1`, updated_at: sql`now()` })
        .where('id', '=', opts.itemId)
        .where('rev', '=', opts.expectedRev)
        .returning(['id', 'dataset_id', 'solution', 'review_status', 'accepted_version_id', 'reviewed_by_id', 'reviewed_at'])
        .returning(sql<DomainProblemType>`problem_type::text`.as('problem_type'))
        .executeTakeFirst();
      if (!row) throw new StaleRevision();
      const item: LockedItem = {
        id: row.id,
        datasetId: row.dataset_id,
        problemType: toDbProblemType(row.problem_type),
        solution: row.solution,
        reviewStatus: row.review_status,
        acceptedVersionId: row.accepted_version_id,
        reviewedById: row.reviewed_by_id,
        reviewedAt: row.reviewed_at,
      };
      const result = await fn(tx, item);
      return { ...result, rev: opts.expectedRev + 1 };
    });
  } catch (e) {
    if (!(e instanceof StaleRevision)) throw e;
    throw await staleRevisionError(db, opts.itemId, opts.expectedRev);
  }
}

/** CONFLICT (409) carrying the item as it is now; NOT_FOUND when the item is gone. */
export async function staleRevisionError(db: PrismaClient, itemId: number, expectedRev: number): Promise<AppError> {
  const current = await getReviewItem(db, itemId);
  return new AppError('CONFLICT', conflictMessage(current, expectedRev), { item: current });
}

function conflictMessage(item: ReviewItem, expectedRev: number): string {
  const last = item.lastDecision;
  const edit = item.latestEdit;
  const parts: string[] = [];
  if (last) parts.push(`${last.status} by ${last.reviewer?.name ?? 'someone'} at ${last.createdAt}`);
  if (edit && (!last || edit.createdAt > last.createdAt)) parts.push(`edited by ${edit.author?.name ?? 'someone'} at ${edit.createdAt}`);
  const what = parts.length ? ` (${parts.join('; ')})` : '';
  return `Item ${item.id} changed since you opened it${what}: you had revision ${expectedRev}, it is now at ${item.rev}. Nothing was saved; look at the change and choose.`;
}

/** Writes a decision: the item's review state, the append-only review row and the audit event. */
export function writeDecision(
  tx: Tx,
  item: LockedItem,
  d: Omit<DecisionWrite, 'itemId' | 'reason'> & { reason?: string | null },
): Promise<{ reviewId: number }> {
  return writeDecisionInChange(tx, { ...d, itemId: item.id, reason: d.reason ?? null });
}
