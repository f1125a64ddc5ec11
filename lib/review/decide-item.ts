import type { PrismaClient } from '@/generated/prisma/client';
import { acceptVersion } from './accept-version';
import { rejectItem } from './reject-item';
import { skipItem } from './skip-item';
import type { RejectReasonCode } from './reject-reasons';
import type { ReviewItem } from './review-item';

export type DecisionRequest =
  | { action: 'accept'; versionId: number; acceptAnyway?: { reason: string } }
  | { action: 'reject'; reason: RejectReasonCode; note?: string }
  | { action: 'skip' };

/** One entry point for the decision route: accept a version, reject, or skip. */
export function decideItem(
  db: PrismaClient,
  opts: { itemId: number; expectedRev: number; actorId: string | null; decision: DecisionRequest; adjudicate?: boolean },
): Promise<{ item: ReviewItem; reviewId: number }> {
  const base = { itemId: opts.itemId, expectedRev: opts.expectedRev, actorId: opts.actorId };
  const d = opts.decision;
  switch (d.action) {
    case 'accept':
      return acceptVersion(db, { ...base, versionId: d.versionId, acceptAnyway: d.acceptAnyway, adjudicate: opts.adjudicate });
    case 'reject':
      return rejectItem(db, { ...base, reason: d.reason, note: d.note, adjudicate: opts.adjudicate });
    case 'skip':
      return skipItem(db, base);
  }
}
