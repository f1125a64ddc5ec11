import { sql } from 'kysely';
import type { Prisma } from '@/generated/prisma/client';
import { kdb } from '@/lib/db/kysely';
import type { Stage } from '@/generated/prisma/enums';
import { AppError } from '../errors';
import { recordAudit } from '../audit/record-event';
import { QUEUE_SCHEMA, queue } from '../queue/client';
import { batchDiscount, batchSettings } from '../pipeline/batch/batch-settings';
import { reconcileRunCounters } from '../pipeline/reconcile-run';
import type { RunPlan } from './plan-run';
import { prismaQueueDb } from '../queue/queue-db';
import { BATCH_STAGES, type RunMode } from './batch-stages';

// Batch-mode runs (README "Batch API mode"): what run creation, cancel and retry do
// differently for them. The work itself is lib/pipeline/batch/batch-tick.ts.

export { BATCH_STAGES, RUN_MODES, type RunMode } from './batch-stages';

export function assertBatchStage(stage: Stage): void {
  if (!BATCH_STAGES.includes(stage)) {
    throw new AppError('BAD_REQUEST', `The ${stage} stage cannot run through the Batch API (it does not send one chat request per item); batch mode supports ${BATCH_STAGES.join(', ')}`);
  }
}

const tickKey = (runId: number) => `run:${runId}`;

/**
 * Queues the run's next batch tick, in the caller's transaction. One tick is queued per run at
 * a time; when one is already waiting (for its poll interval) it is brought forward instead.
 */
export async function enqueueBatchTick(tx: Prisma.TransactionClient, runId: number, opts: { startAfterSeconds?: number } = {}): Promise<void> {
  const boss = await queue();
  const id = await boss.send('batch.tick', { runId }, { singletonKey: tickKey(runId), db: prismaQueueDb(tx), ...(opts.startAfterSeconds ? { startAfter: opts.startAfterSeconds } : {}) });
  if (id === null && !opts.startAfterSeconds) {
    await sql`UPDATE ${sql.table(`${QUEUE_SCHEMA}.job`)} SET start_after = now() WHERE name = 'batch.tick' AND singleton_key = ${tickKey(runId)} AND state IN ('created', 'retry')`.execute(kdb(tx));
  }
}

/** For cancel-run.ts: a batch run's tick cancels its provider batches. */
export async function kickBatchRun(tx: Prisma.TransactionClient, runId: number): Promise<void> {
  const r = await kdb(tx).selectFrom('pipeline_run').select('mode').where('id', '=', runId).executeTakeFirst();
  if (r?.mode === 'batch') await enqueueBatchTick(tx, runId);
}

/**
 * retry/resume of a batch run: failed results (and, for a cancelled run, cancelled ones) are
 * pending again and the run's tick sends them in new batches. Results still in an open batch
 * stay where they are; results left running without one are sent by the tick anyway.
 */
export async function retryBatchRun(tx: Prisma.TransactionClient, run: { id: number; status: string }, opts: { actorId: string | null }): Promise<{ requeued: number }> {
  const k = kdb(tx);
  const rows = await k
    .updateTable('stage_result as r')
    .set({ status: 'pending', error: null, finished_at: null })
    .where('r.run_id', '=', run.id)
    .where((eb) => eb.or([eb('r.status', '=', 'failed'), eb.and([eb('r.status', '=', 'cancelled'), sql<boolean>`${run.status === 'cancelled'}::boolean`])]))
    .returning('r.id')
    .execute();
  const stuck = await k
    .selectFrom('stage_result')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('run_id', '=', run.id)
    .where('status', 'in', ['pending', 'running'])
    .executeTakeFirst();
  if (rows.length === 0 && (stuck?.n ?? 0) === 0) throw new AppError('CONFLICT', `Run ${run.id} has nothing to retry`);
  // A retried result gets its full number of resubmissions again.
  await sql`DELETE FROM model_batch_request q USING model_batch b
             WHERE b.id = q.batch_id AND b.ingested_at IS NOT NULL AND q.answered_at IS NULL AND q.result_id = ANY(${rows.map((r) => r.id)}::int[])`.execute(k);
  await k.updateTable('pipeline_run').set({ status: 'running', finished_at: null, error: null }).where('id', '=', run.id).execute();
  await enqueueBatchTick(tx, run.id);
  await reconcileRunCounters(tx, run.id);
  await recordAudit(tx, { actorId: opts.actorId, action: 'run.retry', subjectType: 'run', subjectId: run.id, data: { requeued: rows.length, mode: 'batch' } });
  return { requeued: rows.length };
}

/** A plan's estimate for the run's mode: in batch mode the cost at the batch discount
 * (COT_<STAGE>_BATCH_DISCOUNT) and no time estimate (the provider answers within 24 h). */
export function batchPlanEstimate(mode: RunMode, stage: Stage, e: RunPlan['estimate']): RunPlan['estimate'] {
  if (mode !== 'batch' || e.basis === 'no model') return e;
  const discount = batchDiscount(batchSettings(), stage);
  return {
    ...e,
    costUsd: e.costUsd === null ? null : e.costUsd * discount,
    seconds: null,
    limitedBy: 'the Batch API: results within 24 h',
    batchDiscount: discount,
  };
}
