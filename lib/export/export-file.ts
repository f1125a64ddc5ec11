import fs from 'node:fs';
import path from 'node:path';
import type { PrismaClient } from '@/generated/prisma/client';
import { config } from '../config';
import { AppError } from '../errors';
import { manifestPathFor } from './manifest';

export function exportsDir(): string {
  return path.join(config().dataDir, 'exports');
}

function slug(s: string): string {
  return s.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'dataset';
}

/** Where a UI export is written: named by its id, so a retried job overwrites its own file. */
export function defaultExportPath(exportId: number, datasetName: string, format: string, fileFormat: string): string {
  return path.join(exportsDir(), `export-${exportId}-${slug(datasetName)}-${format}.${fileFormat}`);
}

/** A finished export's file (or its manifest), for the download link. */
export async function exportDownload(db: PrismaClient, opts: { exportId: number; manifest?: boolean }) {
  const row = await db.export.findUnique({ where: { id: opts.exportId } });
  if (!row) throw new AppError('NOT_FOUND', `Export ${opts.exportId} not found`);
  if (row.status !== 'completed' || !row.filePath) throw new AppError('CONFLICT', `Export ${opts.exportId} is ${row.status}; its file is not ready`);
  const file = opts.manifest ? manifestPathFor(row.filePath) : row.filePath;
  if (!fs.existsSync(file)) throw new AppError('NOT_FOUND', `The file of export ${opts.exportId} is no longer on the server`);
  const contentType = opts.manifest || row.fileFormat === 'json' ? 'application/json' : row.fileFormat === 'parquet' ? 'application/vnd.apache.parquet' : 'application/x-ndjson';
  return { file, fileName: path.basename(file), size: fs.statSync(file).size, contentType };
}
