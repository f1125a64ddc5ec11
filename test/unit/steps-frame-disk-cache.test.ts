import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cachedFrame, frameCacheDir } from '@/lib/steps/frame-disk-cache';

const jpegs = (n: number, tag: string) => Array.from({ length: n }, (_, i) => Buffer.from(`${tag}-${i}`));

describe('frames strip disk cache', () => {
  it('samples a plan once: later reads (and concurrent ones) come from disk, out-of-range indices never sample again', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'frame-cache-test-'));
    const dir = frameCacheDir(dataDir, ['/clips/a.mp4', 1234, 'c', 1, 16, 448]);
    let made = 0;
    const make = async () => {
      made++;
      await new Promise((r) => setTimeout(r, 20));
      return jpegs(4, 'a');
    };
    const first = await Promise.all([0, 1, 3].map((i) => cachedFrame(dir, i, make)));
    expect(first.map(String)).toEqual(['a-0', 'a-1', 'a-3']);
    expect(made).toBe(1);
    expect((await cachedFrame(dir, 2, make))?.toString()).toBe('a-2');
    expect(await cachedFrame(dir, 9, make)).toBeUndefined();
    expect(made).toBe(1);
    // Only finished frames are visible: no temporary files are left behind.
    expect(fs.readdirSync(dir).sort()).toEqual(['0.jpg', '1.jpg', '2.jpg', '3.jpg', 'count']);
  });

  it('keys on the clip version and plan: a replaced clip or another plan is sampled anew', () => {
    const a = frameCacheDir('/data', ['/clips/a.mp4', 1, 'c', 1, 16, 448]);
    expect(frameCacheDir('/data', ['/clips/a.mp4', 2, 'c', 1, 16, 448])).not.toBe(a);
    expect(frameCacheDir('/data', ['/clips/a.mp4', 1, 'u', 8, 448])).not.toBe(a);
    expect(frameCacheDir('/data', ['/clips/a.mp4', 1, 'c', 1, 16, 448])).toBe(a);
  });

  it('a failed sampling is not cached and is tried again', async () => {
    const dir = frameCacheDir(fs.mkdtempSync(path.join(os.tmpdir(), 'frame-cache-test-')), ['x']);
    await expect(cachedFrame(dir, 0, async () => Promise.reject(new Error('ffmpeg failed')))).rejects.toThrow('ffmpeg failed');
    expect((await cachedFrame(dir, 0, async () => jpegs(1, 'b')))?.toString()).toBe('b-0');
  });
});
