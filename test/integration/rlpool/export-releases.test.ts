import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { disconnectPrisma } from '@/lib/db/client';
import { withRawClient } from '@/lib/db/raw-client';
import { exportOptionsSchema, type ExportOptionsInput } from '@/lib/export/export-options';
import { writeExport } from '@/lib/export/write-export';
import { createRelease } from '@/lib/releases/create-release';
import { diffReleases } from '@/lib/releases/diff-releases';
import { testDb, uniq } from '../../support/db';
import { seedRlDataset } from '../../support/rlpool-fixtures';

const db = testDb();
afterAll(() => disconnectPrisma());

let datasetId = 0;
let ids: Record<string, number> = {};
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cot-releases-'));

// Five accepted items with CoTs (p4 flagged as overlapping an evaluation set), one pending.
beforeAll(async () => {
  process.env.COT_DATA_DIR = dataDir;
  const { dataset, items } = await seedRlDataset(db, {
    mediaRoot: '/tmp',
    items: [1, 2, 3, 4, 5, 6].map((k) => ({ problemId: `p${k}`, problem: `Question ${k}?`, options: ['A. yes', 'B. no'], path: `./v${k}.mp4`, source: k % 2 ? 'STAR' : 'NeXT-QA', status: k === 6 ? 'pending' : 'accepted' })),
  });
  datasetId = dataset.id;
  ids = Object.fromEntries(items.map((i) => [i.problemId, i.id]));
  for (const it of items) {
    const v = await db.cotVersion.create({ data: { itemId: it.id, kind: 'revision', text: `<think>Thinking about ${it.problemId}.</think><answer>A</answer>`, answer: 'A', answerCorrect: true, answerScore: 1, model: 'qwen-vl', promptVersion: 'v1', params: { videoInput: 'frames', frames: 16 } } });
    await db.item.update({ where: { id: it.id }, data: { currentRevisionId: v.id, acceptedVersionId: it.reviewStatus === 'accepted' ? v.id : null, reviewedAt: new Date('2026-12-01T10:00:00Z') } });
  }
  await db.item.update({ where: { id: ids.p4 }, data: { contaminated: true, contamination: [{ kind: 'video', evalDataset: 'mvbench' }] } });
  await db.$executeRawUnsafe(`UPDATE item SET pass_rate = CASE problem_id WHEN 'p1' THEN 0 WHEN 'p2' THEN 0.5 WHEN 'p3' THEN 1 ELSE 0.25 END WHERE dataset_id = $1`, datasetId);
});

async function exportTo(input: Omit<ExportOptionsInput, 'filter'> & { filter?: Partial<ExportOptionsInput['filter']> }) {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cot-rl-export-')), `out.${input.fileFormat ?? 'jsonl'}`);
  const options = exportOptionsSchema.parse({ ...input, filter: { dataset: datasetId, ...input.filter } });
  const manifest = await withRawClient((c) => writeExport(c, { ...options, outPath: out }), { databaseUrl: inject('databaseUrl') });
  return { out, manifest };
}

const jsonl = (file: string) => fs.readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

describe('RL export: contamination, pass rate, lineage', () => {
  it('leaves items flagged as overlapping an evaluation set out by default, with the count in the manifest', async () => {
    const { out, manifest } = await exportTo({ format: 'rl' });
    expect(jsonl(out).map((r) => r.problem_id)).toEqual(['p1', 'p2', 'p3', 'p5']);
    expect(manifest.excluded).toEqual({ contaminated: 1 });
    const all = await exportTo({ format: 'rl', includeContaminated: true });
    expect(jsonl(all.out)).toHaveLength(5);
    expect(all.manifest.excluded).toBeUndefined();
  });

  it('adds pass_rate on request and filters by a pass-rate range', async () => {
    const { out, manifest } = await exportTo({ format: 'rl', passRate: true, filter: { passRateMin: 0.2, passRateMax: 0.8 } });
    const recs = jsonl(out);
    expect(recs.map((r) => [r.problem_id, r.pass_rate])).toEqual([['p2', 0.5], ['p5', 0.25]]);
    expect(Object.keys(recs[0]!).at(-1)).toBe('pass_rate');
    expect(manifest.filters).toMatchObject({ passRate: { min: 0.2, max: 0.8 } });
  });

  it('adds lineage on request', async () => {
    const { out } = await exportTo({ format: 'sft', lineage: true, filter: { source: ['STAR'] } });
    const rec = jsonl(out)[0]!;
    expect(rec.lineage).toMatchObject({ revision_model: 'qwen-vl', revision_prompt_version: 'v1', decided_at: expect.stringContaining('2026-12-01'), frame_plan_hash: expect.stringMatching(/^[0-9a-f]{32}$/) });
  });
});

describe('Parquet', () => {
  it('round-trips the records a JSONL export writes, read back with hyparquet', async () => {
    const jl = await exportTo({ format: 'sft', passRate: true });
    const pq = await exportTo({ format: 'sft', fileFormat: 'parquet', passRate: true });
    expect(pq.manifest.records).toBe(4);
    expect(pq.manifest.bytes).toBe(fs.statSync(pq.out).size);
    const file = await asyncBufferFromFile(pq.out);
    const meta = await parquetMetadataAsync(file);
    expect(Number(meta.num_rows)).toBe(4);
    const rows = (await parquetReadObjects({ file })) as Record<string, unknown>[];
    const expected = jsonl(jl.out);
    expect(rows.map((r) => ({ ...r, extra: undefined }))).toEqual(
      expected.map((r) => ({ problem_id: String(r.problem_id), problem: r.problem, options: r.options, problem_type: r.problem_type, data_type: r.data_type, path: r.path, data_source: r.data_source, process: r.process, solution: r.solution, pass_rate: r.pass_rate, extra: undefined })),
    );
  });

  it('refuses a format Parquet does not carry', async () => {
    await expect(exportTo({ format: 'sharegpt', fileFormat: 'parquet' })).rejects.toThrow(/sft and rl/);
  });
});

describe('releases', () => {
  it('saves files, manifest, card and item/CoT ids; refuses changes; diffs two releases by reason', async () => {
    const name1 = uniq('r1');
    const r1 = await createRelease(db, { name: name1, format: 'sft', fileFormat: 'parquet', filter: { dataset: datasetId } }, null);
    expect(r1.itemCount).toBe(4);
    expect(r1.files).toEqual(['data.parquet', 'data.parquet.manifest.json', 'README.md']);
    const card = fs.readFileSync(path.join(r1.dir, 'README.md'), 'utf8');
    expect(card).toMatch(/^---\nlicense: # fill in/);
    expect(card).toContain('path: "data.parquet"');
    expect(card).toContain('| STAR | 3 |');
    expect(card).toContain('Left out as overlapping an evaluation set: 1');
    expect(fs.statSync(path.join(r1.dir, 'data.parquet')).mode & 0o222).toBe(0);

    // Immutable: a second release with that name is refused; the database refuses edits.
    await expect(createRelease(db, { name: name1, format: 'rl', filter: { dataset: datasetId } }, null)).rejects.toThrow(/already exists/);
    await expect(db.release.update({ where: { id: r1.id }, data: { itemCount: 0 } })).rejects.toThrow(/immutable/);
    await expect(db.$executeRawUnsafe(`DELETE FROM release_item WHERE release_id = $1`, r1.id)).rejects.toThrow(/immutable/);

    // Changes: p1 gets a new accepted edit, p2 is rejected (removed), p6 accepted (added),
    // p3's decision is made again later.
    const edit = await db.cotVersion.create({ data: { itemId: ids.p1!, kind: 'edit', text: '<think>Edited.</think><answer>A</answer>', answer: 'A', answerCorrect: true, answerScore: 1 } });
    await db.item.update({ where: { id: ids.p1 }, data: { acceptedVersionId: edit.id } });
    await db.item.update({ where: { id: ids.p2 }, data: { reviewStatus: 'rejected', acceptedVersionId: null } });
    const p6v = await db.cotVersion.findFirstOrThrow({ where: { itemId: ids.p6 } });
    await db.item.update({ where: { id: ids.p6 }, data: { reviewStatus: 'accepted', acceptedVersionId: p6v.id } });
    await db.item.update({ where: { id: ids.p3 }, data: { reviewedAt: new Date('2026-12-02T09:00:00Z') } });

    const r2 = await createRelease(db, { name: uniq('r2'), format: 'sft', filter: { dataset: datasetId } }, null);
    const d = await diffReleases(db, { from: r1.id, to: r2.id });
    expect(d.counts).toEqual({ added: 1, removed: 1, changedCot: 1, changedDecision: 1 });
    expect(d.examples.added).toEqual([{ itemId: ids.p6, problemId: 'p6' }]);
    expect(d.examples.removed).toEqual([{ itemId: ids.p2, problemId: 'p2' }]);
    expect(d.examples.changedCot).toEqual([{ itemId: ids.p1, problemId: 'p1' }]);
    expect(d.examples.changedDecision).toEqual([{ itemId: ids.p3, problemId: 'p3' }]);
    // The first release's list is what it was.
    expect(await db.releaseItem.count({ where: { releaseId: r1.id } })).toBe(4);
  });
});
