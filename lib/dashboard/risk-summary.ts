import { sql } from 'kysely';
import type { PrismaClient } from '@/generated/prisma/client';
import { kdb } from '@/lib/db/kysely';

export const RISK_BUCKETS = 10;

export type RiskBucket = { from: number; to: number; items: number; accepted: number; rejected: number; acceptanceRate: number | null };
export type RiskSummary = { buckets: RiskBucket[]; mean: number; highRisk: number };

/**
 * The dataset's risk distribution in tenths, with each bucket's acceptance rate (accepted over
 * accepted + rejected): the check that risk ordering puts the items reviewers reject first.
 * One pass over the (dataset_id, risk_score) index.
 */
export async function getRiskSummary(db: PrismaClient, datasetId: number): Promise<RiskSummary> {
  const tenths = sql.lit(RISK_BUCKETS);
  const rows = await kdb(db)
    .selectFrom('item')
    .select([
      sql<number>`least(width_bucket(risk_score, 0, 1, ${tenths}), ${tenths})`.as('b'),
      sql<number>`count(*)::int`.as('items'),
      sql<number>`count(*) FILTER (WHERE review_status = 'accepted')::int`.as('accepted'),
      sql<number>`count(*) FILTER (WHERE review_status = 'rejected')::int`.as('rejected'),
      sql<number>`sum(risk_score)::float8`.as('total'),
    ])
    .where('dataset_id', '=', datasetId)
    .groupBy(sql`1`)
    .execute();
  const byBucket = new Map(rows.map((r) => [r.b, r]));
  const buckets = Array.from({ length: RISK_BUCKETS }, (_, k): RiskBucket => {
    const r = byBucket.get(k + 1);
    const decided = (r?.accepted ?? 0) + (r?.rejected ?? 0);
    return { from: k / RISK_BUCKETS, to: (k + 1) / RISK_BUCKETS, items: r?.items ?? 0, accepted: r?.accepted ?? 0, rejected: r?.rejected ?? 0, acceptanceRate: decided ? (r?.accepted ?? 0) / decided : null };
  });
  const items = rows.reduce((a, r) => a + r.items, 0);
  return { buckets, mean: items ? rows.reduce((a, r) => a + r.total, 0) / items : 0, highRisk: buckets.slice(5).reduce((a, b) => a + b.items, 0) };
}
