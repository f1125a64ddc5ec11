import type { PrismaClient } from '@/generated/prisma/client';
import { AppError } from '../errors';
import { changeItem, writeDecision } from './change-item';
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
  const { reviewId } = await changeItem(db, opts, async (tx, item) => {
    const version = await tx.cotVersion.findUnique({ where: { id: opts.versionId }, select: { itemId: true, kind: true, formatOk: true } });
    if (!version || version.itemId !== item.id) throw new AppError('BAD_REQUEST', `Version ${opts.versionId} is not a CoT of item ${item.id}`);
    if (version.formatOk === false) {
      throw new AppError('UNPROCESSABLE', `The ${version.kind} fails the <think>…</think><answer>…</answer> format check; edit it before accepting`);
    }
    return writeDecision(tx, item, {
      status: 'accepted',
      acceptedVersionId: opts.versionId,
      chosenVersionId: opts.versionId,
      actorId: opts.actorId,
      expectedRev: opts.expectedRev,
      action: 'review.accept',
      auditData: { kind: version.kind },
    });
  });
  return { item: await getReviewItem(db, opts.itemId), reviewId };
}
