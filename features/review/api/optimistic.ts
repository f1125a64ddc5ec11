import type { ReviewItem, ReviewStatus } from '@/lib/review/review-item';

/**
 * The item as the server will have it once a change commits: every change bumps rev by one, so
 * the next action on the item (undo, another decision) can be sent before this one returns.
 */
export function withOptimisticState(item: ReviewItem, change: { status: ReviewStatus; acceptedVersionId: number | null; reason?: string | null }): ReviewItem {
  const now = new Date().toISOString();
  return {
    ...item,
    rev: item.rev + 1,
    reviewStatus: change.status,
    acceptedVersionId: change.acceptedVersionId,
    reviewedAt: now,
    lastDecision: {
      id: -1,
      status: change.status,
      chosenVersionId: change.status === 'accepted' ? change.acceptedVersionId : null,
      reason: change.reason ?? null,
      reviewer: null,
      previousStatus: item.reviewStatus,
      bulk: false,
      createdAt: now,
      undoneAt: null,
    },
  };
}
