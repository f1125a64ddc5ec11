import { sql } from 'kysely';
import type { PrismaClient } from '@/generated/prisma/client';
import { kdb } from '@/lib/db/kysely';
import type { Claim } from './claim-result';
import type { Usage } from './stage-failure';

// Terminal transitions of a result other than "done" (each stage saves its own output with
// its "done" transition in one statement). Every transition is guarded by the claim's attempt,
// so a superseded attempt changes nothing.

const ERROR_MAX = 2_000;
const RAW_MAX = 200_000;

export async function markFailed(db: PrismaClient, claim: Claim, opts: { message: string; raw: string | null; usage: Usage | null }): Promise<boolean> {
  const message = opts.message.slice(0, ERROR_MAX);
  const u = opts.usage;
  const { rows } = await sql<{ saved: number }>`WITH r AS (
       UPDATE stage_result SET status = 'failed', finished_at = now(), error = ${message}, raw_output = ${opts.raw === null ? null : opts.raw.slice(0, RAW_MAX)},
              tokens_in = ${u?.tokensIn ?? null}::int, tokens_out = ${u?.tokensOut ?? null}::int, latency_ms = ${u?.latencyMs ?? null}::int, cost_usd = ${u?.costUsd ?? null}::float8
        WHERE id = ${claim.resultId}::int AND status = 'running' AND attempts = ${claim.attempt}::int
        RETURNING item_id, video_id
     ), i AS (
       UPDATE item SET last_error = ${`${claim.stage}: ${message}`.slice(0, ERROR_MAX)}, updated_at = now()
        WHERE id = (SELECT item_id FROM r) OR (video_id IS NOT NULL AND video_id = (SELECT video_id FROM r))
     )
     SELECT count(*)::int AS saved FROM r`.execute(kdb(db));
  return (rows[0]?.saved ?? 0) > 0;
}

export async function markSkipped(db: PrismaClient, claim: Claim, reason: string): Promise<boolean> {
  const { rows } = await sql<{ saved: number }>`WITH r AS (
       UPDATE stage_result SET status = 'skipped', finished_at = now(), data = ${JSON.stringify({ reason })}::jsonb
        WHERE id = ${claim.resultId}::int AND status = 'running' AND attempts = ${claim.attempt}::int
        RETURNING id
     )
     SELECT count(*)::int AS saved FROM r`.execute(kdb(db));
  return (rows[0]?.saved ?? 0) > 0;
}

/** The run was cancelled while this result waited to start its request. */
export async function markCancelled(db: PrismaClient, claim: Claim): Promise<boolean> {
  const { numUpdatedRows } = await kdb(db)
    .updateTable('stage_result')
    .set({ status: 'cancelled', finished_at: sql`now()` })
    .where('id', '=', claim.resultId)
    .where('status', '=', 'running')
    .where('attempts', '=', claim.attempt)
    .executeTakeFirstOrThrow();
  const n = Number(numUpdatedRows);
  return n > 0;
}

/** Puts a running result back to pending, for a job that will be retried by the queue. */
export async function releaseClaim(db: PrismaClient, claim: Claim, error: string): Promise<void> {
  await kdb(db)
    .updateTable('stage_result')
    .set({ status: 'pending', error: error.slice(0, ERROR_MAX) })
    .where('id', '=', claim.resultId)
    .where('status', '=', 'running')
    .where('attempts', '=', claim.attempt)
    .execute();
}
