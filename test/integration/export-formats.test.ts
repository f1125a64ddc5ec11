import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { withRawClient } from '@/lib/db/raw-client';
import { exportOptionsSchema, type ExportOptionsInput } from '@/lib/export/export-options';
import { writeExport } from '@/lib/export/write-export';
import { createExport } from '@/lib/export/create-export';
import { runExportJob } from '@/lib/export/run-export-job';
import { exportDownload } from '@/lib/export/export-file';
import { testDb, uniq } from '../support/db';
import { importFile, record, writeJsonl } from '../support/import-helpers';

const db = testDb();
let datasetId = 0;

// Six items: 1–4 accepted (1 and 2 with their imported CoT, 3 with a CoT that has no think
// block, 4 with none chosen), 5 pending, 6 rejected.
beforeAll(async () => {
  const name = uniq('export');
  const s = await importFile(
    writeJsonl([
      record(1, { problem_type: 'multiple choice', problem: 'Colour?', options: ['A. red', 'B. blue'], solution: '<answer>B</answer>', process: '<think>It is blue.</think>', data_source: 'STAR' }),
      record(2, { data_type: 'image', path: './img/2.png', process: '<think>Three.</think>', data_source: 'NeXT-QA', keep: { me: [1, 'two'] } }),
      record(3, { process: 'no tags at all', data_source: 'STAR' }),
      record(4, { data_source: 'STAR' }),
      record(5, { data_source: 'STAR' }),
      record(6, { data_source: 'STAR' }),
    ]),
    { dataset: name },
  );
  datasetId = s.datasetId!;
  const items = await db.item.findMany({ where: { datasetId }, include: { cotVersions: true } });
  for (const it of items) {
    const status = it.problemId === '5' ? 'pending' : it.problemId === '6' ? 'rejected' : 'accepted';
    await db.item.update({ where: { id: it.id }, data: { reviewStatus: status, acceptedVersionId: status === 'accepted' ? (it.cotVersions[0]?.id ?? null) : null } });
  }
});

async function run(input: Omit<ExportOptionsInput, 'filter'> & { filter?: Partial<ExportOptionsInput['filter']> }) {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cot-export-')), `out.${input.fileFormat ?? 'jsonl'}`);
  const options = exportOptionsSchema.parse({ ...input, filter: { dataset: datasetId, ...input.filter } });
  const manifest = await withRawClient((c) => writeExport(c, { ...options, outPath: out }), { databaseUrl: inject('databaseUrl') });
  const text = fs.readFileSync(out, 'utf8');
  const records = (options.fileFormat === 'json' ? JSON.parse(text) : text.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l))) as Record<string, unknown>[];
  return { out, text, manifest, records };
}

describe('exporting', () => {
  it('sft: accepted items with a think block, process = that block, other items counted as left out', async () => {
    const { records, manifest } = await run({ format: 'sft' });
    expect(records.map((r) => r.problem_id)).toEqual([1, 2]);
    expect(records[0]).toMatchObject({ process: '<think>It is blue.</think>', solution: '<answer>B</answer>' });
    expect(records[1]).toMatchObject({ keep: { me: [1, 'two'] } });
    // process stays where the source record had it (here: after solution).
    expect(Object.keys(records[0]!)).toEqual(['problem_id', 'problem', 'options', 'problem_type', 'data_type', 'path', 'data_source', 'solution', 'process']);
    expect(manifest.skipped).toEqual({ noAcceptedCot: 1, noThinkBlock: 1, stale: 0, mismatched: 0 });
  });

  it('rl: accepted items by default, every field but process; other statuses when asked', async () => {
    const accepted = await run({ format: 'rl' });
    expect(accepted.records.map((r) => r.problem_id)).toEqual([1, 2, 3, 4]);
    expect(accepted.records.every((r) => !('process' in r))).toBe(true);
    const others = await run({ format: 'rl', filter: { status: ['pending', 'rejected'] } });
    expect(others.records.map((r) => r.problem_id)).toEqual([5, 6]);
  });

  it('filters by problem type and data source', async () => {
    expect((await run({ format: 'rl', filter: { type: ['multiple choice'] } })).records.map((r) => r.problem_id)).toEqual([1]);
    expect((await run({ format: 'rl', filter: { source: ['NeXT-QA'] } })).records.map((r) => r.problem_id)).toEqual([2]);
  });

  it('folds options into the problem for VideoRFT and leaves them out for Video-R1', async () => {
    expect((await run({ format: 'rl', foldOptions: true, filter: { type: ['multiple choice'] } })).records[0]!.problem).toBe('Colour?\nA. red\nB. blue');
    expect((await run({ format: 'rl', foldOptions: false, filter: { type: ['multiple choice'] } })).records[0]!.problem).toBe('Colour?');
  });

  it('sharegpt: LLaMA-Factory conversations, and the dataset_info entry in the manifest', async () => {
    const { records, manifest } = await run({ format: 'sharegpt', fileFormat: 'json' });
    expect(records).toEqual([
      { messages: [{ role: 'user', content: '<video>Colour?\nA. red\nB. blue' }, { role: 'assistant', content: '<think>It is blue.</think>\n<answer>B</answer>' }], videos: ['./videos/1.mp4'] },
      { messages: [{ role: 'user', content: '<image>Question 2?' }, { role: 'assistant', content: '<think>Three.</think>\n<answer>3</answer>' }], images: ['./img/2.png'] },
    ]);
    expect(Object.values(manifest.llamaFactory!)[0]).toMatchObject({ formatting: 'sharegpt', columns: { messages: 'messages', videos: 'videos', images: 'images' } });
  });

  it('writes a manifest beside the file: counts, filters, SHA-256 of the file, time and version', async () => {
    const { out, manifest } = await run({ format: 'rl', fileFormat: 'json' });
    const onDisk = JSON.parse(fs.readFileSync(`${out}.manifest.json`, 'utf8'));
    expect(onDisk).toEqual(manifest);
    expect(manifest.sha256).toBe(crypto.createHash('sha256').update(fs.readFileSync(out)).digest('hex'));
    expect(manifest.bytes).toBe(fs.statSync(out).size);
    expect(manifest).toMatchObject({
      records: 4,
      countsByProblemType: { 'multiple choice': 1, numerical: 3 },
      countsBySource: { STAR: 3, 'NeXT-QA': 1 },
      filters: { status: ['accepted'] },
      studio: { name: 'cot-studio', version: expect.stringMatching(/^\d+\.\d+\.\d+/) },
    });
    expect(Date.parse(manifest.createdAt)).not.toBeNaN();
  });

  it('takes the first complete <think>…</think> of the accepted CoT as process, whatever surrounds it', async () => {
    const name = uniq('think');
    const s = await importFile(writeJsonl([record('a'), record('b'), record('c')]), { dataset: name });
    const texts: Record<string, string> = {
      a: 'stray </think> then <think>first — ünï 🎬</think> and <think>second</think>\n<answer>3</answer>',
      b: '<think>never closed\n<answer>3</answer>',
      c: '<think>\nmulti\nline\n</think>',
    };
    for (const it of await db.item.findMany({ where: { datasetId: s.datasetId! } })) {
      // Scored as passing: this test is about the think block, not the answer check.
      const v = await db.cotVersion.create({ data: { itemId: it.id, kind: 'edit', text: texts[it.problemId]!, answerCorrect: true, answerScore: 1 } });
      await db.item.update({ where: { id: it.id }, data: { reviewStatus: 'accepted', acceptedVersionId: v.id } });
    }
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cot-export-')), 'sft.jsonl');
    const options = exportOptionsSchema.parse({ filter: { dataset: s.datasetId! }, format: 'sft' });
    const manifest = await withRawClient((c) => writeExport(c, { ...options, outPath: out }), { databaseUrl: inject('databaseUrl') });
    const records = fs.readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(records.map((r) => [r.problem_id, r.process])).toEqual([
      ['a', '<think>first — ünï 🎬</think>'],
      ['c', '<think>\nmulti\nline\n</think>'],
    ]);
    expect(manifest.skipped).toEqual({ noAcceptedCot: 0, noThinkBlock: 1, stale: 0, mismatched: 0 });
  });

  it('writes a valid, empty file when nothing matches', async () => {
    const json = await run({ format: 'rl', fileFormat: 'json', filter: { type: ['regression'] } });
    expect(json.records).toEqual([]);
    const jsonl = await run({ format: 'rl', filter: { type: ['regression'] } });
    expect(jsonl.text).toBe('');
  });
});

describe('the export job', () => {
  it('writes the file into the data folder once, and serves it for download', async () => {
    const row = await createExport(db, { filter: { dataset: datasetId }, format: 'sft' }, null, { enqueue: false });
    const r = await runExportJob(db, { exportId: row.id });
    expect(r.status).toBe('completed');
    const done = await db.export.findUniqueOrThrow({ where: { id: row.id } });
    expect(done).toMatchObject({ status: 'completed', written: 2, total: 4, attempts: 1 });
    expect(done.sha256).toBe(crypto.createHash('sha256').update(fs.readFileSync(done.filePath!)).digest('hex'));
    expect(await runExportJob(db, { exportId: row.id })).toEqual({ status: 'completed' });
    const dl = await exportDownload(db, { exportId: row.id });
    expect(dl).toMatchObject({ file: done.filePath, contentType: 'application/x-ndjson' });
    expect((await exportDownload(db, { exportId: row.id, manifest: true })).fileName).toMatch(/\.manifest\.json$/);
  });

  it('refuses a download before the file is ready', async () => {
    const row = await createExport(db, { filter: { dataset: datasetId }, format: 'rl' }, null, { enqueue: false });
    await expect(exportDownload(db, { exportId: row.id })).rejects.toThrow(/not ready/);
  });
});
