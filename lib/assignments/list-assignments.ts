import type { PrismaClient } from '@/generated/prisma/client';
import { parseItemFilter } from '../items/filter';
import { countItems } from '../items/count-items';

export type AssignmentView = {
  id: number;
  name: string;
  datasetId: number;
  datasetName: string;
  filter: string;
  requiredReviews: number;
  reviewers: { id: string; email: string; name: string }[];
  items: number;
  createdAt: string;
};

/** All assignments, or those naming one reviewer; with the number of items each filter selects now. */
export async function listAssignments(db: PrismaClient, opts: { reviewerId?: string } = {}): Promise<AssignmentView[]> {
  const rows = await db.assignment.findMany({
    where: opts.reviewerId ? { reviewers: { some: { reviewerId: opts.reviewerId } } } : {},
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: 200,
    include: { dataset: { select: { name: true } }, reviewers: { include: { reviewer: { select: { id: true, email: true, name: true } } } } },
  });
  return Promise.all(
    rows.map(async (r) => ({
      id: r.id,
      name: r.name,
      datasetId: r.datasetId,
      datasetName: r.dataset.name,
      filter: r.filter,
      requiredReviews: r.requiredReviews,
      reviewers: r.reviewers.map((x) => x.reviewer).sort((a, b) => a.email.localeCompare(b.email)),
      items: await countItems(db, parseItemFilter(new URLSearchParams(r.filter))),
      createdAt: r.createdAt.toISOString(),
    })),
  );
}
