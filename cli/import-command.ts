import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { prisma } from '../lib/db/client';
import { createImport } from '../lib/import/create-import';
import { runImportJob } from '../lib/import/run-import-job';
import type { RecordIssue } from '../lib/import/import-records';
import { progressBar } from './progress-bar';
import { mb, n, seconds } from './format';
import { UsageError } from './usage';

const SHOWN_ISSUES = 20;

function issueLine(i: RecordIssue): string {
  return `  ${i.at}${i.field ? `, ${i.field}` : ''}: ${i.message}`;
}

/** `cot-studio import FILE --dataset NAME [--media-root DIR] [--skip-bad] [--report FILE]` */
export async function importCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      dataset: { type: 'string' },
      'media-root': { type: 'string' },
      description: { type: 'string' },
      'remote-media-prefix': { type: 'string', multiple: true },
      'skip-bad': { type: 'boolean', default: false },
      report: { type: 'string' },
    },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new UsageError('import takes one FILE (.json or .jsonl)');
  if (!values.dataset) throw new UsageError('import needs --dataset NAME');
  const db = prisma();
  const started = Date.now();
  const row = await createImport(
    db,
    {
      dataset: values.dataset,
      mediaRoot: values['media-root'],
      description: values.description,
      ...(values['remote-media-prefix'] ? { remoteMediaPrefixes: values['remote-media-prefix'] } : {}),
      mode: values['skip-bad'] ? 'skip_bad' : 'all_or_nothing',
      source: { kind: 'path', path: path.resolve(file) },
    },
    null,
    { enqueue: false },
  );

  const report = values.report ? fs.createWriteStream(values.report) : null;
  const bar = progressBar(process.stderr, 'import');
  const result = await runImportJob(db, {
    importId: row.id,
    onProgress: (p) => bar.update(p.bytesTotal > 0 ? p.bytesRead / p.bytesTotal : 0, `${n(p.records)} records, ${mb(p.bytesRead)}${p.rejected ? `, ${n(p.rejected)} bad` : ''}`),
    onIssue: report ? (i) => report.write(`${JSON.stringify(i)}\n`) : undefined,
  });
  bar.finish();
  if (report) await new Promise((r) => report.end(r));

  const s = result.summary;
  if (!s) {
    console.error(`Import failed: ${result.error ?? result.status}`);
    return 1;
  }
  if (s.issues.length > 0) {
    console.error(`${n(s.rejected)} bad record${s.rejected === 1 ? '' : 's'}:`);
    for (const i of s.issues.slice(0, SHOWN_ISSUES)) console.error(issueLine(i));
    const more = s.issues.length - SHOWN_ISSUES + (s.issuesTruncated ? 1 : 0);
    if (more > 0) console.error(`  … and more${values.report ? ` (all of them are in ${values.report})` : ' (write them all with --report FILE)'}`);
  }
  for (const w of s.warnings) console.error(`warning: ${w}`);
  for (const w of s.recordWarnings.slice(0, SHOWN_ISSUES)) console.error(`  ${w.at} ${w.field}: ${w.message}`);
  if (s.status === 'failed') {
    console.error(`Nothing imported: ${s.message}`);
    return 1;
  }
  console.log(
    `Imported ${n(s.valid)} of ${n(s.records)} records from ${path.basename(file)} into dataset "${s.datasetName}" (id ${s.datasetId}) in ${seconds(Date.now() - started)}`,
  );
  console.log(`  inserted ${n(s.inserted)} · updated ${n(s.updated)} · unchanged ${n(s.unchanged)} · rejected ${n(s.rejected)}`);
  console.log(`  media files added ${n(s.videosCreated)} · imported CoTs ${n(s.versionsCreated)} · problems with their options inside ${n(s.optionsInProblem)}`);
  return 0;
}
