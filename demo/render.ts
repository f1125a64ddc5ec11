import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ffmpegPath } from '@/lib/media/ffmpeg-path';
import { CANVAS, COLORS, type Layer, type Scene, type Waypoint } from './scenes';

/** Each demo clip renders in well under a second; the limit only guards against a hang. */
export const RENDER_TIMEOUT_MS = 120_000;
/** The reference machine has 2 cores and x264 already uses several threads per job. */
export const DEFAULT_RENDER_CONCURRENCY = 2;

// Only filters present in both ffmpeg 4.1 (the npm build) and 5.1 (Debian) are used:
// color, format, geq, overlay, drawbox, drawtext.

const require = createRequire(import.meta.url);

/** DejaVu Sans Bold from the npm package, so text renders identically on every machine. */
export function demoFontFile(): string {
  const pkgJson = require.resolve('dejavu-fonts-ttf/package.json');
  const font = path.join(path.dirname(pkgJson), 'ttf', 'DejaVuSans-Bold.ttf');
  if (!fs.existsSync(font)) throw new Error(`DejaVu font not found at ${font}`);
  return font;
}

function escapeChars(value: string, chars: string): string {
  let out = '';
  for (const ch of value) out += chars.includes(ch) || ch === '\\' ? `\\${ch}` : ch;
  return out;
}

/**
 * A filter option value goes through two parsers: the option parser (splits on ':') and
 * then, outside it, the filtergraph parser (splits on ',', ';', '[' and ']'). Escaping for
 * both lets expressions keep their commas and paths keep any odd character.
 */
export function filterValue(value: string): string {
  return escapeChars(escapeChars(value, "':"), "'[],;");
}

function num(n: number): string {
  // Expressions are parsed by ffmpeg, so avoid exponent notation and float noise.
  return Number.isInteger(n) ? String(n) : n.toFixed(4).replace(/0+$/, '');
}

/** Same piecewise-linear rule as positionAt() in scenes.ts, as an ffmpeg expression in t. */
export function pathExpr(points: readonly Waypoint[], axis: 'x' | 'y', offset: number): string {
  const first = points[0];
  if (!first) throw new Error('layer path needs at least one waypoint');
  const last = points[points.length - 1]!;
  let expr = num(last[axis] + offset);
  for (let i = points.length - 2; i >= 0; i--) {
    const a = points[i]!;
    const b = points[i + 1]!;
    const seg = `${num(a[axis] + offset)}+(${num(b[axis] - a[axis])})*(t-(${num(a.t)}))/${num(b.t - a.t)}`;
    expr = `if(lt(t,${num(b.t)}),${seg},${expr})`;
  }
  return points.length > 1 ? `if(lt(t,${num(first.t)}),${num(first[axis] + offset)},${expr})` : expr;
}

function enableExpr(layer: Layer): string | undefined {
  const parts: string[] = [];
  if (layer.from !== undefined) parts.push(`gte(t,${num(layer.from)})`);
  if (layer.to !== undefined) parts.push(`lt(t,${num(layer.to)})`);
  return parts.length > 0 ? parts.join('*') : undefined;
}

function opts(pairs: Array<[string, string | number | undefined]>): string {
  return pairs
    .filter((p): p is [string, string | number] => p[1] !== undefined)
    .map(([k, v]) => `${k}=${typeof v === 'number' ? num(v) : filterValue(v)}`)
    .join(':');
}

const SAFE_TEXT = /^[A-Za-z0-9 .\-]+$/;

/** The filter graph for one scene; `durationSec` of 0 (images) renders one frame's worth. */
export function sceneFilterGraph(scene: Scene, fontFile: string): string {
  const { width, height, fps } = CANVAS;
  const d = Math.max(scene.durationSec, 1 / fps);
  const chains: string[] = [`color=${opts([['c', `0x${COLORS[scene.background]}`], ['s', `${width}x${height}`], ['r', fps], ['d', d]])}[v0]`];
  let current = 'v0';
  scene.layers.forEach((layer, i) => {
    const next = `v${i + 1}`;
    const enable = enableExpr(layer);
    if (layer.kind === 'text') {
      // drawtext would expand '%' sequences and choke on quotes; the scenes never need them.
      if (!SAFE_TEXT.test(layer.text)) throw new Error(`unsupported characters in demo text "${layer.text}"`);
      const params = opts([
        ['fontfile', fontFile],
        ['text', layer.text],
        ['fontsize', layer.size],
        ['fontcolor', `0x${COLORS[layer.color]}`],
        ['x', `${pathExpr(layer.path, 'x', 0)}-text_w/2`],
        ['y', `${pathExpr(layer.path, 'y', 0)}-text_h/2`],
        ['enable', enable],
      ]);
      chains.push(`[${current}]drawtext=${params}[${next}]`);
    } else if (layer.kind === 'rect' && layer.path.length === 1) {
      // Static rectangles are cheaper as drawbox than as an extra source plus overlay.
      const p = layer.path[0]!;
      const params = opts([
        ['x', Math.round(p.x - layer.w / 2)],
        ['y', Math.round(p.y - layer.h / 2)],
        ['w', layer.w],
        ['h', layer.h],
        ['color', `0x${COLORS[layer.color]}`],
        ['t', 'fill'],
        ['enable', enable],
      ]);
      chains.push(`[${current}]drawbox=${params}[${next}]`);
    } else {
      // drawbox cannot move, so moving shapes and all circles are sprites composited by overlay.
      const hex = COLORS[layer.color];
      const src = opts([['c', `0x${hex}`], ['s', `${layer.w}x${layer.h}`], ['r', fps], ['d', d]]);
      let sprite = `color=${src}`;
      if (layer.kind === 'circle') {
        const r = layer.w / 2;
        const c = (layer.w - 1) / 2;
        const rgb = [0, 2, 4].map((o) => Number.parseInt(hex.slice(o, o + 2), 16));
        // A one-pixel soft edge keeps the disc from looking jagged after chroma subsampling.
        const alpha = `255*clip(${num(r + 0.5)}-hypot(X-${num(c)},Y-${num(c)}),0,1)`;
        sprite += `,format=rgba,geq=${opts([['r', rgb[0]], ['g', rgb[1]], ['b', rgb[2]], ['a', alpha]])}`;
      }
      chains.push(`${sprite}[s${i}]`);
      const params = opts([
        ['x', pathExpr(layer.path, 'x', -layer.w / 2)],
        ['y', pathExpr(layer.path, 'y', -layer.h / 2)],
        ['enable', enable],
      ]);
      chains.push(`[${current}][s${i}]overlay=${params}[${next}]`);
    }
    current = next;
  });
  chains.push(`[${current}]format=${scene.dataType === 'image' ? 'rgb24' : 'yuv420p'}[out]`);
  return chains.join(';');
}

function ffmpegArgs(scene: Scene, graph: string, outFile: string): string[] {
  const base = ['-hide_banner', '-nostdin', '-v', 'error', '-y', '-filter_complex', graph, '-map', '[out]'];
  if (scene.dataType === 'image') return [...base, '-frames:v', '1', outFile];
  return [
    ...base,
    '-frames:v',
    String(Math.round(scene.durationSec * CANVAS.fps)),
    '-r',
    String(CANVAS.fps),
    '-c:v',
    'libx264',
    // Flat synthetic frames compress to almost nothing at any preset; veryfast keeps CI quick.
    '-preset',
    'veryfast',
    '-crf',
    '20',
    '-pix_fmt',
    'yuv420p',
    // A keyframe every second keeps scrubbing in the review UI snappy.
    '-g',
    String(CANVAS.fps),
    '-movflags',
    '+faststart',
    '-an',
    outFile,
  ];
}

function runFfmpeg(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(ffmpegPath(), args, { timeout: RENDER_TIMEOUT_MS, maxBuffer: 4 * 1024 * 1024 }, (err, _stdout, stderr) => {
      if (err) {
        const reason = err.killed ? `timed out after ${RENDER_TIMEOUT_MS} ms` : String(stderr).trim() || err.message;
        reject(new Error(reason, { cause: err }));
        return;
      }
      resolve();
    });
  });
}

function existsNonEmpty(file: string): boolean {
  try {
    return fs.statSync(file).size > 0;
  } catch {
    return false;
  }
}

export interface RenderResult {
  sceneId: string;
  file: string;
  absPath: string;
  status: 'rendered' | 'skipped';
}

export interface RenderProgress extends RenderResult {
  done: number;
  total: number;
}

/** Renders one scene unless a non-empty file is already there. */
export async function renderScene(scene: Scene, outDir: string, fontFile = demoFontFile()): Promise<RenderResult> {
  const absPath = path.join(outDir, scene.file);
  const result = { sceneId: scene.id, file: scene.file, absPath };
  if (existsNonEmpty(absPath)) return { ...result, status: 'skipped' };
  fs.mkdirSync(outDir, { recursive: true });
  // Write beside the target and rename, so an interrupted render never leaves a truncated
  // file that the next run would mistake for a finished one. The name keeps the extension
  // because ffmpeg picks the container from it.
  const tmp = path.join(outDir, `.partial-${process.pid}-${randomBytes(4).toString('hex')}-${scene.file}`);
  try {
    await runFfmpeg(ffmpegArgs(scene, sceneFilterGraph(scene, fontFile), tmp));
    fs.renameSync(tmp, absPath);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw new Error(`ffmpeg failed to render ${absPath}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  return { ...result, status: 'rendered' };
}

export interface RenderScenesOptions {
  outDir: string;
  scenes: readonly Scene[];
  concurrency?: number;
  onProgress?: (p: RenderProgress) => void;
}

export async function renderScenes(options: RenderScenesOptions): Promise<RenderResult[]> {
  const { outDir, scenes, onProgress } = options;
  const concurrency = Math.max(1, options.concurrency ?? DEFAULT_RENDER_CONCURRENCY);
  const fontFile = demoFontFile();
  const results: RenderResult[] = new Array<RenderResult>(scenes.length);
  let nextIndex = 0;
  let done = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    // After a failure the other worker finishes its current file but starts no new one.
    while (!failed && nextIndex < scenes.length) {
      const i = nextIndex++;
      try {
        results[i] = await renderScene(scenes[i]!, outDir, fontFile);
      } catch (err) {
        failed = true;
        throw err;
      }
      done++;
      onProgress?.({ ...results[i]!, done, total: scenes.length });
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, scenes.length) }, worker));
  return results;
}
