import { z } from 'zod';
import { sql } from 'kysely';
import type { PrismaClient } from '@/generated/prisma/client';
import { kdb } from '@/lib/db/kysely';
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

export async function saveStepVerdict(db: PrismaClient, input: SaveStepVerdictInput): Promise<StepReviewState> {
  const { itemId, versionId, change, actorId } = input;
  await ensureCotSteps(db, [versionId]);
  return db.$transaction(async (tx) => {
    const k = kdb(tx);
    const version = await k
      .selectFrom('cot_version as c')
      .innerJoin('cot_steps as s', 's.version_id', 'c.id')
      .select(['c.item_id', 's.step_count'])
      .where('c.id', '=', versionId)
      .executeTakeFirst();
    if (!version || version.item_id !== itemId) throw new AppError('NOT_FOUND', `Version ${versionId} of item ${itemId} not found`);
    await k
      .insertInto('step_review')
      .values({ version_id: versionId, item_id: itemId })
      .onConflict((oc) => oc.column('version_id').doNothing())
      .execute();
    const review = await k.selectFrom('step_review').select(['rev', 'finish_reason']).where('version_id', '=', versionId).forUpdate().executeTakeFirst();
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
      if (change.label === null) await k.deleteFrom('step_verdict').where('version_id', '=', versionId).where('step_index', '=', change.stepIndex).execute();
      else
        await k
          .insertInto('step_verdict')
          .values({ version_id: versionId, step_index: change.stepIndex, label: change.label, reviewer_id: actorId })
          .onConflict((oc) =>
            oc.columns(['version_id', 'step_index']).doUpdateSet((eb) => ({ label: eb.ref('excluded.label'), reviewer_id: eb.ref('excluded.reviewer_id'), updated_at: sql`now()` })),
          )
          .execute();
    } else if (change.op === 'note') {
      // A note on an unlabelled step labels it neutral, so the note is never orphaned.
      await k
        .insertInto('step_verdict')
        .values({ version_id: versionId, step_index: change.stepIndex, label: 0, note: change.note === '' ? null : change.note, reviewer_id: actorId })
        .onConflict((oc) =>
          oc.columns(['version_id', 'step_index']).doUpdateSet((eb) => ({ note: eb.ref('excluded.note'), reviewer_id: eb.ref('excluded.reviewer_id'), updated_at: sql`now()` })),
        )
        .execute();
    } else {
      const first = await k
        .selectFrom('step_verdict')
        .select((eb) => eb.fn.min('step_index').as('first'))
        .where('version_id', '=', versionId)
        .where('label', '=', -1)
        .executeTakeFirst();
      if (first?.first === null || first?.first === undefined) throw new AppError('BAD_REQUEST', 'No step is marked wrong: mark the first wrong step (−) before stopping');
      await k.deleteFrom('step_verdict').where('version_id', '=', versionId).where('step_index', '>', first.first).execute();
      finishReason = 'found_error';
    }
    const state = await k
      .selectFrom('step_verdict')
      .select([sql<number>`count(*)::int`.as('labelled'), sql<number | null>`min(step_index) FILTER (WHERE label = -1)`.as('first_error')])
      .where('version_id', '=', versionId)
      .executeTakeFirst();
    // found_error holds while there is still a wrong step; every step labelled is a full review.
    if (state!.first_error === null) finishReason = null;
    if (finishReason !== 'found_error' && state!.labelled === version.step_count) finishReason = 'solution';
    if (finishReason === 'solution' && state!.labelled < version.step_count) finishReason = null;
    await k
      .updateTable('step_review')
      .set((eb) => ({
        labelled: state!.labelled,
        first_error: state!.first_error,
        finish_reason: finishReason,
        reviewer_id: actorId,
        rev: eb('rev', '+', 1),
        updated_at: sql`now()`,
      }))
      .where('version_id', '=', versionId)
      .execute();
    await refreshItemStepSummary(tx, [itemId]);
    await recordAudit(tx, {
      actorId,
      action: `steps.${change.op}`,
      subjectType: 'item',
      subjectId: itemId,
      data: { versionId, ...(change.op === 'stop' ? {} : { stepIndex: change.stepIndex }), ...(change.op === 'label' ? { label: change.label } : {}), ...(change.op === 'note' ? { note: change.note } : {}) },
    });
    const {
      rows: [out],
    } = await sql<StepReviewState>`SELECT r.labelled, r.first_error AS "firstError", r.finish_reason AS "finishReason", r.rev,
              (SELECT json_build_object('id', u.id, 'name', u.name) FROM "user" u WHERE u.id = r.reviewer_id) AS reviewer,
              to_char(r.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updatedAt"
         FROM step_review r WHERE r.version_id = ${versionId}`.execute(k);
    return out!;
  });
}
