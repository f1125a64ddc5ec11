import type { PrismaClient } from '@/generated/prisma/client';
import type { StageBucket, Status } from './dashboard-types';
import { SCORES, windowStartDay, type DashboardAggregates, type DecisionCount, type ScoreName } from './dashboard-aggregates';

// The dashboard's figures from the rollup tables the database keeps current
// (prisma/migrations/20261203150000_dashboard_rollups): every write to items, reviews or videos
// appends signed per-group deltas, so reading a dataset's figures sums a few hundred small
// rows instead of scanning its items. When a table's rows for the dataset pile up past
// FOLD_SLACK beyond one row per group, the read folds them back to one row per group.

/** Delta rows a table may hold for a dataset beyond twice its group count before a read folds them. */
const FOLD_SLACK = 200;

type Counted = { rows: number };

export async function readRollupAggregates(db: PrismaClient, opts: { datasetId: number; days: number }): Promise<DashboardAggregates> {
  const { datasetId } = opts;
  const since = windowStartDay(opts.days);
  const [items, scores, decisions] = await Promise.all([
    db.$queryRaw<({ stage: StageBucket; status: Status; n: number; represented: number; drafted: number; revised: number; consistency: number; failed: number } & Counted)[]>`
      SELECT stage, status, sum(n)::int AS n,
             coalesce(sum(n) FILTER (WHERE represented), 0)::int AS represented,
             coalesce(sum(n) FILTER (WHERE drafted), 0)::int AS drafted,
             coalesce(sum(n) FILTER (WHERE revised), 0)::int AS revised,
             coalesce(sum(n) FILTER (WHERE scored), 0)::int AS consistency,
             coalesce(sum(n) FILTER (WHERE failed), 0)::int AS failed,
             count(*)::int AS rows
        FROM dashboard_item_rollup WHERE dataset_id = ${datasetId}
       GROUP BY stage, status`,
    db.$queryRaw<({ score: ScoreName; bin: number | null; n: number } & Counted)[]>`
      SELECT score, bin, sum(n)::int AS n, count(*)::int AS rows
        FROM dashboard_score_rollup WHERE dataset_id = ${datasetId}
       GROUP BY score, bin`,
    db.$queryRaw<(DecisionCount & Counted)[]>`
      SELECT to_char(day, 'YYYY-MM-DD') AS day, reviewer_id AS "reviewerId", sum(reviews)::int AS reviews,
             sum(accepted)::int AS accepted, sum(rejected)::int AS rejected, sum(decided)::int AS total, count(*)::int AS rows
        FROM dashboard_decision_rollup WHERE dataset_id = ${datasetId} AND day >= ${since}::date
       GROUP BY day, reviewer_id
       ORDER BY day`,
  ]);
  const piledUp = (groups: Counted[]) => groups.reduce((a, g) => a + g.rows, 0) > 2 * groups.length + FOLD_SLACK;
  if (piledUp(items) || piledUp(scores) || piledUp(decisions)) await foldRollups(db, datasetId);
  const strip = <T extends Counted>(row: T): Omit<T, 'rows'> => {
    const rest: Partial<T> = { ...row };
    delete rest.rows;
    return rest as Omit<T, 'rows'>;
  };
  return {
    stageRows: items.filter((r) => r.n !== 0).map(strip),
    scoreBins: Object.fromEntries(SCORES.map((s) => [s, scores.filter((r) => r.score === s && r.n !== 0).map((r) => ({ bin: r.bin, n: r.n }))])) as DashboardAggregates['scoreBins'],
    decisions: decisions.filter((r) => r.reviews !== 0).map(strip),
  };
}

/**
 * Replaces a dataset's rollup rows with one row per group (groups that sum to zero go). Each
 * statement deletes the rows it sums, so a fold running beside another, or beside writers
 * appending deltas, neither loses nor double-counts a row: rows another fold took are skipped,
 * rows appended meanwhile stay for the next fold.
 */
export async function foldRollups(db: PrismaClient, datasetId: number): Promise<void> {
  await db.$executeRaw`
    WITH gone AS (DELETE FROM dashboard_item_rollup WHERE dataset_id = ${datasetId} RETURNING *)
    INSERT INTO dashboard_item_rollup (dataset_id, stage, status, represented, drafted, revised, scored, failed, n)
    SELECT dataset_id, stage, status, represented, drafted, revised, scored, failed, sum(n)
      FROM gone GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 HAVING sum(n) <> 0`;
  await db.$executeRaw`
    WITH gone AS (DELETE FROM dashboard_score_rollup WHERE dataset_id = ${datasetId} RETURNING *)
    INSERT INTO dashboard_score_rollup (dataset_id, score, bin, n)
    SELECT dataset_id, score, bin, sum(n) FROM gone GROUP BY 1, 2, 3 HAVING sum(n) <> 0`;
  await db.$executeRaw`
    WITH gone AS (DELETE FROM dashboard_decision_rollup WHERE dataset_id = ${datasetId} RETURNING *)
    INSERT INTO dashboard_decision_rollup (dataset_id, day, reviewer_id, reviews, accepted, rejected, decided)
    SELECT dataset_id, day, reviewer_id, sum(reviews), sum(accepted), sum(rejected), sum(decided)
      FROM gone GROUP BY 1, 2, 3 HAVING sum(reviews) <> 0 OR sum(decided) <> 0`;
}
