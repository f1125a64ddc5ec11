import type { PrismaClient } from '@/generated/prisma/client';
import { AppError } from '../errors';
import { itemFilterWhere, parseItemFilter } from '../items/filter';

export type AssignmentAgreement = {
  assignmentId: number;
  requiredReviews: number;
  items: number;
  /** Items with at least requiredReviews reviewers' decisions. */
  complete: number;
  /** Items with some decisions but fewer than required. */
  inProgress: number;
  /** Among items with two or more reviewers' decisions: how many had all reviewers agree. */
  compared: number;
  unanimous: number;
  agreement: number | null;
  /** Pairwise: over every pair of reviewers on the same item, the share that agree. */
  pairwise: number | null;
  disagreements: { itemId: number; problemId: string; decisions: { reviewerId: string; email: string; status: string }[] }[];
  perReviewer: { reviewerId: string; email: string; decided: number }[];
};

// A reviewer's judgement on an item is their latest decision that was not undone; skipping is
// not a judgement, so only accepted and rejected count.
const JUDGEMENTS = ['accepted', 'rejected'] as const;

export async function assignmentAgreement(db: PrismaClient, opts: { assignmentId: number; maxDisagreements?: number }): Promise<AssignmentAgreement> {
  const a = await db.assignment.findUnique({ where: { id: opts.assignmentId }, include: { reviewers: { include: { reviewer: { select: { id: true, email: true } } } } } });
  if (!a) throw new AppError('NOT_FOUND', `No assignment ${opts.assignmentId}`);
  const where = itemFilterWhere(parseItemFilter(new URLSearchParams(a.filter)));
  const reviewerIds = a.reviewers.map((r) => r.reviewerId);
  const emails = new Map(a.reviewers.map((r) => [r.reviewer.id, r.reviewer.email]));
  const [items, reviews] = await Promise.all([
    db.item.count({ where }),
    db.review.findMany({
      where: { undoneAt: null, reviewerId: { in: reviewerIds }, item: where },
      orderBy: [{ itemId: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
      select: { itemId: true, reviewerId: true, status: true, item: { select: { problemId: true } } },
    }),
  ]);
  // Later rows overwrite earlier ones: the latest decision per (item, reviewer) wins.
  const byItem = new Map<number, { problemId: string; latest: Map<string, string> }>();
  for (const r of reviews) {
    if (!r.reviewerId) continue;
    const entry = byItem.get(r.itemId) ?? { problemId: r.item.problemId, latest: new Map<string, string>() };
    entry.latest.set(r.reviewerId, r.status);
    byItem.set(r.itemId, entry);
  }
  let complete = 0;
  let inProgress = 0;
  let compared = 0;
  let unanimous = 0;
  let pairs = 0;
  let agreeingPairs = 0;
  const decided = new Map<string, number>();
  const disagreements: AssignmentAgreement['disagreements'] = [];
  for (const [itemId, { problemId, latest }] of byItem) {
    const judged = [...latest].filter(([, s]) => (JUDGEMENTS as readonly string[]).includes(s));
    for (const [rid] of judged) decided.set(rid, (decided.get(rid) ?? 0) + 1);
    if (judged.length >= a.requiredReviews) complete++;
    else if (judged.length > 0) inProgress++;
    if (judged.length < 2) continue;
    compared++;
    const statuses = judged.map(([, s]) => s);
    if (statuses.every((s) => s === statuses[0])) unanimous++;
    else if (disagreements.length < (opts.maxDisagreements ?? 50)) {
      disagreements.push({ itemId, problemId, decisions: judged.map(([reviewerId, status]) => ({ reviewerId, email: emails.get(reviewerId) ?? reviewerId, status })) });
    }
    for (let i = 0; i < statuses.length; i++)
      for (let j = i + 1; j < statuses.length; j++) {
        pairs++;
        if (statuses[i] === statuses[j]) agreeingPairs++;
      }
  }
  return {
    assignmentId: a.id,
    requiredReviews: a.requiredReviews,
    items,
    complete,
    inProgress,
    compared,
    unanimous,
    agreement: compared > 0 ? unanimous / compared : null,
    pairwise: pairs > 0 ? agreeingPairs / pairs : null,
    disagreements,
    perReviewer: reviewerIds.map((id) => ({ reviewerId: id, email: emails.get(id) ?? id, decided: decided.get(id) ?? 0 })),
  };
}
