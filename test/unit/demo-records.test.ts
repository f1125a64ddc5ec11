import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkCot } from '@/lib/answers/score';
import { demoItems, demoVideos, formatTimestamp, type DemoItem } from '@/demo/records';
import { QUESTIONS, SCENES, getScene } from '@/demo/scenes';
import { resolveBinary } from '@/lib/media/ffmpeg-path';

// Written from DOMAIN.md rather than imported, so the demo is checked against the spec and
// not against whatever the studio's own schemas happen to accept.
const recordSchema = z.strictObject({
  problem_id: z.union([z.number().int(), z.string().min(1)]),
  problem: z.string().min(1),
  options: z.array(z.string()),
  problem_type: z.enum(['multiple choice', 'numerical', 'OCR', 'free-form', 'regression']),
  data_type: z.enum(['video', 'image']),
  path: z.string().regex(/^\.\/demo\/[\w.-]+\.(mp4|png)$/),
  data_source: z.literal('CoT-Studio-Demo'),
  solution: z.string().regex(/^<answer>[\s\S]+<\/answer>$/),
});

const representationSchema = z.strictObject({
  video_caption: z.string().min(1),
  frames: z
    .array(
      z.strictObject({
        timestamp: z.string().regex(/^\d{2}:\d{2}:\d{2}$/),
        caption: z.string().min(1),
        key_elements: z.strictObject({
          objects: z.array(z.string()),
          actions: z.array(z.string()),
          scene: z.string().min(1),
          notable_features: z.array(z.string()),
          spatial_relations: z.array(z.string()),
          human_attributes: z.strictObject({ gender: z.string(), clothing: z.string(), posture: z.string() }).nullable(),
          potential_interactions: z.array(z.string()),
        }),
      }),
    )
    .min(1),
});

const COT_FORMAT = /^<think>[\s\S]*?<\/think>\s*<answer>[\s\S]*?<\/answer>$/;

const items = demoItems();
const answerOf = (text: string): string => /<answer>\s*([\s\S]*?)\s*<\/answer>/.exec(text)?.[1] ?? '';
const sentences = (text: string): number => text.split(/(?<=[.!?])\s+(?=[[A-Z])/).filter((s) => s.trim()).length;
const sceneOf = (item: DemoItem) => {
  const scene = SCENES.find((s) => `./demo/${s.file}` === item.record.path);
  if (!scene) throw new Error(`no scene for ${item.record.path}`);
  return scene;
};

describe('demo records', () => {
  it('has enough videos and questions, with some videos shared by two questions', () => {
    const videos = SCENES.filter((s) => s.dataType === 'video');
    expect(videos.length).toBeGreaterThanOrEqual(12);
    expect(SCENES.some((s) => s.dataType === 'image')).toBe(true);
    expect(items.length).toBeGreaterThanOrEqual(16);
    expect(items.length).toBeLessThanOrEqual(20);
    const perPath = new Map<string, number>();
    for (const it of items) perPath.set(it.record.path, (perPath.get(it.record.path) ?? 0) + 1);
    expect([...perPath.values()].filter((n) => n >= 2).length).toBeGreaterThanOrEqual(3);
    // Every scene is used by some question: no orphan media.
    for (const s of SCENES) expect(perPath.has(`./demo/${s.file}`), s.id).toBe(true);
  });

  it('every record validates against the DOMAIN.md shape', () => {
    for (const it of items) {
      const parsed = recordSchema.safeParse(it.record);
      expect(parsed.success, `${it.record.problem_id}: ${parsed.error?.message}`).toBe(true);
    }
  });

  it('covers all five problem types and mixes numeric and string problem_ids', () => {
    expect(new Set(items.map((i) => i.record.problem_type))).toEqual(
      new Set(['multiple choice', 'numerical', 'OCR', 'free-form', 'regression']),
    );
    expect(items.some((i) => typeof i.record.problem_id === 'number')).toBe(true);
    expect(items.some((i) => typeof i.record.problem_id === 'string')).toBe(true);
  });

  it('problem_ids are unique', () => {
    const ids = items.map((i) => String(i.record.problem_id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('multiple choice folds its options into problem and answers with one of their letters', () => {
    const mc = items.filter((i) => i.record.problem_type === 'multiple choice');
    expect(mc.some((i) => i.record.options.every((o) => /^[A-Z]\. /.test(o)))).toBe(true);
    expect(mc.some((i) => i.record.options.every((o) => /^[A-Z]\) /.test(o)))).toBe(true);
    for (const it of mc) {
      const lines = it.record.problem.split('\n');
      expect(lines.slice(1)).toEqual(it.record.options);
      const letters = it.record.options.map((o) => o.charAt(0));
      expect(letters).toContain(answerOf(it.record.solution));
    }
    for (const it of items.filter((i) => i.record.problem_type !== 'multiple choice')) {
      expect(it.record.options).toEqual([]);
    }
  });

  it('numerical and regression answers are plain numbers', () => {
    for (const it of items.filter((i) => ['numerical', 'regression'].includes(i.record.problem_type))) {
      expect(answerOf(it.record.solution)).toMatch(/^-?\d+(\.\d+)?$/);
    }
  });

  it('every representation validates and has one frame per second', () => {
    for (const it of items) {
      const parsed = representationSchema.safeParse(it.representation);
      expect(parsed.success, `${it.record.path}: ${parsed.error?.message}`).toBe(true);
      const scene = sceneOf(it);
      const expected = scene.dataType === 'image' ? 1 : Math.ceil(scene.durationSec);
      expect(it.representation.frames.length).toBe(expected);
      expect(it.representation.frames.map((f) => f.timestamp)).toEqual(
        Array.from({ length: expected }, (_, i) => formatTimestamp(i)),
      );
      for (const f of it.representation.frames) {
        expect(f.key_elements.human_attributes).toBeNull();
        const n = sentences(f.caption);
        expect(n, f.caption).toBeGreaterThanOrEqual(2);
        expect(n, f.caption).toBeLessThanOrEqual(3);
      }
      expect(sentences(it.representation.video_caption)).toBeLessThanOrEqual(2);
    }
  });

  it('items of one video share one representation', () => {
    const byPath = new Map<string, unknown>();
    for (const it of items) {
      const seen = byPath.get(it.record.path);
      if (seen) expect(it.representation).toBe(seen);
      else byPath.set(it.record.path, it.representation);
    }
  });

  it('video scenes are 5–8 s long', () => {
    for (const s of SCENES.filter((x) => x.dataType === 'video')) {
      expect(s.durationSec).toBeGreaterThanOrEqual(5);
      expect(s.durationSec).toBeLessThanOrEqual(8);
    }
  });

  it('drafts and revisions have the trainer format and the right provenance', () => {
    for (const it of items) {
      expect(it.draft.text).toMatch(COT_FORMAT);
      expect(it.revision.text).toMatch(COT_FORMAT);
      expect(it.draft.model).toBe('demo-llm');
      expect(it.revision.model).toBe('demo-mllm');
      expect(it.draft.promptVersion).toBe('demo-v1');
      expect(it.revision.promptVersion).toBe('demo-v1');
      // Drafts reason in the watching voice with at least one explicit time reference
      // (images have no time).
      if (it.record.data_type === 'video') expect(it.draft.text).toMatch(/\b\d\d:\d\d\b/);
      expect(it.draft.text).not.toBe(it.revision.text);
    }
  });

  it('revisions are correct; about a third of drafts carry a planted visual error', () => {
    let wrongDrafts = 0;
    for (const it of items) {
      const { problem_type: problemType, solution } = it.record;
      const revision = checkCot({ problemType, cotText: it.revision.text, solution });
      const draft = checkCot({ problemType, cotText: it.draft.text, solution });
      expect(revision.formatOk).toBe(true);
      if (problemType === 'free-form') {
        expect(revision.score, String(it.record.problem_id)).toBeGreaterThan(0.5);
      } else {
        expect(revision.correct, `${it.record.problem_id}: ${revision.prediction}`).toBe(true);
        expect(draft.correct, String(it.record.problem_id)).toBe(!it.plantedError?.answerWrong);
      }
      if (it.plantedError?.answerWrong) {
        wrongDrafts++;
        expect(answerOf(it.draft.text)).not.toBe(answerOf(it.revision.text));
      }
    }
    const planted = items.filter((i) => i.plantedError).length;
    expect(planted).toBeGreaterThanOrEqual(Math.floor(items.length / 4));
    expect(planted).toBeLessThanOrEqual(Math.ceil(items.length / 2));
    expect(wrongDrafts).toBeGreaterThanOrEqual(2);
    expect(planted - wrongDrafts).toBeGreaterThanOrEqual(1);
  });

  it('the representations agree with the answers they are meant to support', () => {
    const rep = (id: string) => items.find((i) => i.record.path === `./demo/${getScene(id).file}`)!.representation;
    const objectsAt = (id: string) => rep(id).frames.map((f) => f.key_elements.objects);

    // Five distinct squares over the clip, never five in one frame.
    const squares = new Set(objectsAt('squares-crossing').flat().filter((o) => o.endsWith('square')));
    expect(squares.size).toBe(5);
    expect(Math.max(...objectsAt('squares-crossing').map((o) => o.length))).toBeLessThan(5);
    expect(objectsAt('squares-crossing')[0]).toEqual(['yellow square']);

    const firstCircle = objectsAt('colour-order').find((o) => o.length > 0);
    expect(firstCircle).toEqual(['green circle']);

    const lit = rep('traffic-light').frames.map((f) => f.key_elements.notable_features.join(' '));
    expect(lit.filter((n) => n.includes('green')).length).toBe(3);

    expect(objectsAt('stacking').at(-1)?.filter((o) => o.endsWith('block'))).toHaveLength(4);
    expect(objectsAt('shapes-count')[0]).toContain('4 red circles');
    expect(rep('pillar-pass').frames.some((f) => f.key_elements.notable_features.includes('the ball is hidden behind the pillar'))).toBe(true);
  });

  it('demoVideos places media under <mediaDir>/demo and matches the record paths', () => {
    const videos = demoVideos('/media/root');
    expect(videos).toHaveLength(SCENES.length);
    for (const v of videos) {
      expect(v.absPath).toBe(path.join('/media/root', 'demo', v.file));
      expect(v.path).toBe(`./demo/${v.file}`);
    }
    const paths = new Set(videos.map((v) => v.path));
    for (const q of QUESTIONS) expect(paths.has(`./demo/${getScene(q.sceneId).file}`)).toBe(true);
  });
});

describe('resolveBinary', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cot-bin-'));
  const binDir = path.join(tmp, 'bin');
  const decoyDir = path.join(tmp, 'decoy');
  fs.mkdirSync(binDir);
  // A directory with the binary's name must not be mistaken for the binary.
  fs.mkdirSync(path.join(decoyDir, 'ffmpeg'), { recursive: true });
  fs.writeFileSync(path.join(binDir, 'ffmpeg'), '#!/bin/sh\n', { mode: 0o755 });
  fs.writeFileSync(path.join(binDir, 'ffprobe'), 'not executable', { mode: 0o644 });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('prefers the override, untouched', () => {
    expect(resolveBinary({ name: 'ffmpeg', envValue: '/opt/ff/ffmpeg', pathEnv: binDir, fallback: () => '/npm/ffmpeg' })).toBe('/opt/ff/ffmpeg');
  });

  it('treats an empty override as unset and searches PATH in order', () => {
    const pathEnv = ['', decoyDir, binDir].join(path.delimiter);
    expect(resolveBinary({ name: 'ffmpeg', envValue: '  ', pathEnv, fallback: () => '/npm/ffmpeg' })).toBe(path.join(binDir, 'ffmpeg'));
  });

  it('skips files that are not executable and falls back to the bundled build', () => {
    expect(resolveBinary({ name: 'ffprobe', envValue: undefined, pathEnv: binDir, fallback: () => '/npm/ffprobe' })).toBe('/npm/ffprobe');
  });

  it('explains what it tried when nothing is found', () => {
    expect(() =>
      resolveBinary({
        name: 'ffprobe',
        envValue: undefined,
        pathEnv: decoyDir,
        fallback: () => {
          throw 'Unsupported platform/architecture';
        },
      }),
    ).toThrow(/Cannot find ffprobe.*Unsupported platform/);
  });
});
