import type { PrismaClient } from '@/generated/prisma/client';
import { AppError } from '../errors';
import { recordAudit } from '../audit/record-event';
import { QUEUE_SCHEMA } from '../queue/client';
import type { PipelineSettings } from '../pipeline/settings';
import { reconcileRunCounters } from './reconcile-run';
import { STAGE_QUEUES, enqueueStageJobs } from './stage-jobs';
import { retryBatchRun } from './batch-runs';

/**
 * Queues a run's failed results again (and, for a cancelled run, its cancelled ones: a resume).
 * Results left pending or running without a live job — a job that used up its retries while
 * its worker kept dying — are queued too, so a stuck run can always be finished. Results and
 * jobs change in one transaction.
 */
export async function retryRun(db: PrismaClient, settings: Pick<PipelineSettings, 'jobExpireSeconds'>, runId: number, opts: { actorId: string | null }) {
  return db.$transaction(async (tx) => {
    const [run] = await tx.$queryRawUnsafe<{ id: number; status: string; stage: 'represent' | 'draft' | 'revise' | 'check' | 'consistency'; mode: string }[]>(
      `SELECT id, status::text AS status, stage::text AS stage, mode FROM pipeline_run WHERE id = $1::int FOR UPDATE`,
      runId,
    );
    if (!run) throw new AppError('NOT_FOUND', `Run ${runId} not found`);
    if (run.mode === 'batch') return retryBatchRun(tx, run, opts);
    const rows = await tx.$queryRawUnsafe<{ id: number; attempts: number }[]>(
      `UPDATE stage_result r SET status = 'pending', error = NULL, finished_at = NULL
        WHERE r.run_id = $1::int
          AND (r.status = 'failed'
               OR (r.status = 'cancelled' AND $2::boolean)
               OR (r.status IN ('pending', 'running') AND NOT EXISTS (
                     SELECT 1 FROM ${QUEUE_SCHEMA}.job j
                      WHERE j.name = $3 AND j.singleton_key = 'result:' || r.id AND j.state IN ('created', 'retry', 'active'))))
        RETURNING r.id, r.attempts`,
      runId,
      run.status === 'cancelled',
      STAGE_QUEUES[run.stage],
    );
    if (rows.length === 0) throw new AppError('CONFLICT', `Run ${runId} has nothing to retry`);
    await enqueueStageJobs(tx, { stage: run.stage, runId, results: rows, expireInSeconds: settings.jobExpireSeconds, round: `retry-${Date.now()}` });
    await tx.$executeRawUnsafe(`UPDATE pipeline_run SET status = 'running', finished_at = NULL, error = NULL WHERE id = $1::int`, runId);
    await reconcileRunCounters(tx, runId);
    await recordAudit(tx, { actorId: opts.actorId, action: 'run.retry', subjectType: 'run', subjectId: runId, data: { requeued: rows.length } });
    return { requeued: rows.length };
  });
}
