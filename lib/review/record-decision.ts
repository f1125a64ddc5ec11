import { sql } from 'kysely';
import type { Prisma, PrismaClient } from '@/generated/prisma/client';
import { kdb } from '@/lib/db/kysely';
import type { ReviewStatus } from './review-item';
import { answerCheckFailsExpr, openEndedMinScore } from '../answers/answer-check-sql';
import { consensusCfgSql, SETTLE_SQL, voteLabelSql } from '../consensus/consensus-sql';

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
  /** Accept although the version's answer check fails (the caller records why in reason/auditData). */
  acceptAnyway?: boolean;
  /** An admin settling a consensus item: never counted as a vote, even if they are one of its reviewers. */
  adjudicate?: boolean;
};

// The item's new review state, the append-only review row (with what it replaced) and the audit
// event, in one statement. `guarded`: the statement itself checks the revision and locks the row
// (SELECT … FOR UPDATE; a concurrent decision makes the check fail once it commits), checks that
// an accepted version is one of the item's, passes the format check and — unless acceptAnyway —
// the answer check, and bumps `rev`. Unguarded, it runs inside changeItem, which has already
// done that.
//
// Consensus (lib/consensus): when the actor is a reviewer of a consensus assignment holding the
// item, an accept/reject is their vote; the item's status follows the assignment's rule over the
// votes on the row (pending until N, then decided or needs_adjudication). A consensus voter does
// not need the current rev (votes are independent), only an item no admin has adjudicated yet.
// Anyone else's accept/reject on an item with votes is an adjudication. The actor's queue claim
// on the item ends with their decision.
//
// Every value is bound where it is used (Kysely's sql template), each with its type.
function decisionSql(d: DecisionWrite, guarded: boolean) {
  const item = sql`${d.itemId}::int`;
  const rev = sql`${d.expectedRev}::int`;
  const status = sql`${d.status}::text`;
  const version = sql`${d.acceptedVersionId}::int`;
  const actor = sql`${d.actorId}::text`;
  const chosen = sql`${d.chosenVersionId}::int`;
  const versionOk = sql`(${version} IS NULL OR EXISTS (SELECT 1 FROM cot_version c WHERE c.id = ${version} AND c.item_id = ${item} AND c.format_ok IS NOT FALSE
                        AND (${d.acceptAnyway ?? false}::boolean OR NOT ${answerCheckFailsExpr('i.problem_type', 'c.answer_score', 'c.answer_correct', openEndedMinScore())})))`;
  const where = guarded
    ? sql`i.id = ${item} AND (i.rev = ${rev} OR (EXISTS (SELECT 1 FROM cfg) AND i.adjudicated_at IS NULL)) AND ${versionOk} FOR UPDATE OF i`
    : sql`i.id = ${item}`;
  const cfg = consensusCfgSql({ item: d.itemId, actor: d.actorId, adjudicate: guarded ? (d.adjudicate ?? false) : null });
  return sql<{ review_id: number }>`WITH cfg AS (${cfg}),
     old AS (SELECT i.id, i.review_status, i.accepted_version_id, i.votes, i.adjudicated_at, (SELECT n FROM cfg) AS n, (SELECT rule FROM cfg) AS rule
               FROM item i WHERE ${where}),
     voted AS (
       SELECT o.*, o.n IS NOT NULL AND ${status} IN ('accepted', 'rejected') AS is_vote,
              o.n IS NULL AND o.votes IS NOT NULL AND ${status} IN ('accepted', 'rejected') AS is_adjudication,
              CASE WHEN o.n IS NOT NULL AND ${status} IN ('accepted', 'rejected')
                   THEN coalesce(o.votes, '{}'::jsonb) || jsonb_build_object(${actor}, ${voteLabelSql({ status: d.status, versionId: d.acceptedVersionId })}) END AS new_votes
         FROM old o),
     tally AS (
       SELECT v.*, (SELECT count(*) FROM jsonb_each_text(v.new_votes))::int AS n_votes, top.label AS top_label, coalesce(top.cnt, 0)::int AS top_count
         FROM voted v LEFT JOIN LATERAL (
           SELECT value AS label, count(*) AS cnt FROM jsonb_each_text(v.new_votes) GROUP BY value ORDER BY count(*) DESC, value LIMIT 1
         ) top ON true),
     settled AS (${SETTLE_SQL}),
     changed AS (
       UPDATE item i SET ${guarded ? sql`rev = i.rev + 1, ` : sql``}
                         review_status = CASE WHEN s.is_vote THEN s.status::"ReviewStatus" WHEN s.n IS NOT NULL THEN s.review_status ELSE ${status}::"ReviewStatus" END,
                         accepted_version_id = CASE WHEN s.is_vote THEN s.version_id WHEN s.n IS NOT NULL THEN s.accepted_version_id ELSE ${version} END,
                         votes = CASE WHEN s.is_vote THEN s.new_votes ELSE i.votes END,
                         adjudicated_at = CASE WHEN s.is_adjudication THEN now() ELSE i.adjudicated_at END,
                         reviewed_by_id = ${actor}, reviewed_at = now(), updated_at = now()
         FROM settled s WHERE i.id = s.id
       RETURNING i.id, i.reviewed_at, i.review_status AS new_status, s.review_status AS previous_status, s.accepted_version_id AS previous_version_id,
                 s.is_vote, s.is_adjudication),
     released AS (DELETE FROM item_claim c USING changed WHERE c.item_id = changed.id AND c.reviewer_id = ${actor}),
     decided AS (
       INSERT INTO review (item_id, status, chosen_version_id, reviewer_id, reason, item_rev, previous_status, previous_version_id, created_at, vote, adjudication)
       SELECT id, ${status}::"ReviewStatus", ${chosen}, ${actor}, ${d.reason}::text, ${rev}, previous_status, previous_version_id, reviewed_at, is_vote, is_adjudication FROM changed
       RETURNING id, previous_status, created_at)
     INSERT INTO audit_event (actor_id, action, subject_type, subject_id, data, created_at)
     SELECT ${actor}, ${d.action}::text, 'item', ${item}::text,
            jsonb_build_object('reviewId', d.id, 'status', ${status}, 'previousStatus', d.previous_status, 'chosenVersionId', ${chosen})
              || CASE WHEN ch.is_vote THEN jsonb_build_object('vote', true, 'itemStatus', ch.new_status) ELSE '{}'::jsonb END
              || CASE WHEN ch.is_adjudication THEN jsonb_build_object('adjudication', true) ELSE '{}'::jsonb END
              || coalesce((SELECT jsonb_build_object('kind', c.kind) FROM cot_version c WHERE c.id = ${chosen}), '{}'::jsonb) || ${JSON.stringify(d.auditData ?? {})}::jsonb,
            d.created_at
       FROM decided d, changed ch
     RETURNING (data->>'reviewId')::int AS review_id`;
}

async function runDecision(db: Db, d: DecisionWrite, guarded: boolean): Promise<{ reviewId: number } | null> {
  const {
    rows: [row],
  } = await decisionSql(d, guarded).execute(kdb(db));
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
