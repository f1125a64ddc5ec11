import { z } from 'zod';

// Every job name with its payload schema, shared by the web app (which enqueues) and the
// workers (which handle). New payload fields must be optional so jobs already queued still
// parse after a deploy.
const stageJob = z.object({ runId: z.number().int().positive(), resultId: z.number().int().positive() });

export const JOB_SCHEMAS = {
  'media.probe': z.object({
    datasetId: z.number().int().positive(),
    videoIds: z.array(z.number().int().positive()).optional(),
  }),
  // Pipeline stages: one job per stage_result row (an item, or a video for represent).
  'stage.represent': stageJob,
  'stage.draft': stageJob,
  'stage.revise': stageJob,
  'stage.check': stageJob,
  'stage.consistency': stageJob,
  'stage.evidence': stageJob,
  'stage.rollout': stageJob,
  'stage.blind': stageJob,
  // Datasets in and out: the row (import / export) holds the request and its state.
  'import.run': z.object({ importId: z.number().int().positive() }),
  'export.run': z.object({ exportId: z.number().int().positive() }),
  // RL pool: a dataset's near-duplicate and contamination scan (the curation_scan row).
  'dedup.scan': z.object({ scanId: z.number().int().positive() }),
  // A batch-mode run's next step: poll its provider batches, save their output, send what is
  // missing (lib/pipeline/batch/batch-tick.ts). One queued per run (singleton key run:<id>).
  'batch.tick': z.object({ runId: z.number().int().positive() }),
} as const;

export type JobName = keyof typeof JOB_SCHEMAS;
export type JobPayload<N extends JobName> = z.infer<(typeof JOB_SCHEMAS)[N]>;
export const JOB_NAMES = Object.keys(JOB_SCHEMAS) as JobName[];

const STAGE_QUEUE = { retryLimit: 5, retryDelay: 5, retryBackoff: true, expireInSeconds: 15 * 60, policy: 'short' } as const;

// Retry policy per queue: deliberate, visible, and the same for every worker.
export const QUEUE_POLICY: Record<JobName, { retryLimit: number; retryDelay: number; retryBackoff: boolean; expireInSeconds: number; policy?: 'standard' | 'short' }> = {
  'media.probe': { retryLimit: 3, retryDelay: 5, retryBackoff: true, expireInSeconds: 15 * 60 },
  // 'short': at most one queued job per singleton key (the result id), so enqueueing a result
  // twice queues it once. Retries here cover worker crashes and database errors; model errors
  // are retried inside the job, and an item's own failures are recorded, not retried.
  'stage.represent': STAGE_QUEUE,
  'stage.draft': STAGE_QUEUE,
  'stage.revise': STAGE_QUEUE,
  'stage.check': STAGE_QUEUE,
  'stage.consistency': STAGE_QUEUE,
  'stage.evidence': STAGE_QUEUE,
  'stage.rollout': STAGE_QUEUE,
  'stage.blind': STAGE_QUEUE,
  'import.run': { retryLimit: 2, retryDelay: 10, retryBackoff: true, expireInSeconds: 4 * 3600 },
  'export.run': { retryLimit: 2, retryDelay: 10, retryBackoff: true, expireInSeconds: 4 * 3600 },
  'dedup.scan': { retryLimit: 2, retryDelay: 10, retryBackoff: true, expireInSeconds: 4 * 3600 },
  // Provider hiccups are retried with backoff; a run whose ticks ran out is continued by retry/resume.
  'batch.tick': { retryLimit: 20, retryDelay: 10, retryBackoff: true, expireInSeconds: 20 * 60, policy: 'short' },
};

export function parsePayload<N extends JobName>(name: N, data: unknown): JobPayload<N> {
  return JOB_SCHEMAS[name].parse(data) as JobPayload<N>;
}
