import type { PrismaClient } from '@/generated/prisma/client';
import { AppError } from '../errors';
import { staleRevisionError } from './change-item';
import { recordDecision } from './record-decision';
import { getReviewItem } from './get-review-item';
import type { ReviewItem } from './review-item';

/**
 * Accepts one of the item's CoT versions (the draft, the revision or an edit) as the one to
 * export. A version that fails the trainers' format check cannot be accepted: the trainer
 * would score it 0, so it has to be fixed in the editor first.
 */
export async function acceptVersion(
  db: PrismaClient,
  opts: { itemId: number; versionId: number; expectedRev: number; actorId: string | null },
): Promise<{ item: ReviewItem; reviewId: number }> {
  const recorded = await recordDecision(db, {
    itemId: opts.itemId,
    expectedRev: opts.expectedRev,
    status: 'accepted',
    acceptedVersionId: opts.versionId,
    chosenVersionId: opts.versionId,
    reason: null,
    actorId: opts.actorId,
    action: 'review.accept', // the audit event also records the accepted version's kind
  });
  if (!recorded) throw await whyNotAccepted(db, opts);
  return { item: await getReviewItem(db, opts.itemId), reviewId: recorded.reviewId };
}

/** Nothing was written: the version is not acceptable, or the item moved on (409). */
async function whyNotAccepted(db: PrismaClient, opts: { itemId: number; versionId: number; expectedRev: number }): Promise<AppError> {
  const version = await db.cotVersion.findUnique({ where: { id: opts.versionId }, select: { itemId: true, kind: true, formatOk: true } });
  if (!version || version.itemId !== opts.itemId) return new AppError('BAD_REQUEST', `Version ${opts.versionId} is not a CoT of item ${opts.itemId}`);
  if (version.formatOk === false) {
    return new AppError('UNPROCESSABLE', `The ${version.kind} fails the <think>…</think><answer>…</answer> format check; edit it before accepting`);
  }
  return staleRevisionError(db, opts.itemId, opts.expectedRev);
}
