import { parseArgs } from 'node:util';
import { prisma } from '../lib/db/client';
import { AppError } from '../lib/errors';
import { createExport } from '../lib/export/create-export';
import { EXPORT_FORMATS, FILE_FORMATS, type ExportFileFormat, type ExportFormat } from '../lib/export/export-options';
import { manifestPathFor } from '../lib/export/manifest';
import { runExportJob } from '../lib/export/run-export-job';
import { TRAINER_PRESETS, TRAINERS, type Trainer } from '../lib/export/trainer-presets';
import { REVIEW_STATUSES } from '../lib/items/filter';
import { progressBar } from './progress-bar';
import { n, seconds } from './format';
import { UsageError } from './usage';
import { parsePassRateRange } from './pass-rate-range';

async function datasetId(name: string): Promise<number> {
  const db = prisma();
  const byName = await db.dataset.findUnique({ where: { name } });
  if (byName) return byName.id;
  if (/^\d+$/.test(name)) {
    const byId = await db.dataset.findUnique({ where: { id: Number(name) } });
    if (byId) return byId.id;
  }
  throw new AppError('NOT_FOUND', `No dataset named "${name}"`);
}

/** `cot-studio export --dataset NAME --format sft|rl|sharegpt|prm --out FILE …` */
export async function exportCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      dataset: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string', short: 'o' },
      'file-format': { type: 'string' },
      status: { type: 'string' },
      type: { type: 'string' },
      source: { type: 'string' },
      'fold-options': { type: 'boolean' },
      'no-fold-options': { type: 'boolean' },
      'include-mismatched': { type: 'boolean' },
      trainer: { type: 'string' },
      // RL pool (lib/rlpool): pass-rate range, extra fields, evaluation-set overlap.
      'pass-rate': { type: 'string' },
      'with-pass-rate': { type: 'boolean' },
      lineage: { type: 'boolean' },
      'include-contaminated': { type: 'boolean' },
    },
  });
  if (positionals.length > 0) throw new UsageError(`export takes no positional arguments (got ${positionals.join(' ')}); use --out FILE`);
  if (!values.dataset) throw new UsageError('export needs --dataset NAME');
  if (values.trainer !== undefined && !(TRAINERS as readonly string[]).includes(values.trainer)) throw new UsageError(`--trainer must be ${TRAINERS.join('|')}`);
  const trainer = values.trainer as Trainer | undefined;
  // A preset that reads one format (llama-factory: sharegpt) implies it; the others default to sft.
  values.format ??= trainer ? (TRAINER_PRESETS[trainer].format ?? 'sft') : undefined;
  if (!values.format || !(EXPORT_FORMATS as readonly string[]).includes(values.format)) throw new UsageError(`export needs --format ${EXPORT_FORMATS.join('|')}`);
  if (!values.out) throw new UsageError('export needs --out FILE');
  if (values['fold-options'] && values['no-fold-options']) throw new UsageError('give --fold-options or --no-fold-options, not both');
  const fileFormat = values['file-format'] ?? (/\.json$/i.test(values.out) ? 'json' : /\.parquet$/i.test(values.out) ? 'parquet' : 'jsonl');
  const passRate = values['pass-rate'] !== undefined ? parsePassRateRange(values['pass-rate']) : {};
  if (!(FILE_FORMATS as readonly string[]).includes(fileFormat)) throw new UsageError(`--file-format must be ${FILE_FORMATS.join(' or ')}`);
  const status = values.status === 'any' ? REVIEW_STATUSES.join(',') : values.status;

  const db = prisma();
  const started = Date.now();
  const row = await createExport(
    db,
    {
      filter: { dataset: await datasetId(values.dataset), status, type: values.type, source: values.source, ...passRate },
      format: values.format as ExportFormat,
      fileFormat: fileFormat as ExportFileFormat,
      foldOptions: values['fold-options'] ? true : values['no-fold-options'] ? false : undefined,
      includeMismatched: values['include-mismatched'] ?? false,
      trainer,
      ...(values['with-pass-rate'] ? { passRate: true } : {}),
      ...(values.lineage ? { lineage: true } : {}),
      ...(values['include-contaminated'] ? { includeContaminated: true } : {}),
    },
    null,
    { enqueue: false, outPath: values.out },
  );
  const bar = progressBar(process.stderr, 'export');
  const result = await runExportJob(db, { exportId: row.id, onProgress: (w, t) => bar.update(t > 0 ? w / t : 1, `${n(w)} / ${n(t)} items`) });
  bar.finish();
  const m = result.manifest;
  if (!m || !result.filePath) {
    console.error(`Export failed: ${result.error ?? result.status}`);
    return 1;
  }
  console.log(`Wrote ${n(m.records)} records (${m.format}, ${m.fileFormat}) of dataset "${m.dataset.name}" to ${result.filePath} in ${seconds(Date.now() - started)}`);
  const skipped = m.skipped.noAcceptedCot + m.skipped.noThinkBlock + m.skipped.stale + m.skipped.mismatched;
  if (skipped > 0) {
    console.log(
      `  left out ${n(skipped)}: ${n(m.skipped.noAcceptedCot)} without an accepted CoT, ${n(m.skipped.noThinkBlock)} whose CoT has no <think> block, ` +
        `${n(m.skipped.mismatched)} whose answer check fails (--include-mismatched keeps them), ${n(m.skipped.stale)} whose source changed since the decision`,
    );
  }
  if (m.mismatched.included > 0) console.log(`  kept ${n(m.mismatched.included)} accepted CoTs whose answer check fails (--include-mismatched)`);
  if (m.excluded?.contaminated) console.log(`  left out ${n(m.excluded.contaminated)} overlapping an evaluation set (--include-contaminated keeps them)`);
  console.log(`  sha256 ${m.sha256}`);
  console.log(`  manifest ${manifestPathFor(result.filePath)}`);
  return 0;
}
