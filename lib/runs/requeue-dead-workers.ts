import type { PrismaClient } from '@/generated/prisma/client';
import type { Stage } from '@/generated/prisma/enums';
import { enqueueStageJobs } from './stage-jobs';

/** Requeued work of a dead worker jumps the queue: it has waited its whole lease already. */
export const REQUEUED_PRIORITY = 10;

/**
 * What happens the moment a worker is found dead (its heartbeat row older than `staleSeconds`),
 * in one transaction:
 *  - it is marked gone (the jobs page says so; a heartbeat from it later clears the mark);
 *  - its model slots are released at once, instead of throttling the endpoint until their
 *    leases expire;
 *  - the results it was running go back to the queue at the front (pg-boss priority), instead
 *    of waiting for their jobs' lease to expire and then behind the rest of the run; in a
 *    cancelled run they are marked cancelled, so the run settles.
 * A worker with no row (stopped cleanly, or a test's in-process worker) is never reaped here —
 * the jobs' lease expiry covers it. If the dead worker was only slow and saves later, the newer
 * attempt wins: results are fenced by attempt number.
 */
export async function requeueResultsOfDeadWorkers(db: PrismaClient, opts: { staleSeconds: number; jobExpireSeconds: number }): Promise<number> {
  return db.$transaction(async (tx) => {
    const gone = await tx.$queryRawUnsafe<{ id: string }[]>(
      `UPDATE worker_heartbeat SET gone_at = now()
        WHERE gone_at IS NULL AND last_seen_at < now() - make_interval(secs => $1::int)
        RETURNING id`,
      opts.staleSeconds,
    );
    if (gone.length > 0) {
      await tx.$executeRawUnsafe(
        `UPDATE model_slot SET holder = NULL, expires_at = NULL WHERE holder = ANY($1::text[])`,
        gone.map((g) => g.id),
      );
    }
    await tx.$executeRawUnsafe(
      `UPDATE stage_result r SET status = 'cancelled', finished_at = now()
         FROM pipeline_run p
        WHERE p.status = 'cancelled' AND r.run_id = p.id AND r.status = 'running'
          AND EXISTS (SELECT 1 FROM worker_heartbeat w WHERE w.id = r.data->>'worker' AND w.last_seen_at < now() - make_interval(secs => $1::int))`,
      opts.staleSeconds,
    );
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
      await enqueueStageJobs(tx, { stage: g.stage, runId, results: g.results, expireInSeconds: opts.jobExpireSeconds, round: `reaped-${Date.now()}`, priority: REQUEUED_PRIORITY });
    }
    return rows.length;
  });
}
