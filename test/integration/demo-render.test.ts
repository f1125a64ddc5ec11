import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemo, type DemoItem, type DemoVideo } from '@/demo/records';
import type { RenderProgress } from '@/demo/render';
import { CANVAS, COLORS, SCENES, inWindow, layerBox, positionAt, visibleFraction, type Scene } from '@/demo/scenes';
import { ffmpegPath } from '@/lib/media/ffmpeg-path';
import { probeMedia } from '@/lib/media/probe';

// Rendering all clips takes a few seconds on 2 cores; the margin is for slow CI machines.
const RENDER_TIMEOUT = 180_000;

let mediaDir: string;
let videos: DemoVideo[];
let items: DemoItem[];
const progress: RenderProgress[] = [];

beforeAll(async () => {
  mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cot-demo-'));
  ({ videos, items } = await buildDemo({ mediaDir, onProgress: (_msg, p) => progress.push(p) }));
}, RENDER_TIMEOUT);

afterAll(() => {
  if (mediaDir) fs.rmSync(mediaDir, { recursive: true, force: true });
});

/** The frames a 1 fps sampler sees (t = 0, 1, 2, …) as raw RGB. */
function framesAtWholeSeconds(file: string): Promise<Buffer> {
  const args = ['-v', 'error', '-i', file, '-vf', `select='not(mod(n\\,${CANVAS.fps}))'`, '-vsync', '0', '-f', 'rawvideo', '-pix_fmt', 'rgb24', 'pipe:1'];
  return new Promise((resolve, reject) => {
    execFile(ffmpegPath(), args, { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024, timeout: 60_000 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`frame extraction failed for ${file}: ${stderr.toString()}`));
      else resolve(stdout);
    });
  });
}

function hexToRgb(hex: string): [number, number, number] {
  return [0, 2, 4].map((o) => Number.parseInt(hex.slice(o, o + 2), 16)) as [number, number, number];
}

/** Shapes whose centre pixel must show their own colour at t: fully visible, nothing on top. */
function checkablePoints(scene: Scene, t: number): Array<{ label: string; x: number; y: number; rgb: [number, number, number] }> {
  const out: Array<{ label: string; x: number; y: number; rgb: [number, number, number] }> = [];
  scene.layers.forEach((layer, i) => {
    if (layer.kind === 'text' || layer.w < 8 || layer.h < 8) return;
    if (visibleFraction(scene, i, t) < 1) return;
    const box = layerBox(layer, t);
    const textAbove = scene.layers.slice(i + 1).some((l) => {
      if (l.kind !== 'text' || !inWindow(l, t)) return false;
      const b = layerBox(l, t);
      return b.x0 < box.x1 && box.x0 < b.x1 && b.y0 < box.y1 && box.y0 < b.y1;
    });
    if (textAbove) return;
    const p = positionAt(layer.path, t);
    out.push({ label: layer.label, x: Math.round(p.x), y: Math.round(p.y), rgb: hexToRgb(COLORS[layer.color]) });
  });
  return out;
}

describe('demo render', () => {
  it('renders every scene once and reports progress', () => {
    expect(videos).toHaveLength(SCENES.length);
    expect(progress).toHaveLength(SCENES.length);
    expect(progress.every((p) => p.status === 'rendered')).toBe(true);
    expect(progress.at(-1)?.done).toBe(SCENES.length);
    for (const v of videos) expect(fs.statSync(v.absPath).size).toBeGreaterThan(0);
    // No temporary files are left behind.
    expect(fs.readdirSync(path.join(mediaDir, 'demo')).filter((f) => f.startsWith('.'))).toEqual([]);
    for (const it of items) expect(fs.existsSync(path.join(mediaDir, it.record.path))).toBe(true);
  });

  it('produces 640x360, 25 fps, H.264 yuv420p clips of the intended length, without audio', async () => {
    for (const v of videos.filter((x) => x.dataType === 'video')) {
      const info = await probeMedia(v.absPath);
      expect(info.codec, v.file).toBe('h264');
      expect(info.pixFmt, v.file).toBe('yuv420p');
      expect(info.width).toBe(640);
      expect(info.height).toBe(360);
      expect(info.fps).toBe(25);
      expect(info.durationSec, v.file).toBeCloseTo(v.durationSec, 1);
      expect(info.frameCount, v.file).toBe(v.durationSec * 25);
      expect(info.hasAudio).toBe(false);
    }
  });

  it('produces a PNG for the image item', async () => {
    const image = videos.find((v) => v.dataType === 'image');
    expect(image).toBeDefined();
    const info = await probeMedia(image!.absPath);
    expect(info.codec).toBe('png');
    expect([info.width, info.height]).toEqual([640, 360]);
  });

  it('draws each shape where the representation says it is, at every sampled second', async () => {
    const { width } = CANVAS;
    for (const v of videos.filter((x) => x.dataType === 'video')) {
      const scene = SCENES.find((s) => s.id === v.sceneId)!;
      const raw = await framesAtWholeSeconds(v.absPath);
      const frameBytes = width * CANVAS.height * 3;
      expect(raw.length / frameBytes, v.file).toBe(v.representation.frames.length);
      v.representation.frames.forEach((_, t) => {
        for (const p of checkablePoints(scene, t)) {
          const at = t * frameBytes + (p.y * width + p.x) * 3;
          const got = [raw[at]!, raw[at + 1]!, raw[at + 2]!];
          const diff = Math.max(...got.map((c, k) => Math.abs(c - p.rgb[k]!)));
          expect(diff, `${v.file} t=${t}s ${p.label} at (${p.x},${p.y}) got rgb(${got.join(',')})`).toBeLessThan(40);
        }
      });
    }
  });

  it('does not re-render files that already exist', async () => {
    const before = videos.map((v) => fs.statSync(v.absPath).mtimeMs);
    const again: RenderProgress[] = [];
    await buildDemo({ mediaDir, onProgress: (_msg, p) => again.push(p) });
    expect(again.map((p) => p.status)).toEqual(SCENES.map(() => 'skipped'));
    expect(videos.map((v) => fs.statSync(v.absPath).mtimeMs)).toEqual(before);
  });

  it('fails with the file name when ffprobe cannot read a file', async () => {
    const bogus = path.join(mediaDir, 'not-a-video.mp4');
    fs.writeFileSync(bogus, 'hello');
    await expect(probeMedia(bogus)).rejects.toThrow(/not-a-video\.mp4/);
  });
});
