import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { withRawClient } from '@/lib/db/raw-client';
import { importRecords } from '@/lib/import/import-records';
import { writeExport } from '@/lib/export/write-export';
import { exportOptionsSchema } from '@/lib/export/export-options';
import { uniq } from '../support/db';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/import/round-trip.jsonl');
const ALL_STATUSES = 'pending,accepted,rejected,skipped';

function fixtureRecords(): Record<string, unknown>[] {
  return fs.readFileSync(FIXTURE, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
}

/** What an rl export must give back: the record as it came, minus `process` (rl has none). */
function withoutProcess(r: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(r).filter(([k]) => k !== 'process'));
}

async function importFile(file: string, dataset: string) {
  const url = inject('databaseUrl');
  return withRawClient(
    (c) => importRecords(c, { input: fs.createReadStream(file), fileName: path.basename(file), dataset: { name: dataset, mediaRoot: '/media/root' }, mode: 'all_or_nothing' }),
    { databaseUrl: url },
  );
}

async function exportRl(datasetId: number, fileFormat: 'jsonl' | 'json') {
  const url = inject('databaseUrl');
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rt-')), `rl.${fileFormat}`);
  const options = exportOptionsSchema.parse({ filter: { dataset: datasetId, status: ALL_STATUSES }, format: 'rl', fileFormat });
  const manifest = await withRawClient((c) => writeExport(c, { ...options, outPath: out }), { databaseUrl: url });
  return { out, manifest };
}

function readExport(file: string, fileFormat: 'jsonl' | 'json'): Record<string, unknown>[] {
  const text = fs.readFileSync(file, 'utf8');
  return fileFormat === 'json' ? JSON.parse(text) : text.trim().split('\n').map((l) => JSON.parse(l));
}

describe('round trip: import then rl export', () => {
  const source = fixtureRecords();

  for (const [label, write] of [
    ['a JSONL file', (recs: Record<string, unknown>[], f: string) => fs.writeFileSync(f, recs.map((r) => JSON.stringify(r)).join('\n') + '\n')],
    // Pretty-printed, so records span many lines and chunk boundaries fall inside them.
    ['a pretty-printed JSON array', (recs: Record<string, unknown>[], f: string) => fs.writeFileSync(f, JSON.stringify(recs, null, 2))],
  ] as const) {
    for (const fileFormat of ['jsonl', 'json'] as const) {
      // Into a new dataset, and into one that already holds an item (matched against it on the way in).
      for (const path_ of ['new', 'non-empty'] as const) {
        it(`returns every record of ${label} with every field value equal (${path_} dataset, export as ${fileFormat})`, async () => {
          const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-'));
          const file = path.join(dir, label.includes('JSON array') ? 'in.json' : 'in.jsonl');
          write(source, file);
          const dataset = uniq('round-trip');
          if (path_ === 'non-empty') {
            const seed = path.join(dir, 'seed.jsonl');
            fs.writeFileSync(seed, JSON.stringify({ problem_id: 'already-here', problem: 'q', problem_type: 'OCR', data_type: 'image', path: './x.png', solution: 'x' }) + '\n');
            await importFile(seed, dataset);
          }
          const summary = await importFile(file, dataset);
          expect(summary).toMatchObject({ status: 'completed', inserted: source.length });

          const { out, manifest } = await exportRl(summary.datasetId!, fileFormat);
          const exported = readExport(out, fileFormat).filter((r) => r.problem_id !== 'already-here');
          expect(exported).toHaveLength(source.length);
          for (const [i, want] of source.entries()) {
            const got = exported[i]!;
            expect(got).toStrictEqual(withoutProcess(want));
            // Types survive, not only values: 1 stays a number, "42" stays a string.
            expect(typeof got.problem_id).toBe(typeof want.problem_id);
            // Key order is kept too (not required, but trainers' diffs stay readable).
            expect(Object.keys(got)).toEqual(Object.keys(withoutProcess(want)));
          }
          expect(manifest.records).toBe(source.length + (path_ === 'non-empty' ? 1 : 0));
        });
      }
    }
  }

  it('leaves the fixture covering what the round trip promises', () => {
    const ids = source.map((r) => r.problem_id);
    expect(ids.some((id) => typeof id === 'number')).toBe(true);
    expect(ids.some((id) => typeof id === 'string')).toBe(true);
    const options = source.flatMap((r) => (r.options as string[] | undefined) ?? []);
    expect(options.some((o) => /^A\. /.test(o))).toBe(true);
    expect(options.some((o) => /^A\) /.test(o))).toBe(true);
    expect(source.some((r) => r.data_type === 'image')).toBe(true);
    expect(source.some((r) => r.data_type === 'video')).toBe(true);
    expect(source.some((r) => /\p{Extended_Pictographic}/u.test(JSON.stringify(r)))).toBe(true);
  });
});
