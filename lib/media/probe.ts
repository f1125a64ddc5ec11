import { execFile } from 'node:child_process';
import { z } from 'zod';
import { ffprobePath } from './ffmpeg-path';

/** A healthy local file probes in well under a second; a hung ffprobe (stalled network
 * mount, pathological file) must not block a worker forever. */
export const PROBE_TIMEOUT_MS = 30_000;

export interface MediaInfo {
  durationSec: number;
  fps: number;
  width: number;
  height: number;
  frameCount: number;
  codec: string;
  pixFmt: string | null;
  hasAudio: boolean;
}

// ffprobe prints most numbers as strings and omits fields it cannot determine, so the
// schema accepts both forms and leaves everything optional that real files leave out.
const numeric = z.union([z.number(), z.string()]).optional();

const streamSchema = z.object({
  codec_type: z.string().optional(),
  codec_name: z.string().optional(),
  width: z.number().int().optional(),
  height: z.number().int().optional(),
  pix_fmt: z.string().optional(),
  avg_frame_rate: z.string().optional(),
  r_frame_rate: z.string().optional(),
  nb_frames: numeric,
  duration: numeric,
});

const probeSchema = z.object({
  streams: z.array(streamSchema).default([]),
  format: z.object({ duration: numeric }).optional(),
});

function toNumber(v: number | string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = typeof v === 'number' ? v : Number.parseFloat(v);
  return Number.isFinite(n) ? n : undefined;
}

/** "30000/1001" → 29.97; "0/0" (ffprobe's "unknown") → undefined. */
export function parseFrameRate(rate: string | undefined): number | undefined {
  if (!rate) return undefined;
  const [num, den] = rate.split('/');
  const n = Number(num);
  const d = den === undefined ? 1 : Number(den);
  if (!Number.isFinite(n) || !Number.isFinite(d) || d === 0 || n <= 0) return undefined;
  return n / d;
}

function runFfprobe(absPath: string): Promise<string> {
  const args = ['-v', 'error', '-print_format', 'json', '-show_streams', '-show_format', absPath];
  return new Promise((resolve, reject) => {
    execFile(
      ffprobePath(),
      args,
      { timeout: PROBE_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024, encoding: 'utf8' },
      (err, stdout, stderr) => {
        if (err) {
          const reason = err.killed
            ? `timed out after ${PROBE_TIMEOUT_MS} ms`
            : stderr.trim() || err.message;
          reject(new Error(`ffprobe failed for ${absPath}: ${reason}`, { cause: err }));
          return;
        }
        resolve(stdout);
      },
    );
  });
}

export async function probeMedia(absPath: string): Promise<MediaInfo> {
  const stdout = await runFfprobe(absPath);
  let json: unknown;
  try {
    json = JSON.parse(stdout);
  } catch (err) {
    throw new Error(`ffprobe returned invalid JSON for ${absPath}`, { cause: err });
  }
  const parsed = probeSchema.safeParse(json);
  if (!parsed.success) {
    throw new Error(`Unexpected ffprobe output for ${absPath}: ${parsed.error.message}`);
  }
  const { streams, format } = parsed.data;
  const video = streams.find((s) => s.codec_type === 'video');
  if (!video || video.width === undefined || video.height === undefined) {
    throw new Error(`No video stream in ${absPath}`);
  }

  const fps = parseFrameRate(video.avg_frame_rate) ?? parseFrameRate(video.r_frame_rate) ?? 0;
  // Still images report no duration; 0 keeps them distinguishable from real clips.
  const durationSec = toNumber(format?.duration) ?? toNumber(video.duration) ?? 0;
  const counted = toNumber(video.nb_frames);
  // MKV/WebM and some streams lack nb_frames; the estimate is good enough for sampling plans.
  const frameCount =
    counted !== undefined && counted > 0 ? Math.round(counted) : Math.max(1, Math.round(durationSec * fps));

  return {
    durationSec,
    fps,
    width: video.width,
    height: video.height,
    frameCount,
    codec: video.codec_name ?? 'unknown',
    pixFmt: video.pix_fmt ?? null,
    hasAudio: streams.some((s) => s.codec_type === 'audio'),
  };
}
