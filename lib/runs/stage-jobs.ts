import crypto from 'node:crypto';
import type PgBoss from 'pg-boss';
import { sql } from 'kysely';
import type { Prisma } from '@/generated/prisma/client';
import { kdb } from '@/lib/db/kysely';
import type { Stage } from '@/generated/prisma/enums';
import { QUEUE_SCHEMA, queue } from '../queue/client';
import { prismaQueueDb } from '../queue/queue-db';
import type { JobName } from '../queue/contract';
import { STAGES } from '../pipeline/stages/registry';

/** A stage's queue is `stage.<name>`; this fails to compile until lib/queue/contract.ts lists it. */
type StageQueue = `stage.${Stage}`;
const queueIsInContract: StageQueue extends JobName ? true : never = true;
void queueIsInContract;

export const STAGE_QUEUES = Object.fromEntries(STAGES.map((s) => [s, `stage.${s}` satisfies StageQueue])) as Record<Stage, StageQueue>;

/**
 * A result's job id: the same inputs always give the same id, so a run's creation can never
 * queue a result twice. A retry passes its own `round`, since the first job's row may still
 * exist; duplicates within a retry are stopped by the queue's singleton key (one queued job
 * per result).
 */
export function stageJobId(stage: Stage, resultId: number, attempts: number, round = 'start'): string {
  const h = crypto.createHash('sha256').update(`cot-studio:${stage}:${resultId}:${attempts}:${round}`).digest();
  h[6] = (h[6]! & 0x0f) | 0x80; // UUID version 8 (custom)
  h[8] = (h[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

const CHUNK = 2_000;

/** Inserts one job per result, in the caller's transaction. */
export async function enqueueStageJobs(
  tx: Prisma.TransactionClient,
  opts: {
    stage: Stage;
    runId: number;
    results: { id: number; attempts: number }[];
    expireInSeconds: number;
    round?: string;
    /** Higher runs first (pg-boss fetches by priority, then age): requeued work goes to the front. */
    priority?: number;
  },
): Promise<void> {
  if (opts.results.length === 0) return;
  const boss = await queue();
  const name = STAGE_QUEUES[opts.stage];
  const db = prismaQueueDb(tx);
  for (let i = 0; i < opts.results.length; i += CHUNK) {
    const jobs: PgBoss.JobInsert[] = opts.results.slice(i, i + CHUNK).map((r) => ({
      id: stageJobId(opts.stage, r.id, r.attempts, opts.round),
      name,
      data: { runId: opts.runId, resultId: r.id },
      singletonKey: `result:${r.id}`,
      expireInSeconds: opts.expireInSeconds,
      ...(opts.priority ? { priority: opts.priority } : {}),
    }));
    await boss.insert(jobs, { db });
  }
}

/** Drops a run's queued jobs (not the ones a worker holds: those finish and are then ignored). */
export async function cancelQueuedStageJobs(tx: Prisma.TransactionClient, opts: { stage: Stage; runId: number }): Promise<number> {
  // pg-boss has no cancel-by-data; its job table is partitioned by queue name, so this touches
  // only the stage's own partition.
  const {
    rows: [r],
  } = await sql<{ n: number }>`WITH cancelled AS (
      UPDATE ${sql.table(`${QUEUE_SCHEMA}.job`)} SET state = 'cancelled', completed_on = now()
       WHERE name = ${STAGE_QUEUES[opts.stage]} AND state IN ('created', 'retry') AND (data->>'runId')::int = ${opts.runId}::int
       RETURNING 1)
    SELECT count(*)::int AS n FROM cancelled`.execute(kdb(tx));
  return r?.n ?? 0;
}
