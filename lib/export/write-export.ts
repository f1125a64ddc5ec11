import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type pg from 'pg';
import { Prisma } from '@/generated/prisma/client';
import { config } from '../config';
import { kyselyOnClient } from '../db/raw-client';
import { AppError } from '../errors';
import { buildRecord, effectiveFold } from './build-record';
import { TRAINER_PRESETS } from './trainer-presets';
import { copyRows, inlineSql } from './copy-rows';
import { EXPORT_COLUMNS, exportSelect, exportWhere, toExportRow, type ExportRow } from './export-query';
import { ParquetSink } from './parquet-sink';
import { withExtras } from './record-extras';
import type { ExportOptions } from './export-options';
import { startManifest, writeManifest, type ExportManifest } from './manifest';
import { writePrmExport } from './prm/write-prm-export';

const PROGRESS_ROWS = 2000;
const FLUSH_BYTES = 1024 * 1024;

function bump(map: Record<string, number>, key: string): void {
  map[key] = (map[key] ?? 0) + 1;
}

/**
 * Streams the filtered items out of PostgreSQL (COPY … TO STDOUT, paused while the file catches
 * up) into a JSONL or JSON file, in constant memory, hashing as it writes, then
 * writes the manifest beside it. The file appears under its name only when complete.
 * `client` must be a dedicated connection, closed by the caller if this throws.
 */
export async function writeExport(
  client: pg.Client,
  opts: ExportOptions & {
    outPath: string;
    exportId?: number | null;
    openEndedMinScore?: number;
    onProgress?: (written: number, total: number) => void;
    /** Each record written, in the export's snapshot (releases keep the item and CoT version ids). */
    onRecord?: (row: ExportRow) => void;
  },
): Promise<ExportManifest> {
  // Process-reward records have their own shape and reader (lib/export/prm).
  if (opts.format === 'prm') return writePrmExport(client, opts);
  const preset = opts.trainer ? TRAINER_PRESETS[opts.trainer] : undefined;
  if (preset?.format && preset.format !== opts.format) {
    throw new AppError('BAD_REQUEST', `The ${opts.trainer} preset reads ${preset.format} files: choose the ${preset.format} format (got ${opts.format})`);
  }
  const openEndedMinScore = opts.openEndedMinScore ?? config().pipeline.check.openEndedMinScore;
  const outPath = path.resolve(opts.outPath);
  const partial = `${outPath}.partial`;
  fs.mkdirSync(path.dirname(outPath), { recursive: true });
  const manifest = startManifest(opts, outPath, {
    openEndedMinScore,
    options: {
      foldOptions: effectiveFold(opts) ?? null,
      includeMismatched: opts.includeMismatched,
      trainer: opts.trainer ?? null,
      ...(opts.passRate ? { passRate: true } : {}),
      ...(opts.lineage ? { lineage: true } : {}),
      ...(opts.includeContaminated ? { includeContaminated: true } : {}),
    },
  });
  const parquet = opts.fileFormat === 'parquet' ? new ParquetSink(partial, opts.format, { process: opts.format === 'sft', passRate: !!opts.passRate, lineage: !!opts.lineage }) : null;

  // Parquet is written by its sink; the stream then only stands in (to /dev/null).
  const out = fs.createWriteStream(parquet ? '/dev/null' : partial, { highWaterMark: 1024 * 1024 });
  const outDone = finished(out);
  outDone.catch(() => {});
  const hash = crypto.createHash('sha256');
  let buffer = '';
  const flush = async () => {
    if (buffer === '') return;
    const bytes = Buffer.from(buffer);
    buffer = '';
    hash.update(bytes);
    manifest.bytes += bytes.length;
    if (!out.write(bytes)) await once(out, 'drain');
  };

  // One snapshot for the count and the rows, so progress and the manifest agree with the file.
  let streaming = false;
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    const ds = await kyselyOnClient(client).selectFrom('dataset').select('name').where('id', '=', opts.filter.dataset).executeTakeFirst();
    manifest.dataset.name = ds?.name ?? '';
    const total = (await client.query<{ n: number }>(inlineSql(Prisma.sql`SELECT count(*)::int AS n FROM item i WHERE ${exportWhere(opts.filter, opts)}`))).rows[0]?.n ?? 0;
    if (!opts.includeContaminated) {
      const flagged = await client.query<{ n: number }>(inlineSql(Prisma.sql`SELECT count(*)::int AS n FROM item i WHERE ${exportWhere(opts.filter, { includeContaminated: true })} AND i.contaminated`));
      manifest.excluded = { contaminated: flagged.rows[0]?.n ?? 0 };
    }
    opts.onProgress?.(0, total);

    const json = opts.fileFormat === 'json';
    buffer = json ? '[' : '';
    let seen = 0;
    let lastProgress = 0;
    streaming = true;
    for await (const rows of copyRows(client, inlineSql(exportSelect(opts.filter, opts.format, { ...opts, openEndedMinScore })), EXPORT_COLUMNS)) {
      for (const fields of rows) {
        const row = toExportRow(fields);
        seen++;
        const built = buildRecord(row, opts.format, opts);
        if ('skip' in built) {
          manifest.skipped[built.skip]++;
          if (built.skip === 'mismatched') manifest.mismatched.excluded++;
          continue;
        }
        if (row.mismatched) manifest.mismatched.included++;
        const record = withExtras(built.json, opts, row.passRate ?? null, row.lineage ?? null);
        if (parquet) await parquet.add(record);
        else buffer += json ? `${manifest.records === 0 ? '\n' : ',\n'}${record}` : `${record}\n`;
        opts.onRecord?.(row);
        manifest.records++;
        bump(manifest.countsByProblemType, row.problemType);
        bump(manifest.countsBySource, row.dataSource);
        bump(manifest.countsByDataType, row.dataType);
      }
      if (buffer.length >= FLUSH_BYTES) await flush();
      if (seen - lastProgress >= PROGRESS_ROWS) {
        lastProgress = seen;
        opts.onProgress?.(seen, total);
      }
    }
    streaming = false;
    opts.onProgress?.(seen, total);
    if (json) buffer += manifest.records === 0 ? ']\n' : '\n]\n';
    await flush();
    if (parquet) await parquet.finish();
    await client.query('COMMIT');
  } catch (e) {
    // A COPY … TO abandoned midway cannot be stopped from this side: the connection is left to
    // the caller to close (withRawClient does), which ends the read-only transaction with it.
    if (!streaming) await client.query('ROLLBACK').catch(() => {});
    out.destroy();
    await outDone.catch(() => {});
    fs.rmSync(partial, { force: true });
    throw e;
  }
  out.end();
  await outDone;
  // Sources were counted by their JSON text (as read); the manifest names them plainly.
  manifest.countsBySource = Object.fromEntries(Object.entries(manifest.countsBySource).map(([k, n]) => [JSON.parse(k) as string, n]));
  manifest.sha256 = hash.digest('hex');
  if (parquet) Object.assign(manifest, await fileDigest(partial));
  if (opts.format === 'sharegpt') manifest.llamaFactory = llamaFactoryEntry(manifest);
  fs.renameSync(partial, outPath);
  writeManifest(outPath, manifest);
  return manifest;
}

async function fileDigest(file: string): Promise<{ sha256: string; bytes: number }> {
  const hash = crypto.createHash('sha256');
  let bytes = 0;
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1024 * 1024 })) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

function llamaFactoryEntry(m: ExportManifest): NonNullable<ExportManifest['llamaFactory']> {
  const columns: Record<string, string> = { messages: 'messages' };
  if (m.countsByDataType.video) columns.videos = 'videos';
  if (m.countsByDataType.image) columns.images = 'images';
  return {
    [path.basename(m.file).replace(/\.(jsonl|json)$/, '')]: {
      file_name: m.file,
      formatting: 'sharegpt',
      columns,
      tags: { role_tag: 'role', content_tag: 'content', user_tag: 'user', assistant_tag: 'assistant' },
    },
  };
}
