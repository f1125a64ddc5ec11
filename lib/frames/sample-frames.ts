import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ffmpegPath } from '../media/ffmpeg-path';
import { probeMedia } from '../media/probe';
import type { FramePlan } from './frame-plan';

export type SampledFrames = { plan: FramePlan; jpegs: Buffer[] };

const FFMPEG_TIMEOUT_MS = 120_000;

function run(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(ffmpegPath(), args, { timeout: FFMPEG_TIMEOUT_MS, maxBuffer: 4 * 1024 * 1024 }, (err, _stdout, stderr) => {
      if (err) {
        const lines = String(stderr).trim().split('\n').filter(Boolean);
        const why = err.killed ? `timed out after ${FFMPEG_TIMEOUT_MS / 1000} s` : [...new Set([lines[0], lines[lines.length - 1]])].filter(Boolean).join(' … ') || err.message;
        reject(new Error(`ffmpeg could not sample frames: ${why}`));
      }
      else resolve();
    });
  });
}

/** Duration from the video row when probed, else from ffprobe. */
export async function clipDuration(absPath: string, known: number | null): Promise<number | null> {
  if (known !== null && known > 0) return known;
  try {
    return (await probeMedia(absPath)).durationSec || null;
  } catch {
    return null;
  }
}

/**
 * JPEG frames per the plan, longest side at most `maxSide` (never upscaled). Written to a
 * private temporary folder rather than split from a pipe: JPEG boundaries in a byte stream are
 * not reliable to find.
 */
export async function sampleFrames(absPath: string, plan: FramePlan, maxSide: number): Promise<SampledFrames> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cot-frames-'));
  try {
    const scale = `scale='min(iw,${maxSide})':'min(ih,${maxSide})':force_original_aspect_ratio=decrease`;
    const vf = plan.count === 1 ? scale : `fps=${plan.fps.toFixed(6)},${scale}`;
    await run(['-v', 'error', '-nostdin', '-i', absPath, '-vf', vf, '-frames:v', String(plan.count), '-q:v', '4', path.join(dir, 'f%05d.jpg')]);
    const names = (await fs.readdir(dir)).filter((n) => n.endsWith('.jpg')).sort();
    if (names.length === 0) throw new Error('ffmpeg produced no frames');
    const jpegs = await Promise.all(names.map((n) => fs.readFile(path.join(dir, n))));
    // A clip can yield a frame or two fewer than planned (rounding at its end): trim the plan.
    const count = jpegs.length;
    return { plan: { ...plan, count, timestamps: plan.timestamps.slice(0, count), seconds: plan.seconds.slice(0, count) }, jpegs };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

export function jpegDataUrl(jpeg: Buffer): string {
  return `data:image/jpeg;base64,${jpeg.toString('base64')}`;
}
