import type { PrismaClient } from '@/generated/prisma/client';
import { AppError } from '../errors';
import { getReviewItem } from './get-review-item';
import type { ReviewItem, ReviewVersion } from './review-item';
import { toReviewVersion, VERSION_SELECT } from './review-item';

// The admin's adjudication view: items whose reviewers disagreed, each with every reviewer's
// decision and the CoT they chose side by side. Deciding one goes through the ordinary
// decision statement with `adjudicate` (lib/review/decide-item.ts).

export type AdjudicationListItem = { id: number; problemId: string; problem: string; votes: number; updatedAt: string };

export async function listAdjudication(
  db: PrismaClient,
  opts: { datasetId?: number; assignmentId?: number; limit?: number },
): Promise<{ items: AdjudicationListItem[]; total: number }> {
  const where = {
    reviewStatus: 'needs_adjudication' as const,
    ...(opts.datasetId !== undefined ? { datasetId: opts.datasetId } : {}),
    ...(opts.assignmentId !== undefined ? { assignments: { some: { assignmentId: opts.assignmentId } } } : {}),
  };
  const [rows, total] = await Promise.all([
    db.item.findMany({ where, orderBy: { id: 'asc' }, take: opts.limit ?? 200, select: { id: true, problemId: true, problem: true, votes: true, updatedAt: true } }),
    db.item.count({ where }),
  ]);
  return {
    total,
    items: rows.map((r) => ({ id: r.id, problemId: r.problemId, problem: r.problem.slice(0, 200), votes: Object.keys((r.votes ?? {}) as object).length, updatedAt: r.updatedAt.toISOString() })),
  };
}

export type AdjudicationVote = {
  reviewer: { id: string; name: string; email: string };
  status: 'accepted' | 'rejected';
  version: ReviewVersion | null;
  /** The reviewer's reason (a reject's, or why they accepted a CoT whose answer check fails). */
  reason: string | null;
  decidedAt: string | null;
};

export type AdjudicationItem = { item: ReviewItem; votes: AdjudicationVote[] };

export async function getAdjudicationItem(db: PrismaClient, itemId: number): Promise<AdjudicationItem> {
  const item = await getReviewItem(db, itemId);
  const row = await db.item.findUnique({ where: { id: itemId }, select: { votes: true } });
  const votes = (row?.votes ?? {}) as Record<string, string>;
  const reviewerIds = Object.keys(votes);
  if (reviewerIds.length === 0) throw new AppError('NOT_FOUND', `Item ${itemId} has no reviewers' votes to adjudicate`);
  const versionIds = Object.values(votes)
    .map((label) => Number(label.split(':')[1]))
    .filter((id) => Number.isInteger(id) && id > 0);
  const [users, versions, reviews] = await Promise.all([
    db.user.findMany({ where: { id: { in: reviewerIds } }, select: { id: true, name: true, email: true } }),
    db.cotVersion.findMany({ where: { id: { in: versionIds }, itemId }, select: VERSION_SELECT }),
    db.review.findMany({ where: { itemId, vote: true, undoneAt: null, reviewerId: { in: reviewerIds } }, orderBy: { id: 'asc' }, select: { reviewerId: true, reason: true, createdAt: true } }),
  ]);
  const latest = new Map(reviews.map((r) => [r.reviewerId, r]));
  const byVersion = new Map(versions.map((v) => [v.id, toReviewVersion(v)]));
  return {
    item,
    votes: reviewerIds
      .map((id) => {
        const [status, vid] = votes[id]!.split(':');
        const user = users.find((u) => u.id === id) ?? { id, name: id, email: id };
        const r = latest.get(id);
        return {
          reviewer: user,
          status: status === 'accepted' ? ('accepted' as const) : ('rejected' as const),
          version: vid ? (byVersion.get(Number(vid)) ?? null) : null,
          reason: r?.reason ?? null,
          decidedAt: r ? r.createdAt.toISOString() : null,
        };
      })
      .sort((a, b) => (a.decidedAt ?? '').localeCompare(b.decidedAt ?? '')),
  };
}
