import type { PrismaClient } from '@/generated/prisma/client';

const BINS = 10;

export type PassRateHistogram = { bins: number[]; missing: number };
export type PoolDashboard = {
  passRate: { byType: Record<string, PassRateHistogram>; bySource: Record<string, PassRateHistogram> };
  /** Per data source: items the blind stage asked, and those it answered without the video. */
  blind: { source: string; asked: number; answerable: number }[];
  /** Per data source: items with a near-duplicate, and items overlapping an evaluation set. */
  overlap: { source: string; duplicates: number; contaminated: number }[];
};

/** The RL pool's dashboard: pass-rate histograms per problem type and source, shortcut and overlap counts per source. */
export async function getPoolDashboard(db: PrismaClient, datasetId: number): Promise<PoolDashboard> {
  const rows = await db.$queryRawUnsafe<{ problem_type: string; data_source: string; bin: number | null; n: number }[]>(
    `SELECT problem_type::text, data_source, CASE WHEN pass_rate IS NULL THEN NULL ELSE least(width_bucket(pass_rate, 0, 1, ${BINS}), ${BINS}) - 1 END AS bin, count(*)::int AS n
       FROM item WHERE dataset_id = $1 GROUP BY 1, 2, 3`,
    datasetId,
  );
  const byType: Record<string, PassRateHistogram> = {};
  const bySource: Record<string, PassRateHistogram> = {};
  const add = (map: Record<string, PassRateHistogram>, key: string, bin: number | null, n: number) => {
    const h = (map[key] ??= { bins: Array.from({ length: BINS }, () => 0), missing: 0 });
    if (bin === null) h.missing += n;
    else h.bins[bin]! += n;
  };
  for (const r of rows) {
    add(byType, r.problem_type, r.bin, r.n);
    add(bySource, r.data_source, r.bin, r.n);
  }
  const counts = await db.$queryRawUnsafe<{ source: string; asked: number; answerable: number; duplicates: number; contaminated: number }[]>(
    `SELECT data_source AS source, count(*) FILTER (WHERE blind_answerable IS NOT NULL)::int AS asked,
            count(*) FILTER (WHERE blind_answerable)::int AS answerable,
            count(*) FILTER (WHERE duplicate_cluster IS NOT NULL)::int AS duplicates,
            count(*) FILTER (WHERE contaminated)::int AS contaminated
       FROM item WHERE dataset_id = $1 GROUP BY 1 ORDER BY 1`,
    datasetId,
  );
  return {
    passRate: { byType, bySource },
    blind: counts.map((c) => ({ source: c.source, asked: c.asked, answerable: c.answerable })),
    overlap: counts.map((c) => ({ source: c.source, duplicates: c.duplicates, contaminated: c.contaminated })),
  };
}
