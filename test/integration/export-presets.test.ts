import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { withRawClient } from '@/lib/db/raw-client';
import { exportOptionsSchema, type ExportOptionsInput } from '@/lib/export/export-options';
import { QUESTION_TEMPLATE, TYPE_TEMPLATE } from '@/lib/export/trainer-presets';
import { writeExport } from '@/lib/export/write-export';
import { testDb, uniq } from '../support/db';
import { importFile, record, writeJsonl } from '../support/import-helpers';

const db = testDb();
let datasetId = 0;

const mc = { problem_type: 'multiple choice', options: ['A. red', 'B. blue'], solution: '<answer>B</answer>' };

beforeAll(async () => {
  const s = await importFile(
    writeJsonl([
      record('mc', { ...mc, problem: 'Colour?', process: '<think>Blue.</think>' }),
      record('mc-listed', { ...mc, problem: 'Colour?\nA) red\nB) blue\nAnswer with the letter.', process: '<think>Blue.</think>' }),
      record('num', { problem: 'How many?', process: '<think>Three.</think>' }),
      record('token-in-question', { problem: '<video>\nHow many?', process: '<think>Three.</think>' }),
      record('stray-tokens', { problem: 'In the <image> and the <video>, how many?', process: '<think>The <video> shows three.</think>' }),
      record('img', { data_type: 'image', path: './img/1.png', problem: '<image>How many?', process: '<think>Three.</think>' }),
    ]),
    { dataset: uniq('presets') },
  );
  datasetId = s.datasetId!;
  for (const it of await db.item.findMany({ where: { datasetId } })) {
    await db.item.update({ where: { id: it.id }, data: { reviewStatus: 'accepted', acceptedVersionId: it.currentDraftId } });
  }
});

async function run(input: Omit<ExportOptionsInput, 'filter'>) {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cot-preset-')), 'out.jsonl');
  const options = exportOptionsSchema.parse({ ...input, filter: { dataset: datasetId } });
  const manifest = await withRawClient((c) => writeExport(c, { ...options, outPath: out }), { databaseUrl: inject('databaseUrl') });
  const records = fs.readFileSync(out, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
  return { manifest, byId: new Map(records.map((r, i) => [String(r.problem_id ?? i), r])), records };
}

const prompt = (question: string, type: string) => QUESTION_TEMPLATE.replace('{Question}', question) + TYPE_TEMPLATE[type];
type Sharegpt = { messages: Array<{ role: string; content: string }>; videos?: string[]; images?: string[] };
const tokens = (r: Sharegpt, t: string) => r.messages.reduce((n, m) => n + m.content.split(`<${t}>`).length - 1, 0);

describe('trainer presets', () => {
  it('videorft: options inside problem, never twice (A) form already listed)', async () => {
    const { byId, manifest } = await run({ format: 'sft', trainer: 'videorft' });
    expect(byId.get('mc')!.problem).toBe('Colour?\nA. red\nB. blue');
    expect(byId.get('mc-listed')!.problem).toBe('Colour?\nA) red\nB) blue\nAnswer with the letter.');
    expect(byId.get('num')!.problem).toBe('How many?');
    expect(manifest.options).toMatchObject({ trainer: 'videorft', foldOptions: true });
  });

  it('video-r1: options left out of problem (the trainer appends them)', async () => {
    const { byId } = await run({ format: 'rl', trainer: 'video-r1' });
    expect(byId.get('mc')!.problem).toBe('Colour?');
    expect(byId.get('mc')!.options).toEqual(['A. red', 'B. blue']);
  });

  it('llama-factory: sharegpt whose user turn is the trainers’ template, one media token per media file', async () => {
    const { records } = await run({ format: 'sharegpt', trainer: 'llama-factory' });
    const [mcRec, listed, num, inQuestion, stray, img] = records as Sharegpt[];
    expect(mcRec!.messages[0]!.content).toBe(`<video>${prompt('Colour?\nA. red\nB. blue', 'multiple choice')}`);
    expect(listed!.messages[0]!.content).toBe(`<video>${prompt('Colour?\nA) red\nB) blue\nAnswer with the letter.', 'multiple choice')}`);
    expect(num!.messages[0]!.content).toBe(`<video>${prompt('How many?', 'numerical')}`);
    expect(num!.messages[1]!.content).toBe('<think>Three.</think>\n<answer>3</answer>');
    // A question that already places its one token keeps it there, not a second one.
    expect(inQuestion!.messages[0]!.content).toBe(prompt('<video>\nHow many?', 'numerical'));
    expect(img!.messages[0]!.content).toBe(prompt('<image>How many?', 'numerical'));
    // Stray tokens (the wrong kind, or in the CoT) lose their brackets.
    expect(stray!.messages[0]!.content).toBe(`<video>${prompt('In the image and the video, how many?', 'numerical')}`);
    expect(stray!.messages[1]!.content).toBe('<think>The video shows three.</think>\n<answer>3</answer>');
    for (const r of records as Sharegpt[]) {
      expect(tokens(r, 'video')).toBe(r.videos?.length ?? 0);
      expect(tokens(r, 'image')).toBe(r.images?.length ?? 0);
    }
  });

  it('video-r1 sharegpt: "Options:" appended as the trainer does, never an empty or duplicate block', async () => {
    const { records } = await run({ format: 'sharegpt', trainer: 'video-r1' });
    const [mcRec, listed, num] = records as Sharegpt[];
    expect(mcRec!.messages[0]!.content).toBe(`<video>${prompt('Colour?Options:\nA. red\nB. blue\n', 'multiple choice')}`);
    expect(listed!.messages[0]!.content).not.toContain('Options:');
    expect(num!.messages[0]!.content).not.toContain('Options:');
  });

  it('refuses a preset with a format its trainer cannot read, naming both', async () => {
    await expect(run({ format: 'sft', trainer: 'llama-factory' })).rejects.toThrow('The llama-factory preset reads sharegpt files: choose the sharegpt format (got sft)');
  });
});
