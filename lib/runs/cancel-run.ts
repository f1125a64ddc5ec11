import { sql } from 'kysely';
import type { PrismaClient } from '@/generated/prisma/client';
import { kdb } from '@/lib/db/kysely';
import { AppError } from '../errors';
import { recordAudit } from '../audit/record-event';
import { reconcileRunCounters } from '../pipeline/reconcile-run';
import { cancelQueuedStageJobs } from './stage-jobs';
import { kickBatchRun } from './batch-runs';

/**
 * Cancels a run: its queued jobs are dropped and its pending results marked cancelled, in one
 * transaction. Work already in flight finishes and is kept (a model call that has been paid
 * for is worth saving); nothing new starts.
 */
export async function cancelRun(db: PrismaClient, runId: number, opts: { actorId: string | null }) {
  return db.$transaction(async (tx) => {
    const k = kdb(tx);
    const run = await k.selectFrom('pipeline_run').select(['id', 'status', 'stage']).where('id', '=', runId).forUpdate().executeTakeFirst();
    if (!run) throw new AppError('NOT_FOUND', `Run ${runId} not found`);
    if (run.status !== 'queued' && run.status !== 'running') throw new AppError('CONFLICT', `Run ${runId} is ${run.status}; only a queued or running run can be cancelled`);
    const { numUpdatedRows } = await k
      .updateTable('stage_result')
      .set({ status: 'cancelled', finished_at: sql`now()` })
      .where('run_id', '=', runId)
      .where('status', '=', 'pending')
      .executeTakeFirstOrThrow();
    const cancelled = Number(numUpdatedRows);
    const dropped = await cancelQueuedStageJobs(tx, { stage: run.stage, runId });
    await k.updateTable('pipeline_run').set({ status: 'cancelled', finished_at: sql`now()` }).where('id', '=', runId).execute();
    await reconcileRunCounters(tx, runId);
    // A batch run's provider batches are cancelled by its next tick, brought forward here.
    await kickBatchRun(tx, runId);
    await recordAudit(tx, { actorId: opts.actorId, action: 'run.cancel', subjectType: 'run', subjectId: runId, data: { cancelled, droppedJobs: dropped } });
    return { cancelled, droppedJobs: dropped };
  });
}
