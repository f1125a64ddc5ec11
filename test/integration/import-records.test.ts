import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createImport } from '@/lib/import/create-import';
import { runImportJob } from '@/lib/import/run-import-job';
import { testDb, uniq } from '../support/db';
import { importFile, record, writeJsonl } from '../support/import-helpers';

const db = testDb();

async function counts(datasetName: string) {
  const ds = await db.dataset.findUnique({ where: { name: datasetName } });
  if (!ds) return null;
  const [items, videos, versions] = await Promise.all([
    db.item.count({ where: { datasetId: ds.id } }),
    db.video.count({ where: { datasetId: ds.id } }),
    db.cotVersion.count({ where: { item: { datasetId: ds.id } } }),
  ]);
  return { items, videos, versions };
}

describe('importing a file', () => {
  it('writes nothing — not even the new dataset — when any record is bad, and names every problem', async () => {
    const name = uniq('aon');
    const file = writeJsonl([record(1), record(2, { problem_type: 'essay' }), record(1), record(3, { path: '../../etc/x.mp4' })]);
    fs.appendFileSync(file, '{"problem_id": 4, "problem": "cut'); // the writer died mid-record: no final newline
    const s = await importFile(file, { dataset: name });
    expect(s.status).toBe('failed');
    expect(s.rejected).toBe(4);
    expect(s.issues.map((i) => [i.line, i.field])).toEqual([
      [2, 'problem_type'],
      [3, 'problem_id'],
      [4, 'path'],
      [5, null],
    ]);
    expect(s.issues[1]!.message).toMatch(/duplicate problem_id 1: already used by line 1/);
    expect(s.issues[3]!.message).toMatch(/truncated/);
    expect(s.message).toMatch(/nothing was imported/);
    expect(await counts(name)).toBeNull();
  });

  it('imports the good records and reports the bad ones when asked to skip them', async () => {
    const name = uniq('skip');
    const file = writeJsonl([record(1), record(2, { data_type: 'audio' }), record(3)]);
    const s = await importFile(file, { dataset: name, mode: 'skip_bad' });
    expect(s).toMatchObject({ status: 'completed', inserted: 2, rejected: 1 });
    expect(s.issues).toEqual([{ at: 'line 2', line: 2, field: 'data_type', message: 'expected "video" or "image", got "audio"' }]);
    expect(await counts(name)).toMatchObject({ items: 2 });
  });

  it('is idempotent: re-importing the same file changes nothing, a changed record is updated (and its rev bumped)', async () => {
    const name = uniq('idem');
    const recs = [record(1, { process: '<think>hmm</think>' }), record(2), record(3), record(4)];
    const first = await importFile(writeJsonl(recs), { dataset: name });
    expect(first).toMatchObject({ inserted: 4, updated: 0, unchanged: 0, versionsCreated: 1 });
    const before = await counts(name);
    const again = await importFile(writeJsonl(recs), { dataset: name });
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 4, videosCreated: 0, versionsCreated: 0 });
    expect(await counts(name)).toEqual(before);

    const changed = await importFile(writeJsonl([...recs.slice(0, 3), record(4, { problem: 'Reworded?' }), record(5)]), { dataset: name });
    expect(changed).toMatchObject({ inserted: 1, updated: 1, unchanged: 3 });
    const item4 = await db.item.findFirstOrThrow({ where: { dataset: { name }, problemId: '4' } });
    expect(item4).toMatchObject({ problem: 'Reworded?', rev: 1 });
  });

  it('keeps one media row per file, shared by every question on it', async () => {
    const name = uniq('videos');
    const s = await importFile(writeJsonl([1, 2, 3, 4, 5, 6].map((i) => record(i))), { dataset: name });
    expect(s.videosCreated).toBe(3);
    const items = await db.item.findMany({ where: { dataset: { name } }, include: { video: true }, orderBy: { id: 'asc' } });
    expect(items.map((i) => i.video?.path)).toEqual(['./videos/1.mp4', './videos/2.mp4', './videos/0.mp4', './videos/1.mp4', './videos/2.mp4', './videos/0.mp4']);
    expect(new Set(items.map((i) => i.videoId)).size).toBe(3);
  });

  it('imports a larger file: every record once, in file order, media shared', async () => {
    const name = uniq('batches');
    const n = 21_000;
    const recs = Array.from({ length: n }, (_, i) => ({ ...record(i), path: `./videos/${i % 7}.mp4`, ...(i % 1000 === 0 ? { process: '<think>x</think>' } : {}) }));
    const s = await importFile(writeJsonl(recs), { dataset: name });
    expect(s).toMatchObject({ status: 'completed', inserted: n, videosCreated: 7, versionsCreated: 21 });
    expect(await counts(name)).toEqual({ items: n, videos: 7, versions: 21 });
    const order = await db.item.findMany({ where: { dataset: { name } }, orderBy: { id: 'asc' }, select: { problemId: true }, skip: 10_000, take: 2 });
    expect(order.map((o) => o.problemId)).toEqual(['10000', '10001']);
  });

  it('gives a record with process an imported, scored CoT version', async () => {
    const name = uniq('cot');
    await importFile(writeJsonl([record('a', { process: '<think>two, then one more</think>' }), record('b')]), { dataset: name });
    const v = await db.cotVersion.findMany({ where: { item: { dataset: { name } } }, include: { item: true } });
    expect(v).toHaveLength(1);
    expect(v[0]).toMatchObject({ kind: 'imported', text: '<think>two, then one more</think>\n<answer>3</answer>', formatOk: true, answerCorrect: true, item: { problemId: 'a' } });
  });

  it('refuses to import into an existing dataset under a different media root', async () => {
    const name = uniq('root');
    await importFile(writeJsonl([record(1)]), { dataset: name, mediaRoot: '/media/one' });
    await expect(importFile(writeJsonl([record(2)]), { dataset: name, mediaRoot: '/media/two' })).rejects.toThrow(/already uses media root \/media\/one/);
  });
});

describe('the import job', () => {
  it('runs a recorded import to completion once; a second delivery does nothing', async () => {
    const name = uniq('job');
    const file = writeJsonl([record(1), record(2)]);
    const row = await createImport(db, { dataset: name, mediaRoot: '/media/job', source: { kind: 'path', path: file } }, null, { enqueue: false });
    expect(row.status).toBe('queued');
    const r = await runImportJob(db, { importId: row.id });
    expect(r.status).toBe('completed');
    const done = await db.import.findUniqueOrThrow({ where: { id: row.id } });
    expect(done).toMatchObject({ status: 'completed', inserted: 2, total: 2, processed: 2, attempts: 1, bytesRead: BigInt(fs.statSync(file).size) });
    expect(done.datasetId).not.toBeNull();
    expect(await runImportJob(db, { importId: row.id })).toEqual({ status: 'completed' });
    expect((await db.import.findUniqueOrThrow({ where: { id: row.id } })).attempts).toBe(1);
    const audit = await db.auditEvent.findFirst({ where: { action: 'dataset.import', subjectId: String(done.datasetId) } });
    expect(audit?.data).toMatchObject({ importId: row.id, inserted: 2 });
  });

  it('marks a file that is not JSON as failed with the reason, without retrying', async () => {
    const file = writeJsonl(['id,problem', '1,what'], 'table.jsonl');
    const row = await createImport(db, { dataset: uniq('notjson'), mediaRoot: '/m', source: { kind: 'path', path: file } }, null, { enqueue: false });
    expect(await runImportJob(db, { importId: row.id })).toMatchObject({ status: 'failed' });
    const failed = await db.import.findUniqueOrThrow({ where: { id: row.id } });
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/not a JSON or JSON Lines file/);
  });

  it('keeps the report of an all-or-nothing failure on the row', async () => {
    const file = writeJsonl([record(1), record(2, { problem_type: 'essay' })]);
    const row = await createImport(db, { dataset: uniq('report'), mediaRoot: '/m', source: { kind: 'path', path: file } }, null, { enqueue: false });
    await runImportJob(db, { importId: row.id });
    const failed = await db.import.findUniqueOrThrow({ where: { id: row.id } });
    expect(failed).toMatchObject({ status: 'failed', rejected: 1, total: 2, inserted: 0 });
    expect(failed.errors).toEqual([expect.objectContaining({ at: 'line 2', field: 'problem_type' })]);
  });

  it('refuses to create an import for a missing file or a new dataset without a media root', async () => {
    await expect(createImport(db, { dataset: uniq('x'), mediaRoot: '/m', source: { kind: 'path', path: '/nonexistent/file.jsonl' } }, null, { enqueue: false })).rejects.toThrow(/No file/);
    const file = writeJsonl([record(1)]);
    await expect(createImport(db, { dataset: uniq('x'), source: { kind: 'path', path: file } }, null, { enqueue: false })).rejects.toThrow(/give a media root/);
  });
});
