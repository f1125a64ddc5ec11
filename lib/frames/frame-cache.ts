import fs from 'node:fs/promises';
import { isRemoteUrl } from '../media/resolve-path';
import { planFrames, planUniformFrames } from './frame-plan';
import { clipDuration, sampleFrames, type SampledFrames } from './sample-frames';
import type { FrameSettings } from './frame-settings';

// Many questions share one video and revise runs item by item: keep the last few videos'
// frames in memory instead of running ffmpeg once per question.
const MAX_ENTRIES = 8;
const cache = new Map<string, Promise<SampledFrames>>();

async function cached(key: string, make: () => Promise<SampledFrames>): Promise<SampledFrames> {
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const p = make();
  cache.set(key, p);
  p.catch(() => cache.delete(key));
  while (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  return p;
}

/** A local file's modification time (so a replaced file is sampled again); remote URLs: 0. */
async function version(clip: string): Promise<number> {
  return isRemoteUrl(clip) ? 0 : (await fs.stat(clip)).mtimeMs;
}

/** Curation frames (represent, revise): `fps` per second capped at `maxFrames`. */
export async function curationFrames(absPath: string, durationSec: number | null, s: FrameSettings): Promise<SampledFrames> {
  return cached(`${absPath}|${await version(absPath)}|c|${s.fps}|${s.maxFrames}|${s.maxSide}`, async () => {
    const plan = planFrames({ durationSec: await clipDuration(absPath, durationSec), fps: s.fps, maxFrames: s.maxFrames });
    return sampleFrames(absPath, plan, s.maxSide);
  });
}

/** `count` uniform frames (the consistency score). */
export async function uniformFrames(absPath: string, durationSec: number | null, count: number, maxSide: number): Promise<SampledFrames> {
  return cached(`${absPath}|${await version(absPath)}|u|${count}|${maxSide}`, async () => {
    const plan = planUniformFrames({ durationSec: await clipDuration(absPath, durationSec), count });
    return sampleFrames(absPath, plan, maxSide);
  });
}
