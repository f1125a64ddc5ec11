import { sql } from 'kysely';
import type { PrismaClient } from '@/generated/prisma/client';
import { kdb } from '@/lib/db/kysely';

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
  const k = kdb(db);
  const bins = sql.lit(BINS);
  // One pass over the dataset's items (300K rows take a few hundred ms per pass): the pass-rate
  // bins and the per-source counts both come from the same groups.
  const rows = await k
    .selectFrom('item')
    .select([
      sql<string>`problem_type::text`.as('problem_type'),
      'data_source',
      sql<number | null>`CASE WHEN pass_rate IS NULL THEN NULL ELSE least(width_bucket(pass_rate, 0, 1, ${bins}), ${bins}) - 1 END`.as('bin'),
      sql<number>`count(*)::int`.as('n'),
      sql<number>`count(*) FILTER (WHERE blind_answerable IS NOT NULL)::int`.as('asked'),
      sql<number>`count(*) FILTER (WHERE blind_answerable)::int`.as('answerable'),
      sql<number>`count(*) FILTER (WHERE duplicate_cluster IS NOT NULL)::int`.as('duplicates'),
      sql<number>`count(*) FILTER (WHERE contaminated)::int`.as('contaminated'),
    ])
    .where('dataset_id', '=', datasetId)
    .groupBy([sql`1`, sql`2`, sql`3`])
    // In source order, so the per-source map below keeps the database's order of sources.
    .orderBy('data_source')
    .execute();
  const byType: Record<string, PassRateHistogram> = {};
  const bySource: Record<string, PassRateHistogram> = {};
  const perSource = new Map<string, { asked: number; answerable: number; duplicates: number; contaminated: number }>();
  const add = (map: Record<string, PassRateHistogram>, key: string, bin: number | null, n: number) => {
    const h = (map[key] ??= { bins: Array.from({ length: BINS }, () => 0), missing: 0 });
    if (bin === null) h.missing += n;
    else h.bins[bin]! += n;
  };
  for (const r of rows) {
    add(byType, r.problem_type, r.bin, r.n);
    add(bySource, r.data_source, r.bin, r.n);
    const c = perSource.get(r.data_source) ?? { asked: 0, answerable: 0, duplicates: 0, contaminated: 0 };
    c.asked += r.asked;
    c.answerable += r.answerable;
    c.duplicates += r.duplicates;
    c.contaminated += r.contaminated;
    perSource.set(r.data_source, c);
  }
  const sources = [...perSource.keys()];
  return {
    passRate: { byType, bySource },
    blind: sources.map((source) => ({ source, asked: perSource.get(source)!.asked, answerable: perSource.get(source)!.answerable })),
    overlap: sources.map((source) => ({ source, duplicates: perSource.get(source)!.duplicates, contaminated: perSource.get(source)!.contaminated })),
  };
}
