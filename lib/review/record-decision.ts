import type { Prisma, PrismaClient } from '@/generated/prisma/client';
import type { ReviewStatus } from './review-item';

type Db = PrismaClient | Prisma.TransactionClient;

export type DecisionWrite = {
  itemId: number;
  expectedRev: number;
  status: ReviewStatus;
  acceptedVersionId: number | null;
  chosenVersionId: number | null;
  reason: string | null;
  actorId: string | null;
  action: string;
  auditData?: Prisma.InputJsonObject;
};

// The item's new review state, the append-only review row (with what it replaced) and the audit
// event, in one statement. `guarded`: the statement itself checks the revision and locks the row
// (SELECT … FOR UPDATE; a concurrent decision makes the check fail once it commits), checks that
// an accepted version is one of the item's and passes the format check, and bumps `rev`.
// Unguarded, it runs inside changeItem, which has already done that.
function decisionSql(guarded: boolean): string {
  const old = guarded
    ? `SELECT id, review_status, accepted_version_id FROM item WHERE id = $1 AND rev = $2
          AND ($4::int IS NULL OR EXISTS (SELECT 1 FROM cot_version c WHERE c.id = $4 AND c.item_id = $1 AND c.format_ok IS NOT FALSE))
          FOR UPDATE`
    : `SELECT id, review_status, accepted_version_id FROM item WHERE id = $1`;
  return `WITH old AS (${old}),
     changed AS (
       UPDATE item i SET ${guarded ? 'rev = i.rev + 1, ' : ''}review_status = $3::"ReviewStatus", accepted_version_id = $4::int,
                         reviewed_by_id = $5, reviewed_at = now(), updated_at = now()
         FROM old WHERE i.id = old.id
       RETURNING i.id, i.reviewed_at, old.review_status AS previous_status, old.accepted_version_id AS previous_version_id),
     decided AS (
       INSERT INTO review (item_id, status, chosen_version_id, reviewer_id, reason, item_rev, previous_status, previous_version_id, created_at)
       SELECT id, $3::"ReviewStatus", $6, $5, $7, $2, previous_status, previous_version_id, reviewed_at FROM changed
       RETURNING id, previous_status, created_at)
     INSERT INTO audit_event (actor_id, action, subject_type, subject_id, data, created_at)
     SELECT $5, $8, 'item', $1::text,
            jsonb_build_object('reviewId', id, 'status', $3::text, 'previousStatus', previous_status, 'chosenVersionId', $6::int)
              || coalesce((SELECT jsonb_build_object('kind', c.kind) FROM cot_version c WHERE c.id = $6), '{}'::jsonb) || $9::jsonb,
            created_at
       FROM decided
     RETURNING (data->>'reviewId')::int AS review_id`;
}

async function runDecision(db: Db, d: DecisionWrite, guarded: boolean): Promise<{ reviewId: number } | null> {
  const [row] = await db.$queryRawUnsafe<{ review_id: number }[]>(
    decisionSql(guarded),
    d.itemId,
    d.expectedRev,
    d.status,
    d.acceptedVersionId,
    d.actorId,
    d.chosenVersionId,
    d.reason,
    d.action,
    JSON.stringify(d.auditData ?? {}),
  );
  return row ? { reviewId: row.review_id } : null;
}

/**
 * Records an accept or reject in one guarded statement, so the hot path of review is a single
 * round trip, all or nothing. Null when nothing was written (a stale revision or an
 * unacceptable version); the caller says which.
 */
export function recordDecision(db: PrismaClient, d: DecisionWrite & { status: 'accepted' | 'rejected' }): Promise<{ reviewId: number } | null> {
  return runDecision(db, d, true);
}

/** Writes a decision inside changeItem's transaction (the row is already locked and `rev` bumped). */
export async function writeDecisionInChange(tx: Prisma.TransactionClient, d: DecisionWrite): Promise<{ reviewId: number }> {
  const written = await runDecision(tx, d, false);
  if (!written) throw new Error(`item ${d.itemId} vanished inside its own transaction`);
  return written;
}
