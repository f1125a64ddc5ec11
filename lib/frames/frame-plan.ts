/** Which frames to take from a clip: how many, at what rate, and the timestamp of each. */
export type FramePlan = { count: number; fps: number; timestamps: string[]; seconds: number[] };

/** HH:MM:SS, the timestamp form of the representation schema. */
export function toTimestamp(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const hh = Math.floor(s / 3600);
  const mm = Math.floor((s % 3600) / 60);
  const ss = s % 60;
  return [hh, mm, ss].map((n) => String(n).padStart(2, '0')).join(':');
}

/**
 * `fps` frames per second, or fewer, evenly spread, when that would exceed `maxFrames`
 * (DOMAIN: curation samples 1 fps capped by a max-frames setting). A still image, or a clip
 * whose duration is unknown, gives one frame.
 */
export function planFrames(opts: { durationSec: number | null; fps: number; maxFrames: number }): FramePlan {
  const d = opts.durationSec ?? 0;
  if (!(d > 0)) return { count: 1, fps: opts.fps, timestamps: ['00:00:00'], seconds: [0] };
  const atRate = Math.max(1, Math.ceil(d * opts.fps - 1e-9));
  const count = Math.min(opts.maxFrames, atRate);
  const fps = count < atRate ? count / d : opts.fps;
  const seconds = Array.from({ length: count }, (_, i) => i / fps);
  return { count, fps, timestamps: seconds.map(toTimestamp), seconds };
}

/** `count` frames spread uniformly over the clip (the consistency score's 16 frames). */
export function planUniformFrames(opts: { durationSec: number | null; count: number }): FramePlan {
  const d = opts.durationSec ?? 0;
  if (!(d > 0)) return { count: 1, fps: 1, timestamps: ['00:00:00'], seconds: [0] };
  const fps = opts.count / d;
  const seconds = Array.from({ length: opts.count }, (_, i) => i / fps);
  return { count: opts.count, fps, timestamps: seconds.map(toTimestamp), seconds };
}
