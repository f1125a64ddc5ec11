import { z } from 'zod';

// Every job name with its payload schema, shared by the web app (which enqueues) and the
// workers (which handle). New payload fields must be optional so jobs already queued still
// parse after a deploy.
export const JOB_SCHEMAS = {
  'media.probe': z.object({
    datasetId: z.number().int().positive(),
    videoIds: z.array(z.number().int().positive()).optional(),
  }),
  // Datasets in and out: the row (import / export) holds the request and its state.
  'import.run': z.object({ importId: z.number().int().positive() }),
  'export.run': z.object({ exportId: z.number().int().positive() }),
} as const;

export type JobName = keyof typeof JOB_SCHEMAS;
export type JobPayload<N extends JobName> = z.infer<(typeof JOB_SCHEMAS)[N]>;
export const JOB_NAMES = Object.keys(JOB_SCHEMAS) as JobName[];

// Retry policy per queue: deliberate, visible, and the same for every worker.
export const QUEUE_POLICY: Record<JobName, { retryLimit: number; retryDelay: number; retryBackoff: boolean; expireInSeconds: number }> = {
  'media.probe': { retryLimit: 3, retryDelay: 5, retryBackoff: true, expireInSeconds: 15 * 60 },
  'import.run': { retryLimit: 2, retryDelay: 10, retryBackoff: true, expireInSeconds: 4 * 3600 },
  'export.run': { retryLimit: 2, retryDelay: 10, retryBackoff: true, expireInSeconds: 4 * 3600 },
};

export function parsePayload<N extends JobName>(name: N, data: unknown): JobPayload<N> {
  return JOB_SCHEMAS[name].parse(data) as JobPayload<N>;
}
