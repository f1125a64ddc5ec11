import type { PrismaClient } from '@/generated/prisma/client';
import { recordAudit } from '../audit/record-event';
import { AppError } from '../errors';

/** Marks a dataset as a benchmark's evaluation set (or not). Training sets are checked against it by their next scan. */
export async function setEvaluationSet(db: PrismaClient, opts: { datasetId: number; isEvaluationSet: boolean; actorId: string | null }) {
  return db.$transaction(async (tx) => {
    const ds = await tx.dataset.findUnique({ where: { id: opts.datasetId } });
    if (!ds) throw new AppError('NOT_FOUND', `Dataset ${opts.datasetId} not found`);
    const updated = await tx.dataset.update({ where: { id: ds.id }, data: { isEvaluationSet: opts.isEvaluationSet } });
    await recordAudit(tx, { actorId: opts.actorId, action: 'dataset.evaluation-set', subjectType: 'dataset', subjectId: ds.id, data: { dataset: ds.name, isEvaluationSet: opts.isEvaluationSet } });
    return { id: updated.id, name: updated.name, isEvaluationSet: updated.isEvaluationSet };
  });
}
