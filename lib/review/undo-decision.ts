import { sql } from 'kysely';
import type { PrismaClient } from '@/generated/prisma/client';
import { kdb } from '@/lib/db/kysely';
import { AppError } from '../errors';
import { recordAudit } from '../audit/record-event';
import { changeItem } from './change-item';
import { getReviewItem } from './get-review-item';
import type { ReviewItem } from './review-item';

/**
 * Takes back the item's newest decision still in force: the item returns to the state that
 * decision recorded as previous, and the decision is marked undone (kept, never deleted).
 * Repeated undos walk back through older decisions.
 */
export async function undoDecision(
  db: PrismaClient,
  opts: { itemId: number; expectedRev: number; actorId: string | null },
): Promise<{ item: ReviewItem; undoneReviewId: number }> {
  const { undoneReviewId } = await changeItem(db, opts, async (tx, item) => {
    const [last, before] = await tx.review.findMany({ where: { itemId: item.id, undoneAt: null }, orderBy: { id: 'desc' }, take: 2 });
    if (!last) throw new AppError('UNPROCESSABLE', `Item ${item.id} has no decision to undo`);
    const now = new Date();
    // Who decided the restored state is whoever made the decision now in force again.
    await tx.item.update({
      where: { id: item.id },
      data: {
        reviewStatus: last.previousStatus,
        acceptedVersionId: last.previousVersionId,
        reviewedById: before && last.previousStatus !== 'pending' ? before.reviewerId : null,
        reviewedAt: before && last.previousStatus !== 'pending' ? before.createdAt : null,
      },
    });
    await tx.review.update({ where: { id: last.id }, data: { undoneAt: now } });
    // A vote comes off the item's tally; an undone adjudication reopens the item to its reviewers.
    if (last.vote && last.reviewerId) await kdb(tx).updateTable('item').set({ votes: sql`votes - ${last.reviewerId}::text` }).where('id', '=', item.id).execute();
    if (last.adjudication) await tx.item.update({ where: { id: item.id }, data: { adjudicatedAt: null } });
    await recordAudit(tx, {
      actorId: opts.actorId,
      action: 'review.undo',
      subjectType: 'item',
      subjectId: item.id,
      data: { reviewId: last.id, undoneStatus: last.status, restoredStatus: last.previousStatus, restoredVersionId: last.previousVersionId },
    });
    return { undoneReviewId: last.id };
  });
  return { item: await getReviewItem(db, opts.itemId), undoneReviewId };
}
