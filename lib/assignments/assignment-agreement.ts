import type { Prisma, PrismaClient } from '@/generated/prisma/client';
import { AppError } from '../errors';
import { CONSENSUS_RULE_TEXT, CONSENSUS_RULES, type ConsensusRule } from '../consensus/consensus-sql';
import { cohenKappa, fleissKappa } from '../consensus/kappa';
import { freezeAssignmentItems } from './freeze-assignment-items';

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
  /** How N decisions settle an item, and the rule in words. */
  consensusRule: ConsensusRule;
  ruleText: string;
  /** Items waiting for an admin's adjudication. */
  needsAdjudication: number;
  /** Chance-corrected agreement: Cohen's kappa with two reviewers, Fleiss' kappa with more. */
  kappa: number | null;
  kappaMethod: 'cohen' | 'fleiss';
  /** Every pair of reviewers over the items both decided: raw agreement and Cohen's kappa. */
  pairs: { a: string; b: string; emailA: string; emailB: string; items: number; agreement: number | null; kappa: number | null }[];
};

// A reviewer's judgement on an item is their latest decision that was not undone; skipping is
// not a judgement, so only accepted and rejected count.
const JUDGEMENTS = ['accepted', 'rejected'] as const;

export async function assignmentAgreement(db: PrismaClient, opts: { assignmentId: number; maxDisagreements?: number }): Promise<AssignmentAgreement> {
  const a = await db.assignment.findUnique({ where: { id: opts.assignmentId }, include: { reviewers: { include: { reviewer: { select: { id: true, email: true } } } } } });
  if (!a) throw new AppError('NOT_FOUND', `No assignment ${opts.assignmentId}`);
  // The assignment's items as frozen at creation (decided items stay in it whatever the filter says).
  await db.$transaction((tx) => freezeAssignmentItems(tx, a.id));
  const where: Prisma.ItemWhereInput = { assignments: { some: { assignmentId: a.id } } };
  const reviewerIds = a.reviewers.map((r) => r.reviewerId);
  const rule: ConsensusRule = (CONSENSUS_RULES as readonly string[]).includes(a.consensusRule) ? (a.consensusRule as ConsensusRule) : 'unanimous';
  const emails = new Map(a.reviewers.map((r) => [r.reviewer.id, r.reviewer.email]));
  const [items, needsAdjudication, reviews] = await Promise.all([
    db.item.count({ where }),
    db.item.count({ where: { ...where, reviewStatus: 'needs_adjudication' } }),
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
  const labels = [...JUDGEMENTS] as string[];
  const fleissRows: number[][] = [];
  const pairLabels = new Map<string, [string, string][]>();
  for (const [itemId, { problemId, latest }] of byItem) {
    const judged = [...latest].filter(([, s]) => (JUDGEMENTS as readonly string[]).includes(s));
    fleissRows.push(labels.map((l) => judged.filter(([, s]) => s === l).length));
    for (let i = 0; i < reviewerIds.length; i++)
      for (let j = i + 1; j < reviewerIds.length; j++) {
        const x = latest.get(reviewerIds[i]!);
        const y = latest.get(reviewerIds[j]!);
        if (!x || !y || !labels.includes(x) || !labels.includes(y)) continue;
        const key = `${i}:${j}`;
        pairLabels.set(key, [...(pairLabels.get(key) ?? []), [x, y]]);
      }
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
    consensusRule: rule,
    ruleText: CONSENSUS_RULE_TEXT[rule],
    needsAdjudication,
    ...chanceCorrected(reviewerIds, emails, pairLabels, fleissRows),
  };
}

function chanceCorrected(reviewerIds: string[], emails: Map<string, string>, pairLabels: Map<string, [string, string][]>, fleissRows: number[][]) {
  const pairs: AssignmentAgreement['pairs'] = [];
  for (let i = 0; i < reviewerIds.length; i++)
    for (let j = i + 1; j < reviewerIds.length; j++) {
      const both = pairLabels.get(`${i}:${j}`) ?? [];
      const a = reviewerIds[i]!;
      const b = reviewerIds[j]!;
      pairs.push({
        a,
        b,
        emailA: emails.get(a) ?? a,
        emailB: emails.get(b) ?? b,
        items: both.length,
        agreement: both.length ? both.filter(([x, y]) => x === y).length / both.length : null,
        kappa: cohenKappa(both),
      });
    }
  const kappaMethod: AssignmentAgreement['kappaMethod'] = reviewerIds.length > 2 ? 'fleiss' : 'cohen';
  const kappa = kappaMethod === 'cohen' ? (pairs[0]?.kappa ?? null) : fleissKappa(fleissRows);
  return { pairs, kappa, kappaMethod };
}
