import type { PrismaClient } from '@/generated/prisma/client';

export type DatasetSummary = {
  id: number;
  name: string;
  description: string;
  mediaRoot: string;
  createdAt: Date;
  items: number;
  videos: number;
  byStatus: Record<string, number>;
};

/**
 * Every dataset with its item count per review status, read from the dashboard's item rollup
 * (kept current by triggers on item), so the list costs a few hundred small rows, not a pass
 * over 300K items.
 */
export async function listDatasets(db: PrismaClient): Promise<DatasetSummary[]> {
  const [datasets, rollup, videoCounts] = await Promise.all([
    db.dataset.findMany({ orderBy: { createdAt: 'asc' } }),
    db.dashboardItemRollup.groupBy({ by: ['datasetId', 'status'], _sum: { n: true } }),
    db.video.groupBy({ by: ['datasetId'], _count: { _all: true } }),
  ]);
  const statusCounts = rollup.map((r) => ({ datasetId: r.datasetId, reviewStatus: r.status, _count: { _all: r._sum.n ?? 0 } })).filter((r) => r._count._all !== 0);
  return datasets.map((d) => {
    const byStatus: Record<string, number> = {};
    let items = 0;
    for (const s of statusCounts) {
      if (s.datasetId !== d.id) continue;
      byStatus[s.reviewStatus] = s._count._all;
      items += s._count._all;
    }
    return {
      id: d.id,
      name: d.name,
      description: d.description,
      mediaRoot: d.mediaRoot,
      createdAt: d.createdAt,
      items,
      videos: videoCounts.find((v) => v.datasetId === d.id)?._count._all ?? 0,
      byStatus,
    };
  });
}
