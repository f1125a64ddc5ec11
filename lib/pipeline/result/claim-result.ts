import type { PrismaClient } from '@/generated/prisma/client';
import type { Stage } from '@/generated/prisma/enums';

export type Claim = {
  resultId: number;
  runId: number;
  stage: Stage;
  itemId: number | null;
  videoId: number | null;
  /** This attempt's number: only the newest attempt may save (a fencing token). */
  attempt: number;
  datasetId: number;
  modelConfig: unknown;
  promptVersion: string | null;
};

/**
 * Takes a result for work. A result already done, failed, skipped or cancelled is left alone
 * (the job was a duplicate or the run was cancelled): returns null and the job is acknowledged.
 * A result still `running` is taken over: its worker died or its job expired, and the newer
 * attempt number stops the older one from saving. The worker's id is noted on the result so
 * a worker that died holding it can be recognised (see requeueResultsOfDeadWorkers).
 */
export async function claimResult(db: PrismaClient, resultId: number, workerId: string | null = null): Promise<Claim | null> {
  const rows = await db.$queryRawUnsafe<
    { id: number; run_id: number; stage: Stage; item_id: number | null; video_id: number | null; attempts: number; dataset_id: number; model_config: unknown; prompt_version: string | null }[]
  >(
    `WITH c AS (
       UPDATE stage_result r SET status = 'running', attempts = r.attempts + 1, started_at = now(), finished_at = NULL, error = NULL,
              data = CASE WHEN $2::text IS NULL THEN NULL ELSE jsonb_build_object('worker', $2::text) END
         FROM pipeline_run p
        WHERE r.id = $1::int AND r.status IN ('pending', 'running') AND p.id = r.run_id AND p.status IN ('queued', 'running')
        RETURNING r.id, r.run_id, r.stage, r.item_id, r.video_id, r.attempts, p.dataset_id, p.model_config, p.prompt_version
     ), s AS (
       UPDATE pipeline_run SET status = 'running', started_at = COALESCE(started_at, now())
        WHERE id = (SELECT run_id FROM c) AND status = 'queued'
     )
     SELECT * FROM c`,
    resultId,
    workerId,
  );
  const r = rows[0];
  if (!r) return null;
  return {
    resultId: r.id,
    runId: r.run_id,
    stage: r.stage,
    itemId: r.item_id,
    videoId: r.video_id,
    attempt: r.attempts,
    datasetId: r.dataset_id,
    modelConfig: r.model_config,
    promptVersion: r.prompt_version,
  };
}
