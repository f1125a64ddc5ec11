import type { PrismaClient } from '@/generated/prisma/client';
import { AppError } from '../errors';

/** An item's near-duplicate cluster (the other members) and why it is flagged as contaminated, for the item page. */
export async function itemDuplicates(db: PrismaClient, itemId: number) {
  const item = await db.item.findUnique({ where: { id: itemId }, select: { id: true, datasetId: true, duplicateCluster: true, duplicateOf: true, contaminated: true, contamination: true } });
  if (!item) throw new AppError('NOT_FOUND', `Item ${itemId} not found`);
  const members = item.duplicateCluster === null
    ? []
    : await db.item.findMany({
        where: { datasetId: item.datasetId, duplicateCluster: item.duplicateCluster, id: { not: item.id } },
        select: { id: true, problemId: true, problem: true, path: true, reviewStatus: true, duplicateOf: true },
        orderBy: { id: 'asc' },
        take: 100,
      });
  return {
    itemId: item.id,
    cluster: item.duplicateCluster,
    kept: item.duplicateCluster !== null && item.duplicateOf === null,
    duplicates: members.map((m) => ({ id: m.id, problemId: m.problemId, problem: m.problem.slice(0, 200), path: m.path, reviewStatus: m.reviewStatus, kept: m.duplicateOf === null })),
    contaminated: item.contaminated,
    contamination: item.contamination,
  };
}
