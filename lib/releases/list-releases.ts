import fs from 'node:fs';
import path from 'node:path';
import type { PrismaClient } from '@/generated/prisma/client';
import { AppError } from '../errors';

export async function listReleases(db: PrismaClient, opts: { datasetId?: number } = {}) {
  const rows = await db.release.findMany({ where: opts.datasetId ? { datasetId: opts.datasetId } : {}, orderBy: { createdAt: 'desc' }, take: 200 });
  return rows.map((r) => ({ id: r.id, name: r.name, datasetId: r.datasetId, datasetName: r.datasetName, itemCount: r.itemCount, files: r.files as string[], options: r.options, createdAt: r.createdAt.toISOString() }));
}

export async function getRelease(db: PrismaClient, id: number) {
  const r = await db.release.findUnique({ where: { id } });
  if (!r) throw new AppError('NOT_FOUND', `Release ${id} not found`);
  return { id: r.id, name: r.name, datasetId: r.datasetId, datasetName: r.datasetName, itemCount: r.itemCount, files: r.files as string[], options: r.options, manifest: r.manifest, createdAt: r.createdAt.toISOString() };
}

/** One of a release's files, for download (only the names it lists). */
export async function releaseFile(db: PrismaClient, opts: { id: number; file: string }) {
  const r = await db.release.findUnique({ where: { id: opts.id } });
  if (!r) throw new AppError('NOT_FOUND', `Release ${opts.id} not found`);
  if (!(r.files as string[]).includes(opts.file)) throw new AppError('NOT_FOUND', `Release ${r.name} has no file ${opts.file}`);
  const file = path.join(r.dir, opts.file);
  if (!fs.existsSync(file)) throw new AppError('NOT_FOUND', `The file ${opts.file} of release ${r.name} is no longer on the server`);
  const contentType = opts.file.endsWith('.md') ? 'text/markdown; charset=utf-8' : opts.file.endsWith('.parquet') ? 'application/vnd.apache.parquet' : opts.file.endsWith('.jsonl') ? 'application/x-ndjson' : 'application/json';
  return { file, fileName: `${r.name}-${opts.file}`, size: fs.statSync(file).size, contentType };
}
