import type { PrismaClient } from '@/generated/prisma/client';
import { AppError } from '../errors';
import { toDomainProblemType } from './problem-type';

/** Everything the review page shows for one item: record, video, CoTs, history. */
export async function getItem(db: PrismaClient, id: number) {
  const item = await db.item.findUnique({
    where: { id },
    include: {
      dataset: { select: { id: true, name: true } },
      video: true,
      cotVersions: { orderBy: { id: 'asc' } },
      reviews: { orderBy: { id: 'asc' }, include: { reviewer: { select: { id: true, name: true, email: true } } } },
    },
  });
  if (!item) throw new AppError('NOT_FOUND', `Item ${id} not found`);
  const draft = item.cotVersions.find((v) => v.id === item.currentDraftId) ?? null;
  const revision = item.cotVersions.find((v) => v.id === item.currentRevisionId) ?? null;
  return { ...item, problemType: toDomainProblemType(item.problemType), draft, revision };
}

export type ItemDetail = Awaited<ReturnType<typeof getItem>>;
