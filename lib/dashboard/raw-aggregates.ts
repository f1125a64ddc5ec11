import { sql } from 'kysely';
import type { PrismaClient } from '@/generated/prisma/client';
import { kdb } from '@/lib/db/kysely';
import { SCORE_BINS, windowStartDay, type DashboardAggregates, type DecisionCount, type ScoreBin, type StageCount } from './dashboard-aggregates';

/**
 * The dashboard's figures counted straight from the tables: one pass over the dataset's items
 * (and videos), one over its reviews. What the rollups must always equal; at 300K items it
 * costs about half a second, which is why the page reads the rollups instead.
 */
export async function readRawAggregates(db: PrismaClient, opts: { datasetId: number; days: number }): Promise<DashboardAggregates> {
  const { datasetId } = opts;
  const since = windowStartDay(opts.days);
  const bucket = (col: 'draft_score' | 'revision_score' | 'consistency_score') => sql<number | null>`width_bucket(${sql.ref(col)}, 0, 1, ${sql.lit(SCORE_BINS)})`;
  const k = kdb(db);
  const [d, r, c] = [bucket('draft_score'), bucket('revision_score'), bucket('consistency_score')];
  const [stageResult, histResult, decisionResult] = await Promise.all([
    sql<StageCount>`
      SELECT CASE WHEN i.last_error IS NOT NULL THEN 'failed'
                  WHEN i.current_revision_id IS NOT NULL THEN 'revised'
                  WHEN i.current_draft_id IS NOT NULL THEN 'drafted'
                  WHEN v.representation_at IS NOT NULL THEN 'represented'
                  ELSE 'new' END AS stage,
             i.review_status::text AS status, count(*)::int AS n,
             count(*) FILTER (WHERE v.representation_at IS NOT NULL)::int AS represented,
             count(*) FILTER (WHERE i.current_draft_id IS NOT NULL)::int AS drafted,
             count(*) FILTER (WHERE i.current_revision_id IS NOT NULL)::int AS revised,
             count(*) FILTER (WHERE i.consistency_score IS NOT NULL)::int AS consistency,
             count(*) FILTER (WHERE i.last_error IS NOT NULL)::int AS failed
        FROM item i LEFT JOIN video v ON v.id = i.video_id
       WHERE i.dataset_id = ${datasetId}
       GROUP BY 1, 2`.execute(k),
    // One pass, three groupings: each row lands in one bin per score. The bin count is written
    // into the SQL (not a parameter) so GROUPING() sees the same expressions as GROUP BY.
    sql<{ draft: number | null; revision: number | null; consistency: number | null; g: number; n: number }>`
      SELECT ${d} AS draft, ${r} AS revision, ${c} AS consistency, GROUPING(${d}, ${r}, ${c})::int AS g, count(*)::int AS n
        FROM item WHERE dataset_id = ${datasetId}
       GROUP BY GROUPING SETS ((${d}), (${r}), (${c}))`.execute(k),
    sql<DecisionCount>`
      SELECT to_char(date_trunc('day', r.created_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS day, r.reviewer_id AS "reviewerId",
             count(*)::int AS reviews,
             count(*) FILTER (WHERE r.status = 'accepted')::int AS accepted,
             count(*) FILTER (WHERE r.status = 'rejected')::int AS rejected,
             count(*) FILTER (WHERE r.status IN ('accepted', 'rejected', 'skipped'))::int AS total
        FROM review r JOIN item i ON i.id = r.item_id
       WHERE i.dataset_id = ${datasetId} AND r.created_at >= (${since}::date AT TIME ZONE 'UTC') AND r.undone_at IS NULL
       GROUP BY 1, 2
       ORDER BY 1`.execute(k),
  ]);
  const [stageRows, histRows, decisions] = [stageResult.rows, histResult.rows, decisionResult.rows];
  // GROUPING(d, r, c) has a bit set for each column a row is not grouped by, d highest:
  // 3 (0b011) marks the draft bins, 5 (0b101) the revision's, 6 (0b110) the consistency's.
  const bins = (g: number, pick: (row: (typeof histRows)[number]) => number | null): ScoreBin[] => histRows.filter((x) => x.g === g).map((x) => ({ bin: pick(x), n: x.n }));
  return {
    stageRows,
    scoreBins: { draft: bins(3, (x) => x.draft), revision: bins(5, (x) => x.revision), consistency: bins(6, (x) => x.consistency) },
    decisions,
  };
}
