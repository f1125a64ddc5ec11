import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { withRawClient } from '@/lib/db/raw-client';
import { importRecords, type ImportMode } from '@/lib/import/import-records';

export function record(id: number | string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    problem_id: id,
    problem: `Question ${id}?`,
    options: [],
    problem_type: 'numerical',
    data_type: 'video',
    path: `./videos/${typeof id === 'number' ? id % 3 : id}.mp4`,
    data_source: 'STAR',
    solution: '<answer>3</answer>',
    ...extra,
  };
}

export function writeJsonl(records: unknown[], name = 'in.jsonl'): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cot-import-')), name);
  fs.writeFileSync(file, records.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n') + '\n');
  return file;
}

export function importFile(file: string, opts: { dataset: string; mediaRoot?: string; mode?: ImportMode }) {
  return withRawClient(
    (c) =>
      importRecords(c, {
        input: fs.createReadStream(file),
        fileName: path.basename(file),
        dataset: { name: opts.dataset, mediaRoot: opts.mediaRoot ?? '/media/test' },
        mode: opts.mode ?? 'all_or_nothing',
      }),
    { databaseUrl: inject('databaseUrl') },
  );
}
