import path from 'node:path';
import type { PrismaClient } from '@/generated/prisma/client';
import { recordAudit } from '../audit/record-event';
import { AppError } from '../errors';
import { prismaQueueDb } from '../queue/queue-db';
import { enqueue } from '../queue/client';
import { exportOptionsSchema, type ExportOptionsInput } from './export-options';
import { TRAINER_PRESETS } from './trainer-presets';

/**
 * Records an export and queues its job in one transaction. The CLI passes `outPath` and runs
 * the job itself (`enqueue: false`); the web app's exports go to the data folder.
 */
export async function createExport(db: PrismaClient, input: ExportOptionsInput, actorId: string | null, opts: { enqueue?: boolean; outPath?: string } = {}) {
  const req = exportOptionsSchema.parse(input);
  const presetFormat = req.trainer ? TRAINER_PRESETS[req.trainer].format : undefined;
  if (presetFormat && presetFormat !== req.format) {
    throw new AppError('BAD_REQUEST', `The ${req.trainer} preset reads ${presetFormat} files: choose the ${presetFormat} format (got ${req.format})`);
  }
  const dataset = await db.dataset.findUnique({ where: { id: req.filter.dataset } });
  if (!dataset) throw new AppError('NOT_FOUND', `Dataset ${req.filter.dataset} not found`);
  return db.$transaction(async (tx) => {
    const row = await tx.export.create({
      data: {
        datasetId: dataset.id,
        format: req.format,
        fileFormat: req.fileFormat,
        filter: req.filter,
        options: {
          ...(req.foldOptions === undefined ? {} : { foldOptions: req.foldOptions }),
          ...(req.includeMismatched ? { includeMismatched: true } : {}),
          ...(req.trainer ? { trainer: req.trainer } : {}),
          ...(req.stepReviewedOnly === undefined ? {} : { stepReviewedOnly: req.stepReviewedOnly }),
          ...(req.includeContaminated ? { includeContaminated: true } : {}),
          ...(req.passRate ? { passRate: true } : {}),
          ...(req.lineage ? { lineage: true } : {}),
        },
        filePath: opts.outPath ? path.resolve(opts.outPath) : null,
        status: 'queued',
        createdById: actorId,
      },
    });
    await recordAudit(tx, { actorId, action: 'export.create', subjectType: 'export', subjectId: row.id, data: { dataset: dataset.name, format: req.format, filter: req.filter, includeMismatched: req.includeMismatched, trainer: req.trainer ?? null } });
    if (opts.enqueue !== false) await enqueue('export.run', { exportId: row.id }, { db: prismaQueueDb(tx) });
    return row;
  });
}
