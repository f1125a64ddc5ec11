import { z } from 'zod';
import type { Stage } from '@/generated/prisma/enums';

// Settings of the Batch API mode (README "Batch API mode"), read from the environment:
//   COT_BATCH_POLL_SECONDS          how often a batch run's provider batches are looked at (default 60)
//   COT_BATCH_MAX_REQUESTS_PER_FILE requests per JSONL file (default 50,000: OpenAI's limit)
//   COT_BATCH_MAX_FILE_MB           bytes per JSONL file, in MB (default 190; OpenAI allows 200)
//   COT_BATCH_MAX_RESUBMISSIONS     times a result missing from an expired, cancelled or failed
//                                   batch is sent again before it fails (default 2)
//   COT_<STAGE>_BATCH_DISCOUNT      the Batch API's price as a share of the live price (default 0.5)
//   COT_<STAGE>_BATCH_FRAMES        inline (default): frames go in the request lines as data URLs;
//                                   url: as links to the studio (COT_ORIGIN/api/frames/<token>),
//                                   which the provider fetches; needs COT_ORIGIN reachable by it
//   COT_BATCH_FRAME_URL_HOURS       how long such a link works (default 48; at least the 24 h
//                                   batch window)

export type BatchSettings = {
  pollSeconds: number;
  maxRequestsPerFile: number;
  maxBytesPerFile: number;
  maxResubmissions: number;
  /** Price factor per stage (0.5 = half price); missing = DEFAULT_BATCH_DISCOUNT. */
  discount: Partial<Record<Stage, number>>;
  /** How each stage sends frames; missing = inline. */
  frames: Partial<Record<Stage, BatchFrames>>;
  /** Lifetime of a frame URL, in hours. */
  frameUrlHours: number;
  /** The studio's public origin (COT_ORIGIN) that frame URLs start with; null when unset. */
  publicUrl: string | null;
};

export const BATCH_FRAMES = ['inline', 'url'] as const;
export type BatchFrames = (typeof BATCH_FRAMES)[number];

export const DEFAULT_BATCH_DISCOUNT = 0.5;

const num = (min: number, max: number) => z.coerce.number().min(min).max(max);
const schema = z.object({
  COT_BATCH_POLL_SECONDS: num(0, 3600).default(60),
  COT_BATCH_MAX_REQUESTS_PER_FILE: num(1, 50_000).int().default(50_000),
  COT_BATCH_MAX_FILE_MB: num(0.001, 200).default(190),
  COT_BATCH_MAX_RESUBMISSIONS: num(0, 20).int().default(2),
  COT_BATCH_FRAME_URL_HOURS: num(24, 24 * 30).default(48),
  // Checked as a URL by lib/config.ts; here only whether it is set.
  COT_ORIGIN: z.string().optional(),
});
const framesSchema = z.enum(BATCH_FRAMES);

export function parseBatchSettings(env: Record<string, string | undefined>): { settings: BatchSettings; problems: string[] } {
  const problems: string[] = [];
  const r = schema.safeParse(env);
  const base = r.success ? r.data : schema.parse({});
  if (!r.success) for (const i of r.error.issues) problems.push(`${String(i.path[0])}: ${i.message}`);
  const discount: BatchSettings['discount'] = {};
  for (const [k, v] of Object.entries(env)) {
    const m = /^COT_([A-Z]+)_BATCH_DISCOUNT$/.exec(k);
    if (!m || v === undefined || v === '') continue;
    const d = Number(v);
    if (!Number.isFinite(d) || d < 0 || d > 1) problems.push(`${k}: must be a number between 0 and 1 (the batch price as a share of the live price)`);
    else discount[m[1]!.toLowerCase() as Stage] = d;
  }
  const frames: BatchSettings['frames'] = {};
  for (const [k, v] of Object.entries(env)) {
    const m = /^COT_([A-Z]+)_BATCH_FRAMES$/.exec(k);
    if (!m || v === undefined || v === '') continue;
    const f = framesSchema.safeParse(v.trim().toLowerCase());
    if (!f.success) problems.push(`${k}: must be inline or url`);
    else {
      frames[m[1]!.toLowerCase() as Stage] = f.data;
      if (f.data === 'url' && !base.COT_ORIGIN) problems.push(`${k}=url needs COT_ORIGIN: the studio's public URL, which the Batch API provider fetches the frames from`);
    }
  }
  return {
    settings: {
      pollSeconds: base.COT_BATCH_POLL_SECONDS,
      maxRequestsPerFile: base.COT_BATCH_MAX_REQUESTS_PER_FILE,
      maxBytesPerFile: Math.floor(base.COT_BATCH_MAX_FILE_MB * 1024 * 1024),
      maxResubmissions: base.COT_BATCH_MAX_RESUBMISSIONS,
      discount,
      frames,
      frameUrlHours: base.COT_BATCH_FRAME_URL_HOURS,
      publicUrl: originOf(base.COT_ORIGIN),
    },
    problems,
  };
}

export function batchDiscount(settings: Pick<BatchSettings, 'discount'>, stage: Stage): number {
  return settings.discount[stage] ?? DEFAULT_BATCH_DISCOUNT;
}

function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

export function batchFrames(settings: Pick<BatchSettings, 'frames'>, stage: Stage): BatchFrames {
  return settings.frames[stage] ?? 'inline';
}

let cached: BatchSettings | null = null;
/** This process's settings (throws on a bad value, naming it). */
export function batchSettings(): BatchSettings {
  if (cached) return cached;
  const { settings, problems } = parseBatchSettings(process.env);
  if (problems.length) throw new Error(`Batch API settings: ${problems.join('; ')}`);
  return (cached = settings);
}
