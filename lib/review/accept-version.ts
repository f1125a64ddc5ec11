import type { PrismaClient } from '@/generated/prisma/client';
import { AppError } from '../errors';
import { staleRevisionError } from './change-item';
import { recordDecision } from './record-decision';
import { getReviewItem } from './get-review-item';
import { answerCheckFails } from '../answers/answer-check-rule';
import { toDomainProblemType } from '../items/problem-type';
import { openEndedMinScore } from '../answers/answer-check-sql';
import type { ReviewItem } from './review-item';

/**
 * Accepts one of the item's CoT versions (the draft, the revision or an edit) as the one to
 * export. A version that fails the trainers' format check cannot be accepted: the trainer
 * would score it 0, so it has to be fixed in the editor first. A version whose answer check
 * fails (answerCheckFails) is refused with ANSWER_CHECK_FAILED (422) unless `acceptAnyway`
 * carries the reviewer's reason, which the review row and the audit event keep.
 */
export async function acceptVersion(
  db: PrismaClient,
  opts: { itemId: number; versionId: number; expectedRev: number; actorId: string | null; acceptAnyway?: { reason: string }; adjudicate?: boolean },
): Promise<{ item: ReviewItem; reviewId: number }> {
  const anyway = opts.acceptAnyway;
  const recorded = await recordDecision(db, {
    itemId: opts.itemId,
    expectedRev: opts.expectedRev,
    status: 'accepted',
    acceptedVersionId: opts.versionId,
    chosenVersionId: opts.versionId,
    reason: anyway ? `accepted although its answer check fails: ${anyway.reason}` : null,
    actorId: opts.actorId,
    action: 'review.accept', // the audit event also records the accepted version's kind
    acceptAnyway: !!anyway,
    adjudicate: opts.adjudicate,
    auditData: anyway ? { answerCheckOverride: true, overrideReason: anyway.reason } : undefined,
  });
  if (!recorded) throw await whyNotAccepted(db, opts);
  return { item: await getReviewItem(db, opts.itemId), reviewId: recorded.reviewId };
}

/** Nothing was written: the version is not acceptable, or the item moved on (409). */
async function whyNotAccepted(db: PrismaClient, opts: { itemId: number; versionId: number; expectedRev: number; acceptAnyway?: { reason: string } }): Promise<AppError> {
  const version = await db.cotVersion.findUnique({
    where: { id: opts.versionId },
    select: { itemId: true, kind: true, formatOk: true, answer: true, answerScore: true, answerCorrect: true, item: { select: { problemType: true, groundTruth: true } } },
  });
  if (!version || version.itemId !== opts.itemId) return new AppError('BAD_REQUEST', `Version ${opts.versionId} is not a CoT of item ${opts.itemId}`);
  if (version.formatOk === false) {
    return new AppError('UNPROCESSABLE', `The ${version.kind} fails the <think>…</think><answer>…</answer> format check; edit it before accepting`);
  }
  const problemType = toDomainProblemType(version.item.problemType);
  // A stale revision is reported first: the reviewer should see what changed before anything else.
  const current = await db.item.findUnique({ where: { id: opts.itemId }, select: { rev: true } });
  if (current?.rev === opts.expectedRev && !opts.acceptAnyway && answerCheckFails(version, problemType, openEndedMinScore())) {
    const score = version.answerScore === null ? '' : ` (score ${version.answerScore.toFixed(2)})`;
    return new AppError(
      'ANSWER_CHECK_FAILED',
      `The ${version.kind}'s answer “${version.answer ?? ''}” fails the answer check against “${version.item.groundTruth}”${score}; to accept it anyway, send acceptAnyway: true with a reason`,
      { versionId: opts.versionId, answer: version.answer, answerScore: version.answerScore, groundTruth: version.item.groundTruth },
    );
  }
  return staleRevisionError(db, opts.itemId, opts.expectedRev);
}
