import { z } from 'zod';

// Settings of the near-duplicate and contamination scan (lib/dedup) and of the RL pool stages
// (lib/rlpool). Parsed from the environment by lib/config.ts; documented in README.md.

export type RlPoolSettings = {
  /** Frames per video hashed for near-duplicate videos (uniform over the clip). */
  hashFrames: number;
  /** Two questions are near-duplicates when their estimated Jaccard similarity reaches this. */
  questionThreshold: number;
  /** Two frames match when their 64-bit dHashes differ in at most this many bits. */
  frameMaxDistance: number;
  /** Two videos are near-duplicates when this share of the shorter one's frames match. */
  videoMinShare: number;
  /** Word shingle length for the question MinHash. */
  shingleWords: number;
  /** rollout / blind: answers asked per item, and whether full texts are kept. */
  rolloutK: number;
  blindK: number;
  keepTexts: boolean;
  /** blind: an item is flagged answerable without the video when this share of answers is right. */
  blindMinPassRate: number;
};

const schema = z.object({
  COT_DEDUP_FRAMES: z.coerce.number().int().min(1).max(256).default(16),
  COT_DEDUP_QUESTION_THRESHOLD: z.coerce.number().min(0.1).max(1).default(0.7),
  COT_DEDUP_FRAME_DISTANCE: z.coerce.number().int().min(0).max(32).default(10),
  COT_DEDUP_VIDEO_SHARE: z.coerce.number().min(0.05).max(1).default(0.5),
  COT_DEDUP_SHINGLE_WORDS: z.coerce.number().int().min(1).max(8).default(2),
  COT_ROLLOUT_K: z.coerce.number().int().min(1).max(64).default(8),
  COT_BLIND_K: z.coerce.number().int().min(1).max(64).default(4),
  COT_ROLLOUT_KEEP_TEXTS: z.enum(['true', 'false']).default('false'),
  COT_BLIND_MIN_PASS_RATE: z.coerce.number().min(0).max(1).default(0.5),
});

export function parseRlPoolSettings(env: Record<string, string | undefined>): { settings: RlPoolSettings; problems: string[] } {
  const clean = Object.fromEntries(Object.keys(schema.shape).map((k) => [k, env[k] === '' ? undefined : env[k]]));
  const r = schema.safeParse(clean);
  const problems = r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  const e = r.success ? r.data : schema.parse({});
  return {
    problems,
    settings: {
      hashFrames: e.COT_DEDUP_FRAMES,
      questionThreshold: e.COT_DEDUP_QUESTION_THRESHOLD,
      frameMaxDistance: e.COT_DEDUP_FRAME_DISTANCE,
      videoMinShare: e.COT_DEDUP_VIDEO_SHARE,
      shingleWords: e.COT_DEDUP_SHINGLE_WORDS,
      rolloutK: e.COT_ROLLOUT_K,
      blindK: e.COT_BLIND_K,
      keepTexts: e.COT_ROLLOUT_KEEP_TEXTS === 'true',
      blindMinPassRate: e.COT_BLIND_MIN_PASS_RATE,
    },
  };
}

export const DEFAULT_RL_POOL_SETTINGS: RlPoolSettings = parseRlPoolSettings({}).settings;
