import fs from 'node:fs';
import { once } from 'node:events';

// Deterministic Video-R1 / VideoRFT-like records for the data benchmarks: the VideoRFT pool's
// mix (about two thirds video from LLaVA-Video-178K / PerceptionTest / STAR, the rest images),
// several questions per video, a third with a `process` CoT, and the extra fields importers meet.

/** mulberry32: a small seeded generator (also the filter property test's). */
export function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = 'the a person ball table moves left right towards away after before then while red blue green small large quickly slowly picks up puts down opens closes door cup box chair window car dog cat runs walks'.split(' ');
const VIDEO_SOURCES = ['LLaVA-Video-178K', 'PerceptionTest', 'STAR', 'NeXT-QA', 'CLEVRER'];
const IMAGE_SOURCES = ['ScienceQA', 'ChartQA', 'TextVQA', 'Geometry3K'];
const TYPES = ['multiple choice', 'numerical', 'OCR', 'free-form', 'regression'] as const;

export function syntheticRecord(i: number): Record<string, unknown> {
  const r = rng(i * 7919 + 17);
  const words = (n: number) => Array.from({ length: n }, () => WORDS[Math.floor(r() * WORDS.length)]).join(' ');
  const video = r() < 0.68;
  const type = TYPES[Math.floor(r() * (r() < 0.5 ? 1 : TYPES.length))]!;
  const options = type === 'multiple choice' ? ['A', 'B', 'C', 'D'].map((l) => `${l}. ${words(4)}`) : [];
  const question = `${words(12)}?`;
  const answer = type === 'multiple choice' ? 'ABCD'[Math.floor(r() * 4)] : type === 'numerical' || type === 'regression' ? String(Math.floor(r() * 100)) : words(5);
  const source = video ? VIDEO_SOURCES[Math.floor(r() * VIDEO_SOURCES.length)]! : IMAGE_SOURCES[Math.floor(r() * IMAGE_SOURCES.length)]!;
  const media = video ? `./${source}/videos/clip_${Math.floor(i / 3)}.mp4` : `./${source}/images/img_${i}.jpg`;
  const rec: Record<string, unknown> = {
    problem_id: i % 5 === 0 ? `${source}_${i}` : i,
    problem: options.length > 0 && r() < 0.5 ? `${question}\n${options.join('\n')}` : question,
    options,
    problem_type: type,
    data_type: video ? 'video' : 'image',
    path: media,
    data_source: source,
    solution: `<answer>${answer}</answer>`,
  };
  if (r() < 0.33) rec.process = `<think>${words(160)}</think>`;
  if (r() < 0.5) rec.answer = answer;
  if (r() < 0.2) rec.original_question_type = words(2);
  return rec;
}

/** Writes `n` records as JSON Lines, streaming (the file is never built in memory). */
export async function writeSyntheticJsonl(file: string, n: number): Promise<number> {
  const out = fs.createWriteStream(file);
  let chunk = '';
  for (let i = 0; i < n; i++) {
    chunk += `${JSON.stringify(syntheticRecord(i))}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
  return fs.statSync(file).size;
}

export function arg(name: string, def: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : Number(process.env[`BENCH_${name.toUpperCase()}`] ?? def);
}

export const full = process.argv.includes('--full') || process.env.BENCH_FULL === '1';

/** Samples the process's resident memory while `fn` runs; returns the peak in MB. */
export async function peakRss<T>(fn: () => Promise<T>): Promise<{ result: T; peakMb: number }> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  try {
    const result = await fn();
    peak = Math.max(peak, process.memoryUsage.rss());
    return { result, peakMb: peak / 1024 / 1024 };
  } finally {
    clearInterval(timer);
  }
}
