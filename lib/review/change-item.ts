import type { Prisma, PrismaClient } from '@/generated/prisma/client';
import type { ProblemType as DbProblemType } from '@/generated/prisma/enums';
import { AppError } from '../errors';
import { recordAudit } from '../audit/record-event';
import { getReviewItem } from './get-review-item';
import type { ReviewItem, ReviewStatus } from './review-item';

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
      const bumped = await tx.item.updateMany({ where: { id: opts.itemId, rev: opts.expectedRev }, data: { rev: { increment: 1 } } });
      if (bumped.count === 0) throw new StaleRevision();
      const item = await tx.item.findUniqueOrThrow({
        where: { id: opts.itemId },
        select: { id: true, datasetId: true, problemType: true, solution: true, reviewStatus: true, acceptedVersionId: true, reviewedById: true, reviewedAt: true },
      });
      const result = await fn(tx, item);
      return { ...result, rev: opts.expectedRev + 1 };
    });
  } catch (e) {
    if (!(e instanceof StaleRevision)) throw e;
    const current = await getReviewItem(db, opts.itemId); // NOT_FOUND when the item is gone
    throw new AppError('CONFLICT', conflictMessage(current, opts.expectedRev), { item: current });
  }
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
export async function writeDecision(
  tx: Tx,
  item: LockedItem,
  d: {
    status: ReviewStatus;
    acceptedVersionId: number | null;
    chosenVersionId: number | null;
    reason?: string | null;
    actorId: string | null;
    expectedRev: number;
    action: string;
    auditData?: Prisma.InputJsonObject;
  },
): Promise<{ reviewId: number }> {
  const now = new Date();
  await tx.item.update({
    where: { id: item.id },
    data: { reviewStatus: d.status, acceptedVersionId: d.acceptedVersionId, reviewedById: d.actorId, reviewedAt: now },
  });
  const review = await tx.review.create({
    data: {
      itemId: item.id,
      status: d.status,
      chosenVersionId: d.chosenVersionId,
      reviewerId: d.actorId,
      reason: d.reason ?? null,
      itemRev: d.expectedRev,
      previousStatus: item.reviewStatus,
      previousVersionId: item.acceptedVersionId,
      createdAt: now,
    },
    select: { id: true },
  });
  await recordAudit(tx, {
    actorId: d.actorId,
    action: d.action,
    subjectType: 'item',
    subjectId: item.id,
    data: { reviewId: review.id, status: d.status, previousStatus: item.reviewStatus, chosenVersionId: d.chosenVersionId, ...(d.auditData ?? {}) },
  });
  return { reviewId: review.id };
}
