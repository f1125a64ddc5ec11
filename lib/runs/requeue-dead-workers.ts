import type { PrismaClient } from '@/generated/prisma/client';
import { sql } from 'kysely';
import { kdb } from '@/lib/db/kysely';
import type { Stage } from '@/generated/kysely/enums';
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
    const k = kdb(tx);
    const stale = sql<Date>`now() - make_interval(secs => ${opts.staleSeconds}::int)`;
    const gone = await k
      .updateTable('worker_heartbeat')
      .set({ gone_at: sql`now()` })
      .where('gone_at', 'is', null)
      .where('last_seen_at', '<', stale)
      .returning('id')
      .execute();
    if (gone.length > 0) {
      await k
        .updateTable('model_slot')
        .set({ holder: null, expires_at: null })
        .where(sql<boolean>`holder = ANY(${gone.map((g) => g.id)}::text[])`)
        .execute();
    }
    const workerDead = sql<boolean>`EXISTS (SELECT 1 FROM worker_heartbeat w WHERE w.id = r.data->>'worker' AND w.last_seen_at < ${stale})`;
    await k
      .updateTable('stage_result as r')
      .from('pipeline_run as p')
      .set({ status: 'cancelled', finished_at: sql`now()` })
      .where('p.status', '=', 'cancelled')
      .whereRef('r.run_id', '=', 'p.id')
      .where('r.status', '=', 'running')
      .where(workerDead)
      .execute();
    const rows = await k
      .updateTable('stage_result as r')
      .from('pipeline_run as p')
      .set({ status: 'pending', error: 'Requeued: the worker running it stopped responding' })
      .where('p.status', '=', 'running')
      .whereRef('r.run_id', '=', 'p.id')
      .where('r.status', '=', 'running')
      .where('r.started_at', '<', stale)
      .where(workerDead)
      .returning(['r.id', 'r.run_id', 'r.stage', 'r.attempts'])
      .execute();
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
