import type { PrismaClient } from '@/generated/prisma/client';
import { AppError } from '../errors';
import { DECISION_SELECT, VERSION_SELECT, toReviewDecision, toReviewVersion, type ItemHistory } from './review-item';

/** Every CoT version and every decision on an item (undone ones included), oldest first. */
export async function getItemHistory(db: PrismaClient, itemId: number): Promise<ItemHistory> {
  const [item, versions, decisions] = await Promise.all([
    db.item.findUnique({ where: { id: itemId }, select: { id: true, rev: true } }),
    db.cotVersion.findMany({ where: { itemId }, orderBy: { id: 'asc' }, select: VERSION_SELECT }),
    db.review.findMany({ where: { itemId }, orderBy: { id: 'asc' }, select: DECISION_SELECT }),
  ]);
  if (!item) throw new AppError('NOT_FOUND', `Item ${itemId} not found`);
  return { itemId, rev: item.rev, versions: versions.map(toReviewVersion), decisions: decisions.map(toReviewDecision) };
}
