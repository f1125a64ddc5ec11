import type { PrismaClient } from '@/generated/prisma/client';
import { staleRevisionError } from './change-item';
import { recordDecision } from './record-decision';
import { getReviewItem } from './get-review-item';
import { formatRejectReason, type RejectReasonCode } from './reject-reasons';
import type { ReviewItem } from './review-item';

/** Rejects the item (no CoT of it is exported) with a reason from the list and a note. */
export async function rejectItem(
  db: PrismaClient,
  opts: { itemId: number; expectedRev: number; actorId: string | null; reason: RejectReasonCode; note?: string; adjudicate?: boolean },
): Promise<{ item: ReviewItem; reviewId: number }> {
  const recorded = await recordDecision(db, {
    itemId: opts.itemId,
    expectedRev: opts.expectedRev,
    status: 'rejected',
    acceptedVersionId: null,
    chosenVersionId: null,
    reason: formatRejectReason(opts.reason, opts.note),
    actorId: opts.actorId,
    action: 'review.reject',
    adjudicate: opts.adjudicate,
    auditData: { reasonCode: opts.reason, note: opts.note?.trim() ?? '' },
  });
  if (!recorded) throw await staleRevisionError(db, opts.itemId, opts.expectedRev);
  return { item: await getReviewItem(db, opts.itemId), reviewId: recorded.reviewId };
}
