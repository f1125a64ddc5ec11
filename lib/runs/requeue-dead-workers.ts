import type { PrismaClient } from '@/generated/prisma/client';
import type { Stage } from '@/generated/prisma/enums';
import { enqueueStageJobs } from './stage-jobs';

/**
 * Results a dead worker was running go back to the queue as soon as its heartbeat goes stale,
 * instead of waiting for their jobs' lease to expire (which must outlast the slowest model call,
 * so it is long). A worker counts as dead when its heartbeat row is older than `staleSeconds`;
 * a worker with no row (stopped cleanly, or a test's in-process worker) is never reaped here —
 * the jobs' lease expiry covers it. If the dead worker was only slow and saves later, the newer
 * attempt wins: results are fenced by attempt number.
 */
export async function requeueResultsOfDeadWorkers(db: PrismaClient, opts: { staleSeconds: number; jobExpireSeconds: number }): Promise<number> {
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRawUnsafe<{ id: number; run_id: number; stage: Stage; attempts: number }[]>(
      `UPDATE stage_result r SET status = 'pending', error = 'Requeued: the worker running it stopped responding'
         FROM pipeline_run p
        WHERE p.status = 'running' AND r.run_id = p.id AND r.status = 'running'
          AND r.started_at < now() - make_interval(secs => $1::int)
          AND EXISTS (SELECT 1 FROM worker_heartbeat w WHERE w.id = r.data->>'worker' AND w.last_seen_at < now() - make_interval(secs => $1::int))
        RETURNING r.id, r.run_id, r.stage, r.attempts`,
      opts.staleSeconds,
    );
    const byRun = new Map<number, { stage: Stage; results: { id: number; attempts: number }[] }>();
    for (const r of rows) {
      const g = byRun.get(r.run_id) ?? { stage: r.stage, results: [] };
      g.results.push({ id: r.id, attempts: r.attempts });
      byRun.set(r.run_id, g);
    }
    for (const [runId, g] of byRun) {
      await enqueueStageJobs(tx, { stage: g.stage, runId, results: g.results, expireInSeconds: opts.jobExpireSeconds, round: `reaped-${Date.now()}` });
    }
    return rows.length;
  });
}
