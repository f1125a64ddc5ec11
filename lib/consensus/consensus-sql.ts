import { sql } from 'kysely';

// Consensus review in SQL: the pieces of the one decision statement (lib/review/record-decision.ts)
// that turn a reviewer's decision into a vote and settle the item from the votes. The votes
// live on the item row ({reviewerId: label}), so the statement reads them from the row it locks:
// two reviewers deciding at once are serialised by the row lock and the second sees the first's
// vote (PostgreSQL re-reads a locked row's newest version), never a stale count.

export const CONSENSUS_RULES = ['unanimous', 'majority'] as const;
export type ConsensusRule = (typeof CONSENSUS_RULES)[number];

export const CONSENSUS_RULE_TEXT: Record<ConsensusRule, string> = {
  unanimous: 'all N reviewers agree → decided; any disagreement → needs adjudication',
  majority: 'more than half of the N reviewers agree → decided; otherwise → needs adjudication',
};

/**
 * The consensus assignment `actor` votes in for `item`: the item is one of an assignment's
 * items, the assignment asks for more than one review, and the actor is one of its reviewers.
 * Columns n (required reviews) and rule. No row: an ordinary decision (or, on an item with
 * votes, an adjudication). `adjudicate` (a boolean value) forces the latter.
 */
export const consensusCfgSql = (v: { item: number; actor: string | null; adjudicate: boolean | null }) => sql`
  SELECT a.required_reviews AS n, a.consensus_rule AS rule
    FROM assignment_item ai
    JOIN assignment a ON a.id = ai.assignment_id AND a.required_reviews > 1
   WHERE ai.item_id = ${v.item}::int${v.adjudicate !== null ? sql` AND NOT ${v.adjudicate}::boolean` : sql``}
     AND EXISTS (SELECT 1 FROM assignment_reviewer ar WHERE ar.assignment_id = a.id AND ar.reviewer_id = ${v.actor}::text)
   ORDER BY a.required_reviews DESC, a.id
   LIMIT 1`;

/** A vote's label: what two reviewers must both say to agree (the same status and, for accept, the same CoT version). */
export const voteLabelSql = (v: { status: string; versionId: number | null }) =>
  sql<string>`CASE WHEN ${v.status}::text = 'accepted' THEN 'accepted:' || ${v.versionId}::int ELSE 'rejected' END`;

/**
 * Over `t` (columns n, rule, review_status, accepted_version_id, new_votes, is_vote), the item's
 * settled status and accepted version. Fewer than n votes: pending. n or more: the rule decides
 * between the most common label and needs_adjudication.
 */
export const SETTLE_SQL = sql`
  SELECT t.*, s.status, s.version_id FROM tally t, LATERAL (
    SELECT CASE WHEN NOT t.is_vote THEN NULL
                WHEN t.n_votes < t.n THEN 'pending'
                WHEN t.top_count = t.n_votes OR (t.rule = 'majority' AND t.top_count * 2 > t.n_votes) THEN split_part(t.top_label, ':', 1)
                ELSE 'needs_adjudication' END AS status,
           CASE WHEN t.is_vote AND t.n_votes >= t.n AND split_part(t.top_label, ':', 1) = 'accepted'
                     AND (t.top_count = t.n_votes OR (t.rule = 'majority' AND t.top_count * 2 > t.n_votes))
                THEN nullif(split_part(t.top_label, ':', 2), '')::int END AS version_id
  ) s`;
