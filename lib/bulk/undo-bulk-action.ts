import { sql } from 'kysely';
import type { PrismaClient } from '@/generated/prisma/client';
import { kdb } from '@/lib/db/kysely';
import { AppError } from '../errors';
import { recordAudit } from '../audit/record-event';
import { reopenSample } from '../sampling/decide-sample';

export type UndoneBulkAction = {
  id: number;
  /** Items put back to their state before the action. */
  restored: number;
  /** Items someone changed after the action (their rev moved on): left as they are now. */
  conflicts: number;
};

/**
 * Undoes an applied bulk action in one set-based statement: every item still in the state the
 * action left it in gets its previous state back, and the action's review rows are marked undone
 * (the decision log stays append-only). Items changed since by someone else keep that change.
 */
export async function undoBulkAction(db: PrismaClient, opts: { id: number; actorId: string | null }): Promise<UndoneBulkAction> {
  const { id, actorId } = opts;
  return db.$transaction(
    async (tx) => {
      const k = kdb(tx);
      const action = await k
        .selectFrom('bulk_action')
        .select([sql<string>`state::text`.as('state'), sql<string>`type::text`.as('type'), 'count', 'dataset_id as datasetId', 'sample_id as sampleId'])
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
      if (!action) throw new AppError('NOT_FOUND', `Bulk action ${id} not found`);
      if (action.state !== 'applied') throw new AppError('CONFLICT', `Bulk action ${id} is ${action.state}, so there is nothing to undo`);
      const now = new Date().toISOString();
      const {
        rows: [done],
      } = await sql<{ n: number }>`
        WITH r AS (
          UPDATE item i
             SET review_status = b.prev_status, accepted_version_id = b.prev_accepted_version_id,
                 reviewed_by_id = b.prev_reviewed_by_id, reviewed_at = b.prev_reviewed_at,
                 current_draft_id = b.prev_current_draft_id, current_revision_id = b.prev_current_revision_id,
                 draft_score = b.prev_draft_score, draft_correct = b.prev_draft_correct,
                 revision_score = b.prev_revision_score, revision_correct = b.prev_revision_correct,
                 consistency_score = b.prev_consistency_score, cot_length = b.prev_cot_length, last_error = b.prev_last_error,
                 rev = i.rev + 1, updated_at = ${now}::timestamptz
            FROM bulk_action_item b
           WHERE b.bulk_action_id = ${id} AND i.id = b.item_id AND i.rev = b.applied_rev
          RETURNING i.id
        ), v AS (
          UPDATE review v SET undone_at = ${now}::timestamptz FROM r WHERE v.bulk_action_id = ${id} AND v.item_id = r.id
        )
        SELECT count(*)::int AS n FROM r`.execute(k);
      const restored = done?.n ?? 0;
      const applied = await k.selectFrom('bulk_action_item').select(sql<number>`count(*)::int`.as('n')).where('bulk_action_id', '=', id).executeTakeFirst();
      const conflicts = (applied?.n ?? 0) - restored;
      await tx.bulkAction.update({ where: { id }, data: { state: 'undone', undoneById: actorId, undoneAt: new Date(now), restored, conflicts } });
      if (action.sampleId !== null) await reopenSample(tx, { sampleId: action.sampleId, bulkActionId: id });
      await recordAudit(tx, {
        actorId,
        action: 'bulk.undo',
        subjectType: 'bulk_action',
        subjectId: id,
        data: { datasetId: action.datasetId, type: action.type, count: action.count, restored, conflicts },
      });
      return { id, restored, conflicts };
    },
    { timeout: 10 * 60_000, maxWait: 10_000 },
  );
}
