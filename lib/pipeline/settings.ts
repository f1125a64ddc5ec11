import { z } from 'zod';
import { parseModelEndpoints, type ModelEndpoint, type ModelStage } from '../models/model-config';
import { parseRlPoolSettings, type RlPoolSettings } from '../dedup/settings';
import type { FrameSettings } from '../frames/frame-settings';

// Settings of the curation stages that are not model endpoints: frame sampling, the check
// stage's thresholds, job leases. Parsed from the environment by lib/config.ts.

export type CheckSettings = {
  /** free-form and regression have no single right answer: kept when the score reaches this. */
  openEndedMinScore: number;
  /** When set, items whose consistency score is below it are dropped ("low consistency"). */
  minConsistency: number | null;
  /** What counts as the answer when a CoT has no <answer> tag (DOMAIN: training uses ''). */
  missingAnswer: 'empty' | 'whole-text';
};

export type PipelineSettings = {
  endpoints: Partial<Record<ModelStage, ModelEndpoint>>;
  frames: FrameSettings;
  /** Frames per video for the consistency score (DOMAIN: 16 uniform frames). */
  consistencyFrames: number;
  check: CheckSettings;
  /** A job not finished this long after a worker took it is handed to another worker. */
  jobExpireSeconds: number;
  /** A model slot held by a worker that stopped renewing it (killed) is free again after this. */
  slotLeaseSeconds: number;
  /** RL pool: rollout/blind answers per item, duplicate scan thresholds (lib/dedup/settings.ts). */
  rlPool: RlPoolSettings;
};

const schema = z.object({
  COT_FRAMES_FPS: z.coerce.number().positive().max(60).default(1),
  COT_FRAMES_MAX: z.coerce.number().int().min(1).max(1024).default(32),
  COT_FRAMES_MAX_SIDE: z.coerce.number().int().min(16).max(4096).default(448),
  COT_CONSISTENCY_FRAMES: z.coerce.number().int().min(1).max(256).default(16),
  COT_CHECK_OPEN_ENDED_MIN_SCORE: z.coerce.number().min(0).max(1).default(0.5),
  COT_CHECK_MIN_CONSISTENCY: z.coerce.number().min(0).max(1).optional(),
  COT_CHECK_MISSING_ANSWER: z.enum(['empty', 'whole-text']).default('empty'),
  COT_JOB_EXPIRE_SECONDS: z.coerce.number().int().min(1).max(23 * 3600).default(900),
  COT_SLOT_LEASE_SECONDS: z.coerce.number().int().min(3).max(3600).default(30),
});

export function parsePipelineSettings(env: Record<string, string | undefined>): { settings: PipelineSettings; problems: string[] } {
  const clean = Object.fromEntries(Object.keys(schema.shape).map((k) => [k, env[k] === '' ? undefined : env[k]]));
  const r = schema.safeParse(clean);
  const problems = r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  const e = r.success ? r.data : schema.parse({});
  const models = parseModelEndpoints(env);
  const rlPool = parseRlPoolSettings(env);
  return {
    settings: {
      endpoints: models.endpoints,
      frames: { fps: e.COT_FRAMES_FPS, maxFrames: e.COT_FRAMES_MAX, maxSide: e.COT_FRAMES_MAX_SIDE },
      consistencyFrames: e.COT_CONSISTENCY_FRAMES,
      check: { openEndedMinScore: e.COT_CHECK_OPEN_ENDED_MIN_SCORE, minConsistency: e.COT_CHECK_MIN_CONSISTENCY ?? null, missingAnswer: e.COT_CHECK_MISSING_ANSWER },
      jobExpireSeconds: e.COT_JOB_EXPIRE_SECONDS,
      slotLeaseSeconds: e.COT_SLOT_LEASE_SECONDS,
      rlPool: rlPool.settings,
    },
    problems: [...problems, ...models.problems, ...rlPool.problems],
  };
}
