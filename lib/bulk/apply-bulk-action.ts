import { sql } from 'kysely';
import { Prisma, type PrismaClient } from '@/generated/prisma/client';
import { kdb } from '@/lib/db/kysely';
import { AppError } from '../errors';
import { recordAudit } from '../audit/record-event';
import { decideSample } from '../sampling/decide-sample';
import { bulkOperationSchema, type BulkOperation } from './bulk-input';
import { sendBackApplies, sendBackSet } from './send-back';
import { chosenVersionSql } from './accept-choice';

export type AppliedBulkAction = {
  id: number;
  type: BulkOperation['type'];
  /** The count the confirmation showed. */
  count: number;
  /** Rows changed: equals count unless items vanished or stopped qualifying in between (see `unchanged`). */
  changed: number;
  /** Snapshot items left alone: deleted, or e.g. no CoT left to accept. */
  unchanged: number;
};

/** The operation stored with the action (its type plus params), validated again on the way out. */
function operationOf(a: { type: string; params: unknown }): BulkOperation {
  return bulkOperationSchema.parse({ ...(a.params as Prisma.JsonObject), type: a.type });
}

/** What the change is, per operation: the decision recorded, the chosen version and the SET list (over `i`, target `t`). */
function change(op: BulkOperation, actorId: string | null, now: string) {
  const reviewed = Prisma.sql`reviewed_by_id = ${actorId}::text, reviewed_at = ${now}::timestamptz`;
  switch (op.type) {
    case 'accept': {
      const chosen = chosenVersionSql(op.version);
      return {
        status: 'accepted',
        reason: op.reason ?? null,
        chosen,
        applies: Prisma.sql`${chosen} IS NOT NULL`,
        set: Prisma.sql`review_status = 'accepted', accepted_version_id = t.chosen, ${reviewed}`,
      };
    }
    case 'reject':
      return {
        status: 'rejected',
        reason: op.reason,
        chosen: Prisma.sql`NULL::int`,
        applies: Prisma.sql`TRUE`,
        set: Prisma.sql`review_status = 'rejected', accepted_version_id = NULL, ${reviewed}`,
      };
    case 'send_back':
      return {
        status: 'pending',
        reason: `sent back to ${op.stage}`,
        chosen: Prisma.sql`NULL::int`,
        applies: sendBackApplies(op.stage),
        set: sendBackSet(op.stage),
      };
  }
}

/**
 * Applies a prepared bulk action to exactly the items frozen when it was prepared, in one
 * transaction of set-based statements: each item's previous state goes to bulk_action_item (for
 * undo), one append-only review row records each decision, and one audit event records the
 * filter, the count and who. Applying twice is refused.
 */
export async function applyBulkAction(db: PrismaClient, opts: { id: number; actorId: string | null }): Promise<AppliedBulkAction> {
  const { id, actorId } = opts;
  return db.$transaction(
    async (tx) => {
      const action = await kdb(tx)
        .selectFrom('bulk_action')
        .select(['id', 'dataset_id as datasetId', sql<BulkOperation['type']>`type::text`.as('type'), 'params', 'selection', 'count', 'skipped', 'mismatched', sql<string>`state::text`.as('state'), 'sample_id as sampleId'])
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
      if (!action) throw new AppError('NOT_FOUND', `Bulk action ${id} not found`);
      if (action.state !== 'prepared') throw new AppError('CONFLICT', `Bulk action ${id} was already ${action.state}; prepare a new one`);
      const op = operationOf(action);
      // Accepting the rest of a sample re-checks the estimate now, inside this transaction.
      const sample = action.sampleId !== null ? await decideSample(tx, { sampleId: action.sampleId, bulkActionId: id, actorId }) : null;

      const now = new Date().toISOString();
      const c = change(op, actorId, now);
      let changed = 0;
      // Optimistic concurrency instead of row locks: an item updated by someone else after this
      // statement's snapshot fails the rev check (PostgreSQL re-checks the newest row version)
      // and is taken again in the next pass, so the previous state kept for undo is always the
      // state replaced. A pass changes everything nobody touched, which is nearly always all.
      for (let pass = 0; pass < 5; pass++) {
        const retry = pass === 0 ? Prisma.empty : Prisma.sql`AND NOT EXISTS (SELECT 1 FROM bulk_action_item b WHERE b.bulk_action_id = ${id} AND b.item_id = i.id)`;
        const n = await tx.$executeRaw`
          WITH t AS MATERIALIZED (
            SELECT i.id, i.rev, i.review_status, i.accepted_version_id, i.reviewed_by_id, i.reviewed_at, i.current_draft_id,
                   i.current_revision_id, i.draft_score, i.draft_correct, i.revision_score, i.revision_correct,
                   i.consistency_score, i.cot_length, i.last_error, ${c.chosen} AS chosen
              FROM item i
             WHERE i.id = ANY((SELECT item_ids FROM bulk_action WHERE id = ${id})::int[]) AND ${c.applies} ${retry}
          ), u AS (
            UPDATE item i SET ${c.set}, rev = i.rev + 1, updated_at = ${now}::timestamptz
              FROM t WHERE i.id = t.id AND i.rev = t.rev
            RETURNING i.id, i.rev
          ), snapshot AS (
            INSERT INTO bulk_action_item (bulk_action_id, item_id, applied_rev, prev_status, prev_accepted_version_id, prev_reviewed_by_id,
                                          prev_reviewed_at, prev_current_draft_id, prev_current_revision_id, prev_draft_score, prev_draft_correct,
                                          prev_revision_score, prev_revision_correct, prev_consistency_score, prev_cot_length, prev_last_error)
            SELECT ${id}, t.id, u.rev, t.review_status, t.accepted_version_id, t.reviewed_by_id, t.reviewed_at, t.current_draft_id,
                   t.current_revision_id, t.draft_score, t.draft_correct, t.revision_score, t.revision_correct, t.consistency_score,
                   t.cot_length, t.last_error
              FROM t JOIN u ON u.id = t.id
          )
          INSERT INTO review (item_id, status, chosen_version_id, reviewer_id, reason, item_rev, previous_status, previous_version_id, bulk_action_id, created_at)
          SELECT t.id, ${c.status}::"ReviewStatus", t.chosen, ${actorId}::text, ${c.reason}::text, t.rev, t.review_status, t.accepted_version_id, ${id}, ${now}::timestamptz
            FROM t JOIN u ON u.id = t.id`;
        changed += n;
        if (changed >= action.count || n === 0) break;
      }

      await tx.bulkAction.update({ where: { id }, data: { state: 'applied', appliedById: actorId, appliedAt: new Date(now) } });
      const unchanged = action.count - changed;
      await recordAudit(tx, {
        actorId,
        action: `bulk.${op.type === 'send_back' ? 'send-back' : op.type}`,
        subjectType: 'bulk_action',
        subjectId: id,
        data: {
          datasetId: action.datasetId,
          selection: action.selection as Prisma.JsonObject,
          operation: { ...op },
          count: action.count,
          skipped: action.skipped,
          mismatched: action.mismatched,
          changed,
          unchanged,
          ...(sample ? { sample } : {}),
        },
      });
      return { id, type: op.type, count: action.count, changed, unchanged };
    },
    { timeout: 10 * 60_000, maxWait: 10_000 },
  );
}
