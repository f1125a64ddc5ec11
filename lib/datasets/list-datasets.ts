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

export async function listDatasets(db: PrismaClient): Promise<DatasetSummary[]> {
  const [datasets, statusCounts, videoCounts] = await Promise.all([
    db.dataset.findMany({ orderBy: { createdAt: 'asc' } }),
    db.item.groupBy({ by: ['datasetId', 'reviewStatus'], _count: { _all: true } }),
    db.video.groupBy({ by: ['datasetId'], _count: { _all: true } }),
  ]);
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
