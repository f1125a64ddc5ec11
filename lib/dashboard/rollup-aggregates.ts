import { sql } from 'kysely';
import type { PrismaClient } from '@/generated/prisma/client';
import { kdb } from '@/lib/db/kysely';
import type { StageBucket, Status } from './dashboard-types';
import { SCORES, windowStartDay, type DashboardAggregates, type ScoreName } from './dashboard-aggregates';

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
  const k = kdb(db);
  const sumInt = (col: 'n' | 'reviews' | 'accepted' | 'rejected' | 'decided') => sql<number>`sum(${sql.ref(col)})::int`;
  const sumWhere = (flag: 'represented' | 'drafted' | 'revised' | 'scored' | 'failed') => sql<number>`coalesce(sum(n) FILTER (WHERE ${sql.ref(flag)}), 0)::int`;
  const rows = sql<number>`count(*)::int`.as('rows');
  const [items, scores, decisions] = await Promise.all([
    k
      .selectFrom('dashboard_item_rollup')
      .select([
        sql<StageBucket>`stage`.as('stage'),
        sql<Status>`status`.as('status'),
        sumInt('n').as('n'),
        sumWhere('represented').as('represented'),
        sumWhere('drafted').as('drafted'),
        sumWhere('revised').as('revised'),
        sumWhere('scored').as('consistency'),
        sumWhere('failed').as('failed'),
        rows,
      ])
      .where('dataset_id', '=', datasetId)
      .groupBy(['stage', 'status'])
      .execute(),
    k
      .selectFrom('dashboard_score_rollup')
      .select([sql<ScoreName>`score`.as('score'), 'bin', sumInt('n').as('n'), rows])
      .where('dataset_id', '=', datasetId)
      .groupBy(['score', 'bin'])
      .execute(),
    k
      .selectFrom('dashboard_decision_rollup')
      .select([
        sql<string>`to_char(day, 'YYYY-MM-DD')`.as('day'),
        'reviewer_id as reviewerId',
        sumInt('reviews').as('reviews'),
        sumInt('accepted').as('accepted'),
        sumInt('rejected').as('rejected'),
        sumInt('decided').as('total'),
        rows,
      ])
      .where('dataset_id', '=', datasetId)
      .where('day', '>=', sql<Date>`${since}::date`)
      .groupBy(['day', 'reviewer_id'])
      .orderBy('day')
      .execute(),
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
  const k = kdb(db);
  await sql`
    WITH gone AS (DELETE FROM dashboard_item_rollup WHERE dataset_id = ${datasetId} RETURNING *)
    INSERT INTO dashboard_item_rollup (dataset_id, stage, status, represented, drafted, revised, scored, failed, n)
    SELECT dataset_id, stage, status, represented, drafted, revised, scored, failed, sum(n)
      FROM gone GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 HAVING sum(n) <> 0`.execute(k);
  await sql`
    WITH gone AS (DELETE FROM dashboard_score_rollup WHERE dataset_id = ${datasetId} RETURNING *)
    INSERT INTO dashboard_score_rollup (dataset_id, score, bin, n)
    SELECT dataset_id, score, bin, sum(n) FROM gone GROUP BY 1, 2, 3 HAVING sum(n) <> 0`.execute(k);
  await sql`
    WITH gone AS (DELETE FROM dashboard_decision_rollup WHERE dataset_id = ${datasetId} RETURNING *)
    INSERT INTO dashboard_decision_rollup (dataset_id, day, reviewer_id, reviews, accepted, rejected, decided)
    SELECT dataset_id, day, reviewer_id, sum(reviews), sum(accepted), sum(rejected), sum(decided)
      FROM gone GROUP BY 1, 2, 3 HAVING sum(reviews) <> 0 OR sum(decided) <> 0`.execute(k);
}
