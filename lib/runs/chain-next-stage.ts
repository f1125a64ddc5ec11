import type { Prisma, PrismaClient } from '@/generated/prisma/client';
import type { Stage } from '@/generated/prisma/enums';
import { QUEUE_SCHEMA } from '../queue/client';
import { STAGE_QUEUES, enqueueStageJobs } from './stage-jobs';

type Db = PrismaClient | Prisma.TransactionClient;

/** A run's place in a pipeline run (null: a plain run). Never changes once written. */
type ChainPlace = { chainId: number; position: number } | null;

const placeCache = new Map<number, ChainPlace>();

async function chainPlace(db: Db, runId: number): Promise<ChainPlace> {
  if (placeCache.has(runId)) return placeCache.get(runId)!;
  const [row] = await db.$queryRawUnsafe<{ chain_id: number | null; chain_position: number | null }[]>(
    `SELECT chain_id, chain_position FROM pipeline_run WHERE id = $1::int`,
    runId,
  );
  const place = row && row.chain_id !== null && row.chain_position !== null ? { chainId: row.chain_id, position: row.chain_position } : null;
  if (placeCache.size > 10_000) placeCache.clear();
  placeCache.set(runId, place);
  return place;
}

type ChainRun = { id: number; stage: Stage; position: number; status: string };

export async function chainRuns(db: Db, chainId: number): Promise<ChainRun[]> {
  return db.$queryRawUnsafe<ChainRun[]>(
    `SELECT id, stage::text AS stage, chain_position AS position, status::text AS status FROM pipeline_run WHERE chain_id = $1::int ORDER BY chain_position`,
    chainId,
  );
}

/**
 * Queues the chain's results that may run now: pending, in a queued or running run, whose
 * previous stage's result for the same item (or the item's video, after represent) is done or
 * skipped — or that have no previous stage — and that have no live job. `items` restricts it
 * to some items (a worker releasing what one finished result unblocked).
 *
 * Idempotent: a result with a live job (created, retry, active: matched by its singleton key)
 * is never queued again, and the job id is derived from (stage, result, attempt, round), so two
 * releases racing for the same result insert one job (pg-boss inserts ON CONFLICT DO NOTHING).
 */
export async function releaseReadyResults(
  tx: Db,
  opts: { chainId: number; expireInSeconds: number; round: string; fromPosition?: number; toPosition?: number; items?: { itemId?: number; videoId?: number } },
): Promise<number> {
  const runs = await chainRuns(tx, opts.chainId);
  let released = 0;
  for (const run of runs) {
    if (opts.fromPosition !== undefined && run.position < opts.fromPosition) continue;
    if (opts.toPosition !== undefined && run.position > opts.toPosition) continue;
    if (run.status !== 'queued' && run.status !== 'running') continue;
    const prev = runs.find((r) => r.position === run.position - 1) ?? null;
    const prevByVideo = prev?.stage === 'represent';
    const rows = await tx.$queryRawUnsafe<{ id: number; attempts: number }[]>(
      `SELECT r.id, r.attempts
         FROM stage_result r LEFT JOIN item i ON i.id = r.item_id
        WHERE r.run_id = $1::int AND r.status = 'pending'
          AND ($4::int IS NULL OR r.item_id = $4::int)
          AND ($5::int IS NULL OR i.video_id = $5::int OR r.video_id = $5::int)
          AND ($2::int IS NULL OR NOT EXISTS (
                SELECT 1 FROM stage_result u
                 WHERE u.run_id = $2::int AND u.status NOT IN ('done', 'skipped')
                   AND CASE WHEN $3::boolean THEN u.video_id = i.video_id ELSE u.item_id = r.item_id END))
          AND NOT EXISTS (SELECT 1 FROM ${QUEUE_SCHEMA}.job j
                           WHERE j.name = $6 AND j.singleton_key = 'result:' || r.id AND j.state IN ('created', 'retry', 'active'))
        ORDER BY r.id`,
      run.id,
      prev?.id ?? null,
      prevByVideo,
      opts.items?.itemId ?? null,
      opts.items?.videoId ?? null,
      STAGE_QUEUES[run.stage],
    );
    await enqueueStageJobs(tx as Prisma.TransactionClient, { stage: run.stage, runId: run.id, results: rows, expireInSeconds: opts.expireInSeconds, round: opts.round });
    released += rows.length;
  }
  return released;
}

/**
 * After a job of a pipeline run: moves the item on. When the result is done or skipped, the
 * next stage's result for its item — for a represent result, for every item of the video — is
 * queued (one transaction; idempotent, so a duplicated or retried job queues nothing twice).
 * When it failed or was cancelled, the item's later stages in the chain stop with the reason
 * (failed with "Stopped at STAGE: …", or cancelled). Plain runs return at once (their place is
 * cached). Returns the runs whose results were stopped, for the caller to settle.
 */
export async function advanceChain(db: PrismaClient, o: { runId: number; resultId: number; expireInSeconds: number }): Promise<number[]> {
  const place = await chainPlace(db, o.runId);
  if (!place) return [];
  const [r] = await db.$queryRawUnsafe<{ status: string; stage: Stage; item_id: number | null; video_id: number | null; error: string | null }[]>(
    `SELECT status::text AS status, stage::text AS stage, item_id, video_id, error FROM stage_result WHERE id = $1::int`,
    o.resultId,
  );
  if (!r) return [];
  const subject = r.item_id !== null ? { itemId: r.item_id } : r.video_id !== null ? { videoId: r.video_id } : null;
  if (!subject) return [];
  if (r.status === 'done' || r.status === 'skipped') {
    await db.$transaction(async (tx) => {
      await releaseReadyResults(tx, { chainId: place.chainId, expireInSeconds: o.expireInSeconds, round: 'chain', fromPosition: place.position + 1, toPosition: place.position + 1, items: subject });
    });
    return [];
  }
  if (r.status === 'failed' || r.status === 'cancelled') return stopLaterStages(db, { chainId: place.chainId, position: place.position, stage: r.stage, status: r.status, error: r.error, ...subject });
  return [];
}

/** Marks the item's (or the video's items') later stages in the chain failed (or cancelled) with the reason. */
async function stopLaterStages(
  db: Db,
  o: { chainId: number; position: number; stage: Stage; status: string; error: string | null; itemId?: number; videoId?: number },
): Promise<number[]> {
  const reason = o.status === 'failed' ? `Stopped at ${o.stage}: ${o.error ?? 'failed'}`.slice(0, 2000) : null;
  const rows = await db.$queryRawUnsafe<{ run_id: number }[]>(
    `UPDATE stage_result r SET status = $5::"ResultStatus", error = $6, finished_at = now()
       FROM pipeline_run p
      WHERE p.chain_id = $1::int AND p.chain_position > $2::int AND r.run_id = p.id AND r.status = 'pending'
        AND (r.item_id = $3::int OR r.item_id IN (SELECT id FROM item WHERE video_id = $4::int))
      RETURNING r.run_id`,
    o.chainId,
    o.position,
    o.itemId ?? null,
    o.videoId ?? null,
    o.status === 'failed' ? 'failed' : 'cancelled',
    reason,
  );
  return [...new Set(rows.map((x) => x.run_id))];
}
