import type { PrismaClient } from '@/generated/prisma/client';

export const RISK_BUCKETS = 10;

export type RiskBucket = { from: number; to: number; items: number; accepted: number; rejected: number; acceptanceRate: number | null };
export type RiskSummary = { buckets: RiskBucket[]; mean: number; highRisk: number };

/**
 * The dataset's risk distribution in tenths, with each bucket's acceptance rate (accepted over
 * accepted + rejected): the check that risk ordering puts the items reviewers reject first.
 * One pass over the (dataset_id, risk_score) index.
 */
export async function getRiskSummary(db: PrismaClient, datasetId: number): Promise<RiskSummary> {
  const rows = await db.$queryRaw<{ b: number; items: number; accepted: number; rejected: number; total: number }[]>`
    SELECT least(width_bucket(risk_score, 0, 1, ${RISK_BUCKETS}::int), ${RISK_BUCKETS}::int) AS b, count(*)::int AS items,
           count(*) FILTER (WHERE review_status = 'accepted')::int AS accepted,
           count(*) FILTER (WHERE review_status = 'rejected')::int AS rejected,
           sum(risk_score)::float8 AS total
      FROM item WHERE dataset_id = ${datasetId}
     GROUP BY 1`;
  const byBucket = new Map(rows.map((r) => [r.b, r]));
  const buckets = Array.from({ length: RISK_BUCKETS }, (_, k): RiskBucket => {
    const r = byBucket.get(k + 1);
    const decided = (r?.accepted ?? 0) + (r?.rejected ?? 0);
    return { from: k / RISK_BUCKETS, to: (k + 1) / RISK_BUCKETS, items: r?.items ?? 0, accepted: r?.accepted ?? 0, rejected: r?.rejected ?? 0, acceptanceRate: decided ? (r?.accepted ?? 0) / decided : null };
  });
  const items = rows.reduce((a, r) => a + r.items, 0);
  return { buckets, mean: items ? rows.reduce((a, r) => a + r.total, 0) / items : 0, highRisk: buckets.slice(5).reduce((a, b) => a + b.items, 0) };
}
