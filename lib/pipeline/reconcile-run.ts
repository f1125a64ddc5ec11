import { sql } from 'kysely';
import type { PrismaClient } from '@/generated/prisma/client';
import { kdb, type KyselyDb, type PrismaDb } from '@/lib/db/kysely';

type Db = PrismaDb;

function lockRun(k: KyselyDb, runId: number) {
  return k.selectFrom('pipeline_run').select(sql`1`.as('one')).where('id', '=', runId).forUpdate().execute();
}

/**
 * Sets a run's counters exactly: counts from its results, tokens and cost from the spend
 * ledger (every attempt, retried and failed ones included). Workers add to the counters as
 * they go (cheap, near-live); this is the truth, applied whenever a run settles, is cancelled
 * or retried. It bumps the count epoch so counts buffered before it are not added again.
 */
export async function reconcileRunCounters(db: Db, runId: number): Promise<void> {
  // Locks the run row first: the sums below are then read after any ledger flush that
  // updated the row before us has committed (one waiting on us adds its rows after).
  const k = kdb(db);
  await lockRun(k, runId);
  await sql`UPDATE pipeline_run p SET done = a.done, failed = a.failed, skipped = a.skipped, cancelled = a.cancelled,
            tokens_in = l.tokens_in, tokens_out = l.tokens_out, cost_usd = l.cost_usd, count_epoch = p.count_epoch + 1
       FROM (SELECT count(*) FILTER (WHERE status = 'done')::int AS done,
                    count(*) FILTER (WHERE status = 'failed')::int AS failed,
                    count(*) FILTER (WHERE status = 'skipped')::int AS skipped,
                    count(*) FILTER (WHERE status = 'cancelled')::int AS cancelled
               FROM stage_result WHERE run_id = ${runId}::int) a,
            (SELECT COALESCE(sum(tokens_in), 0)::bigint AS tokens_in, COALESCE(sum(tokens_out), 0)::bigint AS tokens_out,
                    COALESCE(sum(cost_usd), 0)::float8 AS cost_usd
               FROM model_call WHERE run_id = ${runId}::int) l
      WHERE p.id = ${runId}::int`.execute(k);
}

/** Whether any of the run's results is still pending or running. */
async function hasOpenResults(k: KyselyDb, runId: number): Promise<boolean> {
  const {
    rows: [r],
  } = await sql<{ open: boolean }>`SELECT EXISTS (SELECT 1 FROM stage_result WHERE run_id = ${runId}::int AND status IN ('pending', 'running')) AS open`.execute(k);
  return r?.open === true;
}

/**
 * After a result reached a final state: when none of the run's results is pending or running
 * any more, the run is completed (or, when cancelled, its counters are made exact now that the
 * in-flight work has finished). Safe to call from many workers at once: the status change is
 * guarded, and reconciling twice gives the same numbers.
 */
export async function settleRunIfDone(db: PrismaClient, runId: number): Promise<boolean> {
  if (await hasOpenResults(kdb(db), runId)) return false;
  return db.$transaction(async (tx) => {
    const k = kdb(tx);
    await lockRun(k, runId);
    // Again under the run's lock: a retry (lib/runs/retry-run.ts, which takes the same lock) may
    // have put results back to pending since the check above; completing the run then would
    // leave them queued in a run marked completed with their items counted nowhere.
    if (await hasOpenResults(k, runId)) return false;
    await reconcileRunCounters(tx, runId);
    await k
      .updateTable('pipeline_run')
      .set({ status: 'completed', finished_at: sql`now()` })
      .where('id', '=', runId)
      .where('status', 'in', ['queued', 'running'])
      .execute();
    return true;
  });
}
