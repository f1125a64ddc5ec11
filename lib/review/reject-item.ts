import type { PrismaClient } from '@/generated/prisma/client';
import { changeItem, writeDecision } from './change-item';
import { getReviewItem } from './get-review-item';
import { formatRejectReason, type RejectReasonCode } from './reject-reasons';
import type { ReviewItem } from './review-item';

/** Rejects the item (no CoT of it is exported) with a reason from the list and a note. */
export async function rejectItem(
  db: PrismaClient,
  opts: { itemId: number; expectedRev: number; actorId: string | null; reason: RejectReasonCode; note?: string },
): Promise<{ item: ReviewItem; reviewId: number }> {
  const { reviewId } = await changeItem(db, opts, (tx, item) =>
    writeDecision(tx, item, {
      status: 'rejected',
      acceptedVersionId: null,
      chosenVersionId: null,
      reason: formatRejectReason(opts.reason, opts.note),
      actorId: opts.actorId,
      expectedRev: opts.expectedRev,
      action: 'review.reject',
      auditData: { reasonCode: opts.reason, note: opts.note?.trim() ?? '' },
    }),
  );
  return { item: await getReviewItem(db, opts.itemId), reviewId };
}
