import type { PrismaClient } from '@/generated/prisma/client';
import { AppError } from '../errors';
import { resolveMediaPath } from './resolve-path';
import { serveFile } from './serve-file';

/** Serves `path` under the dataset's media root only. */
export async function serveMedia(
  db: PrismaClient,
  opts: { datasetId: number; path: string; headers: Headers; method: 'GET' | 'HEAD' },
): Promise<Response> {
  const dataset = await db.dataset.findUnique({ where: { id: opts.datasetId }, select: { mediaRoot: true } });
  if (!dataset) throw new AppError('NOT_FOUND', `Dataset ${opts.datasetId} not found`);
  const file = resolveMediaPath(dataset.mediaRoot, opts.path);
  return serveFile(file, opts.headers, opts.method);
}
