import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { PrismaClient } from '@/generated/prisma/client';
import { recordAudit } from '../audit/record-event';
import { AppError } from '../errors';
import { enqueue } from '../queue/client';
import { IMPORT_MODES } from './import-records';
import { prismaQueueDb } from '../queue/queue-db';
import { uploadedFile } from './uploads';
import { remoteMediaPrefixesSchema } from '../media/remote-media';

export const createImportSchema = z.object({
  dataset: z.string().trim().min(1, 'give the dataset a name').max(200),
  mediaRoot: z.string().trim().min(1).optional(),
  description: z.string().max(2000).optional(),
  /** URL prefixes the dataset's remote media may come from (replaces its list; lib/media/remote-media.ts). */
  remoteMediaPrefixes: remoteMediaPrefixesSchema.optional(),
  mode: z.enum(IMPORT_MODES).default('all_or_nothing'),
  /** The name shown for the file (a retry keeps the uploaded file's original name). */
  fileName: z.string().min(1).max(500).optional(),
  source: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('upload'), uploadId: z.string().min(1) }),
    z.object({ kind: z.literal('path'), path: z.string().trim().min(1) }),
  ]),
});

export type CreateImportInput = z.input<typeof createImportSchema>;

/** What the import job needs beyond the row's own columns. */
export const importRowOptionsSchema = z.object({
  dataset: z.string(),
  mediaRoot: z.string().optional(),
  description: z.string().optional(),
  remoteMediaPrefixes: z.array(z.string()).optional(),
  fileName: z.string(),
});

function sourceFile(source: z.output<typeof createImportSchema>['source']): { file: string; fileName: string } {
  if (source.kind === 'upload') return uploadedFile(source.uploadId);
  if (!path.isAbsolute(source.path)) throw new AppError('BAD_REQUEST', `Server path must be absolute: ${source.path}`);
  // Only record files: the path names a file anywhere on the server.
  if (!/\.(json|jsonl|ndjson)$/i.test(source.path)) throw new AppError('BAD_REQUEST', `${source.path}: expected a .json or .jsonl file`);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(source.path);
  } catch {
    throw new AppError('NOT_FOUND', `No file at ${source.path} on the server`);
  }
  if (!stat.isFile()) throw new AppError('BAD_REQUEST', `${source.path} is not a file`);
  return { file: source.path, fileName: path.basename(source.path) };
}

/**
 * Records an import and queues its job in one transaction. The dataset is checked now so a
 * mistake is reported at once; it is created by the job, inside the import's own transaction.
 */
export async function createImport(db: PrismaClient, input: CreateImportInput, actorId: string | null, opts: { enqueue?: boolean } = {}) {
  const req = createImportSchema.parse(input);
  const source = sourceFile(req.source);
  const file = source.file;
  const fileName = req.fileName ?? source.fileName;
  const existing = await db.dataset.findUnique({ where: { name: req.dataset } });
  const mediaRoot = req.mediaRoot ? path.resolve(req.mediaRoot) : undefined;
  if (existing && mediaRoot && path.resolve(existing.mediaRoot) !== mediaRoot) {
    throw new AppError('CONFLICT', `Dataset "${req.dataset}" already uses media root ${existing.mediaRoot}; leave the media root empty or give the same one`);
  }
  if (!existing && !mediaRoot) throw new AppError('BAD_REQUEST', `Dataset "${req.dataset}" does not exist yet: give a media root to create it`);
  const bytesTotal = BigInt(fs.statSync(file).size);

  return db.$transaction(async (tx) => {
    const row = await tx.import.create({
      data: {
        datasetId: existing?.id ?? null,
        source: file,
        mode: req.mode,
        status: 'queued',
        bytesTotal,
        options: { dataset: req.dataset, ...(mediaRoot ? { mediaRoot } : {}), ...(req.description ? { description: req.description } : {}), ...(req.remoteMediaPrefixes ? { remoteMediaPrefixes: req.remoteMediaPrefixes } : {}), fileName },
        createdById: actorId,
      },
    });
    await recordAudit(tx, { actorId, action: 'import.create', subjectType: 'import', subjectId: row.id, data: { dataset: req.dataset, fileName, mode: req.mode } });
    // The CLI runs the import itself, in its own process, and so queues nothing.
    if (opts.enqueue !== false) await enqueue('import.run', { importId: row.id }, { db: prismaQueueDb(tx) });
    return row;
  });
}
