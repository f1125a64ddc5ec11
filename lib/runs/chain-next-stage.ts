import { sql } from 'kysely';
import type { Prisma, PrismaClient } from '@/generated/prisma/client';
import { kdb } from '@/lib/db/kysely';
import type { Stage } from '@/generated/prisma/enums';
import { QUEUE_SCHEMA } from '../queue/client';
import { STAGE_QUEUES, enqueueStageJobs } from './stage-jobs';

type Db = PrismaClient | Prisma.TransactionClient;

/** A run's place in a pipeline run (null: a plain run). Never changes once written. */
type ChainPlace = { chainId: number; position: number } | null;

const placeCache = new Map<number, ChainPlace>();

async function chainPlace(db: Db, runId: number): Promise<ChainPlace> {
  if (placeCache.has(runId)) return placeCache.get(runId)!;
  const row = await kdb(db).selectFrom('pipeline_run').select(['chain_id', 'chain_position']).where('id', '=', runId).executeTakeFirst();
  const place = row && row.chain_id !== null && row.chain_position !== null ? { chainId: row.chain_id, position: row.chain_position } : null;
  if (placeCache.size > 10_000) placeCache.clear();
  placeCache.set(runId, place);
  return place;
}

type ChainRun = { id: number; stage: Stage; position: number; status: string };

export async function chainRuns(db: Db, chainId: number): Promise<ChainRun[]> {
  const runs = await kdb(db)
    .selectFrom('pipeline_run')
    .select(['id', 'stage', 'chain_position', 'status'])
    .where('chain_id', '=', chainId)
    .orderBy('chain_position')
    .execute();
  return runs.map((r) => ({ id: r.id, stage: r.stage, position: r.chain_position!, status: r.status }));
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
    const prevId = prev?.id ?? null;
    const itemId = opts.items?.itemId ?? null;
    const videoId = opts.items?.videoId ?? null;
    const { rows } = await sql<{ id: number; attempts: number }>`
      SELECT r.id, r.attempts
        FROM stage_result r LEFT JOIN item i ON i.id = r.item_id
       WHERE r.run_id = ${run.id}::int AND r.status = 'pending'
         AND (${itemId}::int IS NULL OR r.item_id = ${itemId}::int)
         AND (${videoId}::int IS NULL OR i.video_id = ${videoId}::int OR r.video_id = ${videoId}::int)
         AND (${prevId}::int IS NULL OR NOT EXISTS (
               SELECT 1 FROM stage_result u
                WHERE u.run_id = ${prevId}::int AND u.status NOT IN ('done', 'skipped')
                  AND CASE WHEN ${prevByVideo}::boolean THEN u.video_id = i.video_id ELSE u.item_id = r.item_id END))
         AND NOT EXISTS (SELECT 1 FROM ${sql.table(`${QUEUE_SCHEMA}.job`)} j
                          WHERE j.name = ${STAGE_QUEUES[run.stage]} AND j.singleton_key = 'result:' || r.id AND j.state IN ('created', 'retry', 'active'))
       ORDER BY r.id`.execute(kdb(tx));
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
  const r = await kdb(db).selectFrom('stage_result').select(['status', 'stage', 'item_id', 'video_id', 'error']).where('id', '=', o.resultId).executeTakeFirst();
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
  const { rows } = await sql<{ run_id: number }>`
    UPDATE stage_result r SET status = ${o.status === 'failed' ? 'failed' : 'cancelled'}::"ResultStatus", error = ${reason}, finished_at = now()
      FROM pipeline_run p
     WHERE p.chain_id = ${o.chainId}::int AND p.chain_position > ${o.position}::int AND r.run_id = p.id AND r.status = 'pending'
       AND (r.item_id = ${o.itemId ?? null}::int OR r.item_id IN (SELECT id FROM item WHERE video_id = ${o.videoId ?? null}::int))
     RETURNING r.run_id`.execute(kdb(db));
  return [...new Set(rows.map((x) => x.run_id))];
}
