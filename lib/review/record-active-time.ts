import type { PrismaClient } from '@/generated/prisma/client';
import { kdb } from '@/lib/db/kysely';

/**
 * Keeps the active time a reviewer spent on an item (visible tab, recent input) on the review
 * row their decision wrote. Capped at `capMs` whatever the browser sends. Only the decision's
 * own reviewer can set it, and only once (a retried request does not double it).
 */
export async function recordActiveTime(db: PrismaClient, opts: { reviewId: number; reviewerId: string | null; activeMs: number; capMs: number }): Promise<void> {
  if (!opts.reviewerId || !Number.isFinite(opts.activeMs) || opts.activeMs < 0) return;
  const ms = Math.min(Math.round(opts.activeMs), opts.capMs);
  await kdb(db)
    .updateTable('review')
    .set({ active_ms: ms })
    .where('id', '=', opts.reviewId)
    .where('reviewer_id', '=', opts.reviewerId)
    .where('active_ms', 'is', null)
    .execute();
}
