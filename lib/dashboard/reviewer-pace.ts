import { sql } from 'kysely';
import type { PrismaClient } from '@/generated/prisma/client';
import { kdb } from '@/lib/db/kysely';
import { AppError } from '../errors';

export type ReviewerPace = {
  reviewerId: string | null;
  name: string;
  /** Decisions with an active time (one-by-one review; bulk actions carry none). */
  decisions: number;
  activeSeconds: number;
  /** Decisions per hour of active time. */
  itemsPerHour: number | null;
  medianSeconds: number | null;
};

/**
 * Pace per reviewer over the last `days`: items per hour of active time and the median active
 * seconds per decision. Undone decisions and bulk actions are left out.
 */
export async function getReviewerPace(db: PrismaClient, opts: { datasetId: number; days?: number }): Promise<{ days: number; reviewers: ReviewerPace[] }> {
  const days = Math.min(Math.max(opts.days ?? 30, 1), 365);
  const dataset = await db.dataset.findUnique({ where: { id: opts.datasetId }, select: { id: true } });
  if (!dataset) throw new AppError('NOT_FOUND', `Dataset ${opts.datasetId} not found`);
  const since = new Date(Date.now() - days * 86_400_000);
  const rows = await kdb(db)
    .selectFrom('review as r')
    .innerJoin('item as i', 'i.id', 'r.item_id')
    .leftJoin('user as u', 'u.id', 'r.reviewer_id')
    .select([
      'r.reviewer_id as reviewerId',
      'u.name',
      sql<number>`count(*)::int`.as('decisions'),
      sql<number>`sum(r.active_ms)::float8`.as('activeMs'),
      sql<number | null>`percentile_cont(0.5) WITHIN GROUP (ORDER BY r.active_ms)::float8`.as('medianMs'),
    ])
    .where('i.dataset_id', '=', opts.datasetId)
    .where('r.created_at', '>=', since)
    .where('r.undone_at', 'is', null)
    .where('r.bulk_action_id', 'is', null)
    .where('r.active_ms', 'is not', null)
    .groupBy(['r.reviewer_id', 'u.name'])
    .orderBy(sql`count(*)`, 'desc')
    .execute();
  return {
    days,
    reviewers: rows.map((r) => ({
      reviewerId: r.reviewerId,
      name: r.name ?? 'deleted user',
      decisions: r.decisions,
      activeSeconds: Math.round(r.activeMs / 1000),
      itemsPerHour: r.activeMs > 0 ? Math.round((r.decisions / (r.activeMs / 3_600_000)) * 10) / 10 : null,
      medianSeconds: r.medianMs === null ? null : Math.round(r.medianMs / 100) / 10,
    })),
  };
}
