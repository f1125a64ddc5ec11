import type { PrismaClient } from '@/generated/prisma/client';
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
  const rows = await db.$queryRawUnsafe<{ saved: number }[]>(
    `WITH r AS (
       UPDATE stage_result SET status = 'failed', finished_at = now(), error = $3, raw_output = $4,
              tokens_in = $5::int, tokens_out = $6::int, latency_ms = $7::int, cost_usd = $8::float8
        WHERE id = $1::int AND status = 'running' AND attempts = $2::int
        RETURNING item_id, video_id
     ), i AS (
       UPDATE item SET last_error = $9, updated_at = now()
        WHERE id = (SELECT item_id FROM r) OR (video_id IS NOT NULL AND video_id = (SELECT video_id FROM r))
     )
     SELECT count(*)::int AS saved FROM r`,
    claim.resultId,
    claim.attempt,
    message,
    opts.raw === null ? null : opts.raw.slice(0, RAW_MAX),
    u?.tokensIn ?? null,
    u?.tokensOut ?? null,
    u?.latencyMs ?? null,
    u?.costUsd ?? null,
    `${claim.stage}: ${message}`.slice(0, ERROR_MAX),
  );
  return (rows[0]?.saved ?? 0) > 0;
}

export async function markSkipped(db: PrismaClient, claim: Claim, reason: string): Promise<boolean> {
  const rows = await db.$queryRawUnsafe<{ saved: number }[]>(
    `WITH r AS (
       UPDATE stage_result SET status = 'skipped', finished_at = now(), data = $3::jsonb
        WHERE id = $1::int AND status = 'running' AND attempts = $2::int
        RETURNING id
     )
     SELECT count(*)::int AS saved FROM r`,
    claim.resultId,
    claim.attempt,
    JSON.stringify({ reason }),
  );
  return (rows[0]?.saved ?? 0) > 0;
}

/** The run was cancelled while this result waited to start its request. */
export async function markCancelled(db: PrismaClient, claim: Claim): Promise<boolean> {
  const n = await db.$executeRawUnsafe(
    `UPDATE stage_result SET status = 'cancelled', finished_at = now() WHERE id = $1::int AND status = 'running' AND attempts = $2::int`,
    claim.resultId,
    claim.attempt,
  );
  return n > 0;
}

/** Puts a running result back to pending, for a job that will be retried by the queue. */
export async function releaseClaim(db: PrismaClient, claim: Claim, error: string): Promise<void> {
  await db.$executeRawUnsafe(
    `UPDATE stage_result SET status = 'pending', error = $3 WHERE id = $1::int AND status = 'running' AND attempts = $2::int`,
    claim.resultId,
    claim.attempt,
    error.slice(0, ERROR_MAX),
  );
}
