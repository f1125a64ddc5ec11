import { parseArgs } from 'node:util';
import { config } from '../lib/config';
import { prisma } from '../lib/db/client';
import { AppError } from '../lib/errors';
import { createCurationScan } from '../lib/dedup/scan/create-scan';
import { runCurationScan } from '../lib/dedup/scan/run-scan';
import { setEvaluationSet } from '../lib/datasets/set-evaluation-set';
import { EXPORT_FORMATS, type ExportFormat } from '../lib/export/export-options';
import { createRelease } from '../lib/releases/create-release';
import { diffReleases } from '../lib/releases/diff-releases';
import { n, seconds } from './format';
import { parsePassRateRange } from './pass-rate-range';
import { UsageError } from './usage';

async function datasetByName(name: string) {
  const db = prisma();
  const ds = (await db.dataset.findUnique({ where: { name } })) ?? (/^\d+$/.test(name) ? await db.dataset.findUnique({ where: { id: Number(name) } }) : null);
  if (!ds) throw new AppError('NOT_FOUND', `No dataset named "${name}"`);
  return ds;
}

/** `cot-studio dedup --dataset NAME [--evaluation-set true|false]`: near-duplicate and contamination scan, run here. */
export async function dedupCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { dataset: { type: 'string' }, 'evaluation-set': { type: 'string' } } });
  if (!values.dataset) throw new UsageError('dedup needs --dataset NAME');
  const db = prisma();
  const ds = await datasetByName(values.dataset);
  if (values['evaluation-set'] !== undefined) {
    if (!['true', 'false'].includes(values['evaluation-set'])) throw new UsageError('--evaluation-set takes true or false');
    await setEvaluationSet(db, { datasetId: ds.id, isEvaluationSet: values['evaluation-set'] === 'true', actorId: null });
    console.log(`Dataset "${ds.name}" is ${values['evaluation-set'] === 'true' ? 'now' : 'no longer'} an evaluation set`);
  }
  const started = Date.now();
  const scan = await createCurationScan(db, { datasetId: ds.id, actorId: null, enqueue: false });
  const out = await runCurationScan(db, { scanId: scan.id, settings: config().rlPool });
  if (out.status !== 'completed' || !out.result) {
    console.error(`Scan failed: ${(await db.curationScan.findUnique({ where: { id: scan.id } }))?.error ?? out.status}`);
    return 1;
  }
  const r = out.result;
  console.log(`Scanned "${ds.name}" in ${seconds(Date.now() - started)}: ${n(r.videosHashed)} videos hashed (${n(r.videosFailed)} unreadable), ${n(r.questionsSigned)} questions signed`);
  console.log(`  ${n(r.duplicateItems)} items in ${n(r.duplicateClusters)} near-duplicate clusters (${n(r.videoClusters)} near-duplicate video clusters)`);
  if (r.contaminated !== null) console.log(`  ${n(r.contaminated)} items overlap the evaluation sets${r.evaluationSets.length ? ` (${r.evaluationSets.join(', ')})` : ' (none marked)'}`);
  return 0;
}

/** `cot-studio release --dataset NAME --name RELEASE --format sft|rl [...]` or `release --diff OLD NEW`. */
export async function releaseCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      dataset: { type: 'string' },
      name: { type: 'string' },
      format: { type: 'string' },
      'file-format': { type: 'string' },
      'pass-rate': { type: 'string' },
      'with-pass-rate': { type: 'boolean' },
      lineage: { type: 'boolean' },
      'include-contaminated': { type: 'boolean' },
      diff: { type: 'boolean' },
    },
  });
  const db = prisma();
  if (values.diff) {
    if (positionals.length !== 2) throw new UsageError('release --diff takes two release names: OLD NEW');
    const [a, b] = await Promise.all(positionals.map((name) => db.release.findUnique({ where: { name } })));
    if (!a || !b) throw new AppError('NOT_FOUND', `No release named "${!a ? positionals[0] : positionals[1]}"`);
    const d = await diffReleases(db, { from: a.id, to: b.id });
    console.log(`${d.from.name} (${n(d.from.itemCount)}) → ${d.to.name} (${n(d.to.itemCount)}): ${n(d.counts.added)} added, ${n(d.counts.removed)} removed, ${n(d.counts.changedCot)} with another CoT, ${n(d.counts.changedDecision)} with another decision`);
    return 0;
  }
  if (!values.dataset || !values.name) throw new UsageError('release needs --dataset NAME and --name RELEASE');
  if (!values.format || !(EXPORT_FORMATS as readonly string[]).includes(values.format)) throw new UsageError(`release needs --format ${EXPORT_FORMATS.join('|')}`);
  const ds = await datasetByName(values.dataset);
  const r = await createRelease(
    db,
    {
      name: values.name,
      format: values.format as ExportFormat,
      fileFormat: (values['file-format'] ?? 'jsonl') as 'jsonl',
      filter: { dataset: ds.id, ...(values['pass-rate'] ? parsePassRateRange(values['pass-rate']) : {}) },
      ...(values['with-pass-rate'] ? { passRate: true } : {}),
      ...(values.lineage ? { lineage: true } : {}),
      ...(values['include-contaminated'] ? { includeContaminated: true } : {}),
    },
    null,
  );
  console.log(`Saved release "${r.name}": ${n(r.itemCount)} records in ${r.dir} (${(r.files as string[]).join(', ')})`);
  return 0;
}
