import type { PrismaClient } from '@/generated/prisma/client';
import { toDomainProblemType } from './problem-type';

/** A page of a dataset's items in id order, continuing after `afterId` (keyset, not OFFSET). */
export async function listItems(db: PrismaClient, opts: { datasetId: number; afterId?: number; limit: number }) {
  const rows = await db.item.findMany({
    where: { datasetId: opts.datasetId, ...(opts.afterId ? { id: { gt: opts.afterId } } : {}) },
    orderBy: { id: 'asc' },
    take: opts.limit + 1,
    select: {
      id: true,
      problemId: true,
      problem: true,
      problemType: true,
      dataSource: true,
      reviewStatus: true,
      draftCorrect: true,
      revisionCorrect: true,
      draftScore: true,
      revisionScore: true,
      updatedAt: true,
    },
  });
  const page = rows.slice(0, opts.limit).map((r) => ({ ...r, problemType: toDomainProblemType(r.problemType) }));
  return { items: page, nextAfterId: rows.length > opts.limit ? page[page.length - 1]?.id : undefined };
}
