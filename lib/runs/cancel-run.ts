import type { PrismaClient } from '@/generated/prisma/client';
import { AppError } from '../errors';
import { recordAudit } from '../audit/record-event';
import { reconcileRunCounters } from './reconcile-run';
import { cancelQueuedStageJobs } from './stage-jobs';
import { kickBatchRun } from './batch-runs';

/**
 * Cancels a run: its queued jobs are dropped and its pending results marked cancelled, in one
 * transaction. Work already in flight finishes and is kept (a model call that has been paid
 * for is worth saving); nothing new starts.
 */
export async function cancelRun(db: PrismaClient, runId: number, opts: { actorId: string | null }) {
  return db.$transaction(async (tx) => {
    const [run] = await tx.$queryRawUnsafe<{ id: number; status: string; stage: 'represent' | 'draft' | 'revise' | 'check' | 'consistency' }[]>(
      `SELECT id, status::text AS status, stage::text AS stage FROM pipeline_run WHERE id = $1::int FOR UPDATE`,
      runId,
    );
    if (!run) throw new AppError('NOT_FOUND', `Run ${runId} not found`);
    if (run.status !== 'queued' && run.status !== 'running') throw new AppError('CONFLICT', `Run ${runId} is ${run.status}; only a queued or running run can be cancelled`);
    const cancelled = await tx.$executeRawUnsafe(
      `UPDATE stage_result SET status = 'cancelled', finished_at = now() WHERE run_id = $1::int AND status = 'pending'`,
      runId,
    );
    const dropped = await cancelQueuedStageJobs(tx, { stage: run.stage, runId });
    await tx.$executeRawUnsafe(`UPDATE pipeline_run SET status = 'cancelled', finished_at = now() WHERE id = $1::int`, runId);
    await reconcileRunCounters(tx, runId);
    // A batch run's provider batches are cancelled by its next tick, brought forward here.
    await kickBatchRun(tx, runId);
    await recordAudit(tx, { actorId: opts.actorId, action: 'run.cancel', subjectType: 'run', subjectId: runId, data: { cancelled, droppedJobs: dropped } });
    return { cancelled, droppedJobs: dropped };
  });
}
