import { z } from 'zod';
import type { PrismaClient } from '@/generated/prisma/client';
import { recordAudit } from '../audit/record-event';
import { AppError } from '../errors';
import { ensureCotSteps } from './ensure-steps';
import { refreshItemStepSummary } from './item-step-summary';
import type { StepReviewState } from './step-types';

// One change to a version's step review. Verdicts belong to the CoT version (a new edit starts
// unreviewed; the old version keeps its labels as history), every change is audited, and
// `expectedRev` (the version's step-review rev the page saw) refuses a stale change with 409.

export const MAX_STEP_NOTE = 500;

export const stepChangeSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('label'), stepIndex: z.number().int().min(0), label: z.union([z.literal(-1), z.literal(0), z.literal(1), z.null()]), expectedRev: z.number().int().min(0) }),
  z.object({ op: z.literal('note'), stepIndex: z.number().int().min(0), note: z.string().trim().max(MAX_STEP_NOTE), expectedRev: z.number().int().min(0) }),
  // PRM800K's "found_error": the reviewer stops at the first wrong step; every later step's
  // verdict is cleared (unreviewed), as the steps after an error carry no process label.
  z.object({ op: z.literal('stop'), expectedRev: z.number().int().min(0) }),
]);
export type StepChange = z.infer<typeof stepChangeSchema>;

export type SaveStepVerdictInput = { itemId: number; versionId: number; change: StepChange; actorId: string | null };

type ReviewRow = { rev: number; step_count: number; item_id: number };

export async function saveStepVerdict(db: PrismaClient, input: SaveStepVerdictInput): Promise<StepReviewState> {
  const { itemId, versionId, change, actorId } = input;
  await ensureCotSteps(db, [versionId]);
  return db.$transaction(async (tx) => {
    const [version] = await tx.$queryRawUnsafe<ReviewRow[]>(
      `SELECT c.item_id, s.step_count, 0 AS rev FROM cot_version c JOIN cot_steps s ON s.version_id = c.id WHERE c.id = $1`,
      versionId,
    );
    if (!version || version.item_id !== itemId) throw new AppError('NOT_FOUND', `Version ${versionId} of item ${itemId} not found`);
    await tx.$executeRawUnsafe(`INSERT INTO step_review (version_id, item_id) VALUES ($1, $2) ON CONFLICT (version_id) DO NOTHING`, versionId, itemId);
    const [review] = await tx.$queryRawUnsafe<{ rev: number; finish_reason: string | null }[]>(
      `SELECT rev, finish_reason FROM step_review WHERE version_id = $1 FOR UPDATE`,
      versionId,
    );
    if (review!.rev !== change.expectedRev) {
      throw new AppError('CONFLICT', `The steps of version ${versionId} were changed by someone else (now at ${review!.rev}, you saw ${change.expectedRev}): reload them`, {
        rev: review!.rev,
      });
    }
    if (change.op !== 'stop' && change.stepIndex >= version.step_count) {
      throw new AppError('BAD_REQUEST', `Step ${change.stepIndex + 1} does not exist: version ${versionId} has ${version.step_count} steps`);
    }
    let finishReason = review!.finish_reason;
    if (change.op === 'label') {
      if (change.label === null) await tx.$executeRawUnsafe(`DELETE FROM step_verdict WHERE version_id = $1 AND step_index = $2`, versionId, change.stepIndex);
      else
        await tx.$executeRawUnsafe(
          `INSERT INTO step_verdict (version_id, step_index, label, reviewer_id) VALUES ($1, $2, $3, $4)
           ON CONFLICT (version_id, step_index) DO UPDATE SET label = EXCLUDED.label, reviewer_id = EXCLUDED.reviewer_id, updated_at = now()`,
          versionId,
          change.stepIndex,
          change.label,
          actorId,
        );
    } else if (change.op === 'note') {
      // A note on an unlabelled step labels it neutral, so the note is never orphaned.
      await tx.$executeRawUnsafe(
        `INSERT INTO step_verdict (version_id, step_index, label, note, reviewer_id) VALUES ($1, $2, 0, $3, $4)
         ON CONFLICT (version_id, step_index) DO UPDATE SET note = EXCLUDED.note, reviewer_id = EXCLUDED.reviewer_id, updated_at = now()`,
        versionId,
        change.stepIndex,
        change.note === '' ? null : change.note,
        actorId,
      );
    } else {
      const [first] = await tx.$queryRawUnsafe<{ first: number | null }[]>(
        `SELECT min(step_index) AS first FROM step_verdict WHERE version_id = $1 AND label = -1`,
        versionId,
      );
      if (first?.first === null || first?.first === undefined) throw new AppError('BAD_REQUEST', 'No step is marked wrong: mark the first wrong step (−) before stopping');
      await tx.$executeRawUnsafe(`DELETE FROM step_verdict WHERE version_id = $1 AND step_index > $2`, versionId, first.first);
      finishReason = 'found_error';
    }
    const [state] = await tx.$queryRawUnsafe<{ labelled: number; first_error: number | null }[]>(
      `SELECT count(*)::int AS labelled, min(step_index) FILTER (WHERE label = -1) AS first_error FROM step_verdict WHERE version_id = $1`,
      versionId,
    );
    // found_error holds while there is still a wrong step; every step labelled is a full review.
    if (state!.first_error === null) finishReason = null;
    if (finishReason !== 'found_error' && state!.labelled === version.step_count) finishReason = 'solution';
    if (finishReason === 'solution' && state!.labelled < version.step_count) finishReason = null;
    await tx.$executeRawUnsafe(
      `UPDATE step_review SET labelled = $2, first_error = $3, finish_reason = $4, reviewer_id = $5, rev = rev + 1, updated_at = now() WHERE version_id = $1`,
      versionId,
      state!.labelled,
      state!.first_error,
      finishReason,
      actorId,
    );
    await refreshItemStepSummary(tx, [itemId]);
    await recordAudit(tx, {
      actorId,
      action: `steps.${change.op}`,
      subjectType: 'item',
      subjectId: itemId,
      data: { versionId, ...(change.op === 'stop' ? {} : { stepIndex: change.stepIndex }), ...(change.op === 'label' ? { label: change.label } : {}), ...(change.op === 'note' ? { note: change.note } : {}) },
    });
    const [out] = await tx.$queryRawUnsafe<StepReviewState[]>(
      `SELECT r.labelled, r.first_error AS "firstError", r.finish_reason AS "finishReason", r.rev,
              (SELECT json_build_object('id', u.id, 'name', u.name) FROM "user" u WHERE u.id = r.reviewer_id) AS reviewer,
              to_char(r.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updatedAt"
         FROM step_review r WHERE r.version_id = $1`,
      versionId,
    );
    return out!;
  });
}
