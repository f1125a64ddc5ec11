import type { PrismaClient } from '@/generated/prisma/client';
import { AppError } from '../errors';
import { changeItem, writeDecision } from './change-item';
import { getReviewItem } from './get-review-item';
import type { ReviewItem } from './review-item';

/**
 * Marks a pending item skipped ("decide later"). A decided item is never skipped: that would
 * silently take back someone's accept or reject; the page just moves on instead.
 */
export async function skipItem(
  db: PrismaClient,
  opts: { itemId: number; expectedRev: number; actorId: string | null },
): Promise<{ item: ReviewItem; reviewId: number }> {
  const { reviewId } = await changeItem(db, opts, (tx, item) => {
    if (item.reviewStatus !== 'pending') throw new AppError('CONFLICT', `Item ${item.id} is already ${item.reviewStatus}; only pending items can be skipped`);
    return writeDecision(tx, item, {
      status: 'skipped',
      acceptedVersionId: item.acceptedVersionId,
      chosenVersionId: null,
      actorId: opts.actorId,
      expectedRev: opts.expectedRev,
      action: 'review.skip',
    });
  });
  return { item: await getReviewItem(db, opts.itemId), reviewId };
}
