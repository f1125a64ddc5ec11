import { z } from 'zod';
import type { PrismaClient } from '@/generated/prisma/client';
import { AppError } from '../errors';
import { createImport, importRowOptionsSchema } from './create-import';
import { IMPORT_MODES } from './import-records';

export const retryImportSchema = z.object({ mode: z.enum(IMPORT_MODES) });

/**
 * Runs a failed import's file again as a new import, typically with "skip bad records" after an
 * all-or-nothing import was refused — without uploading the file a second time.
 */
export async function retryImport(db: PrismaClient, opts: { importId: number; mode: (typeof IMPORT_MODES)[number] }, actorId: string | null) {
  const row = await db.import.findUnique({ where: { id: opts.importId } });
  if (!row) throw new AppError('NOT_FOUND', `Import ${opts.importId} not found`);
  if (row.status !== 'failed') throw new AppError('CONFLICT', `Import ${opts.importId} is ${row.status}; only a failed import can be run again`);
  const o = importRowOptionsSchema.parse(row.options);
  return createImport(db, { dataset: o.dataset, mediaRoot: o.mediaRoot, description: o.description, remoteMediaPrefixes: o.remoteMediaPrefixes, mode: opts.mode, source: { kind: 'path', path: row.source }, fileName: o.fileName }, actorId);
}
