import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createImport } from '@/lib/import/create-import';
import { runImportJob } from '@/lib/import/run-import-job';
import { retryImport } from '@/lib/import/retry-import';
import { appendUpload, startUpload, uploadedFile } from '@/lib/import/uploads';
import { testDb, uniq } from '../support/db';
import { record, writeJsonl } from '../support/import-helpers';

const db = testDb();
const bytes = (s: string) => new TextEncoder().encode(s).buffer as ArrayBuffer;

describe('uploads', () => {
  it('assembles a file from chunks in order, refusing a chunk that does not continue it', async () => {
    const text = `${JSON.stringify(record(1))}\n${JSON.stringify(record(2))}\n`;
    const { uploadId } = startUpload({ fileName: 'two.jsonl', size: Buffer.byteLength(text) });
    const cut = 40;
    await expect(appendUpload(uploadId, cut, bytes(text.slice(cut)))).rejects.toThrow(/does not continue it/);
    expect(() => uploadedFile(uploadId)).toThrow(/incomplete: 0 of/);
    expect(await appendUpload(uploadId, 0, bytes(text.slice(0, cut)))).toMatchObject({ received: cut });
    await expect(appendUpload(uploadId, 0, bytes(text.slice(0, cut)))).rejects.toThrow(/does not continue it/);
    await appendUpload(uploadId, cut, bytes(text.slice(cut)));
    const done = uploadedFile(uploadId);
    expect(fs.readFileSync(done.file, 'utf8')).toBe(text);
    expect(done.fileName).toBe('two.jsonl');

    const row = await createImport(db, { dataset: uniq('upload'), mediaRoot: '/m', source: { kind: 'upload', uploadId } }, null, { enqueue: false });
    expect(await runImportJob(db, { importId: row.id })).toMatchObject({ status: 'completed' });
    // A landed upload is removed; the import row keeps what it reported.
    expect(fs.existsSync(done.file)).toBe(false);
  });

  it('refuses ids that could name another file, and files that are not .json/.jsonl', () => {
    expect(() => uploadedFile('../../etc/passwd')).toThrow(/Not an upload id/);
    expect(() => startUpload({ fileName: 'data.csv', size: 10 })).toThrow(/expected a \.json/);
  });
});

describe('running a refused import again', () => {
  it('imports the good records of an all-or-nothing import that was refused, from the same file', async () => {
    const name = uniq('retry');
    const file = writeJsonl([record(1), record(2, { problem_type: 'essay' }), record(3)]);
    const first = await createImport(db, { dataset: name, mediaRoot: '/m', source: { kind: 'path', path: file } }, null, { enqueue: false });
    await runImportJob(db, { importId: first.id });
    expect((await db.import.findUniqueOrThrow({ where: { id: first.id } })).status).toBe('failed');

    const again = await retryImport(db, { importId: first.id, mode: 'skip_bad' }, null);
    // retryImport enqueues its job; run it here as a worker would.
    expect(await runImportJob(db, { importId: again.id })).toMatchObject({ status: 'completed' });
    expect(await db.import.findUniqueOrThrow({ where: { id: again.id } })).toMatchObject({ status: 'completed', inserted: 2, rejected: 1, mode: 'skip_bad' });
    await expect(retryImport(db, { importId: again.id, mode: 'skip_bad' }, null)).rejects.toThrow(/only a failed import/);
  });
});
