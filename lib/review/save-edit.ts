import type { PrismaClient } from '@/generated/prisma/client';
import { AppError } from '../errors';
import { recordAudit } from '../audit/record-event';
import { toDomainProblemType } from '../items/problem-type';
import { scoreCotText } from '../cot/score-version';
import { changeItem, writeDecision } from './change-item';
import { answerCheckFails } from '../answers/answer-check-rule';
import { openEndedMinScore } from '../answers/answer-check-sql';
import { getReviewItem } from './get-review-item';
import type { ReviewItem } from './review-item';
import { ensureCotSteps } from '../steps/ensure-steps';

export const MAX_COT_LENGTH = 100_000;

/**
 * Saves a reviewer's edit as a new CoT version (kind `edit`, scored like every version),
 * optionally accepting it in the same transaction. The save names the revision of the item
 * it started from: if anything changed since, it is refused with CONFLICT and nothing is
 * written, so two reviewers never overwrite each other.
 */
export async function saveEdit(
  db: PrismaClient,
  opts: { itemId: number; baseVersionId: number; text: string; expectedRev: number; accept: boolean; actorId: string | null; acceptAnyway?: { reason: string } },
): Promise<{ item: ReviewItem; versionId: number; reviewId: number | null }> {
  if (opts.text.trim() === '') throw new AppError('BAD_REQUEST', 'The edited CoT is empty');
  if (opts.text.length > MAX_COT_LENGTH) throw new AppError('BAD_REQUEST', `The edited CoT is longer than ${MAX_COT_LENGTH} characters`);
  const result = await changeItem(db, opts, async (tx, item) => {
    const base = await tx.cotVersion.findUnique({ where: { id: opts.baseVersionId }, select: { itemId: true } });
    if (!base || base.itemId !== item.id) throw new AppError('BAD_REQUEST', `Version ${opts.baseVersionId} is not a CoT of item ${item.id}`);
    const scored = scoreCotText({ text: opts.text, problemType: toDomainProblemType(item.problemType), solution: item.solution });
    if (opts.accept && !scored.formatOk) {
      throw new AppError('UNPROCESSABLE', 'The edit fails the <think>…</think><answer>…</answer> format check; it can be saved but not accepted');
    }
    const problemType = toDomainProblemType(item.problemType);
    if (opts.accept && !opts.acceptAnyway && answerCheckFails(scored, problemType, openEndedMinScore())) {
      throw new AppError('ANSWER_CHECK_FAILED', `The edit's answer “${scored.answer}” fails the answer check; to accept it anyway, send acceptAnyway: true with a reason (or save it without accepting)`, {
        answer: scored.answer,
        answerScore: scored.answerScore,
      });
    }
    const version = await tx.cotVersion.create({
      data: { itemId: item.id, kind: 'edit', text: opts.text, ...scored, parentVersionId: opts.baseVersionId, authorId: opts.actorId },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: opts.actorId,
      action: 'review.edit',
      subjectType: 'item',
      subjectId: item.id,
      data: { versionId: version.id, baseVersionId: opts.baseVersionId, formatOk: scored.formatOk, answerCorrect: scored.answerCorrect },
    });
    if (!opts.accept) return { versionId: version.id, reviewId: null };
    const { reviewId } = await writeDecision(tx, item, {
      status: 'accepted',
      acceptedVersionId: version.id,
      chosenVersionId: version.id,
      actorId: opts.actorId,
      expectedRev: opts.expectedRev,
      action: 'review.accept',
      reason: opts.acceptAnyway ? `accepted although its answer check fails: ${opts.acceptAnyway.reason}` : null,
      auditData: { kind: 'edit', ...(opts.acceptAnyway ? { answerCheckOverride: true, overrideReason: opts.acceptAnyway.reason } : {}) },
    });
    return { versionId: version.id, reviewId };
  });
  // A new version is split into steps at once (lib/steps), so its step review starts ready.
  await ensureCotSteps(db, [result.versionId]);
  return { item: await getReviewItem(db, opts.itemId), versionId: result.versionId, reviewId: result.reviewId };
}
