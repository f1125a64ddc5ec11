import type { PrismaClient } from '@/generated/prisma/client';
import { recordAudit } from '../../audit/record-event';
import { AppError } from '../../errors';
import { prismaQueueDb } from '../../queue/queue-db';
import { enqueue } from '../../queue/client';

/** Records a scan of a dataset and queues its job in one transaction (the CLI runs it itself). */
export async function createCurationScan(db: PrismaClient, opts: { datasetId: number; actorId: string | null; enqueue?: boolean }) {
  const dataset = await db.dataset.findUnique({ where: { id: opts.datasetId } });
  if (!dataset) throw new AppError('NOT_FOUND', `Dataset ${opts.datasetId} not found`);
  return db.$transaction(async (tx) => {
    const row = await tx.curationScan.create({ data: { datasetId: dataset.id, createdById: opts.actorId } });
    await recordAudit(tx, { actorId: opts.actorId, action: 'dedup.scan', subjectType: 'dataset', subjectId: dataset.id, data: { dataset: dataset.name, scanId: row.id } });
    if (opts.enqueue !== false) await enqueue('dedup.scan', { scanId: row.id }, { db: prismaQueueDb(tx) });
    return row;
  });
}

/** The dataset's newest scans, newest first. */
export async function listCurationScans(db: PrismaClient, datasetId: number, take = 5) {
  return db.curationScan.findMany({ where: { datasetId }, orderBy: { createdAt: 'desc' }, take });
}
