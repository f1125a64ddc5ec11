import { sql } from 'kysely';
import type { PrismaClient } from '@/generated/prisma/client';
import { kdb } from '@/lib/db/kysely';
import { AppError } from '../errors';
import { recordAudit } from '../audit/record-event';
import { QUEUE_SCHEMA } from '../queue/client';
import type { PipelineSettings } from '../pipeline/settings';
import { reconcileRunCounters } from '../pipeline/reconcile-run';
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
    const k = kdb(tx);
    const run = await k.selectFrom('pipeline_run').select(['id', 'status', 'stage', 'mode']).where('id', '=', runId).forUpdate().executeTakeFirst();
    if (!run) throw new AppError('NOT_FOUND', `Run ${runId} not found`);
    if (run.mode === 'batch') return retryBatchRun(tx, run, opts);
    const { rows } = await sql<{ id: number; attempts: number }>`
      UPDATE stage_result r SET status = 'pending', error = NULL, finished_at = NULL
       WHERE r.run_id = ${runId}::int
         AND (r.status = 'failed'
              OR (r.status = 'cancelled' AND ${run.status === 'cancelled'}::boolean)
              OR (r.status IN ('pending', 'running') AND NOT EXISTS (
                    SELECT 1 FROM ${sql.table(`${QUEUE_SCHEMA}.job`)} j
                     WHERE j.name = ${STAGE_QUEUES[run.stage]} AND j.singleton_key = 'result:' || r.id AND j.state IN ('created', 'retry', 'active'))))
       RETURNING r.id, r.attempts`.execute(k);
    if (rows.length === 0) throw new AppError('CONFLICT', `Run ${runId} has nothing to retry`);
    await enqueueStageJobs(tx, { stage: run.stage, runId, results: rows, expireInSeconds: settings.jobExpireSeconds, round: `retry-${Date.now()}` });
    await k.updateTable('pipeline_run').set({ status: 'running', finished_at: null, error: null }).where('id', '=', runId).execute();
    await reconcileRunCounters(tx, runId);
    await recordAudit(tx, { actorId: opts.actorId, action: 'run.retry', subjectType: 'run', subjectId: runId, data: { requeued: rows.length } });
    return { requeued: rows.length };
  });
}
