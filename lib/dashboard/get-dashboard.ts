import { Prisma, type PrismaClient } from '@/generated/prisma/client';
import { AppError } from '../errors';
import { STAGE_ORDER, STATUS_ORDER, type Dashboard, type Histogram, type StageBucket, type Status } from './dashboard-types';

export type { Dashboard } from './dashboard-types';

const BINS = 20;

function sum<K extends string>(rows: Record<K, number>[], key: K): number {
  return rows.reduce((a, r) => a + r[key], 0);
}

function histogram(rows: { bin: number | null; n: number }[]): Histogram {
  const bins = Array.from({ length: BINS }, () => 0);
  let missing = 0;
  for (const r of rows) {
    if (r.bin === null) missing += r.n;
    // width_bucket puts exactly 1.0 in bucket BINS + 1: it belongs to the last bin.
    else bins[Math.min(Math.max(r.bin, 1), BINS) - 1]! += r.n;
  }
  return { bins, missing };
}

/** The dashboard's figures for one dataset: a few aggregate queries, each one pass over its table. */
export async function getDashboard(db: PrismaClient, opts: { datasetId: number; days?: number }): Promise<Dashboard> {
  const days = Math.min(Math.max(opts.days ?? 30, 1), 365);
  const { datasetId } = opts;
  const dataset = await db.dataset.findUnique({ where: { id: datasetId }, select: { id: true } });
  if (!dataset) throw new AppError('NOT_FOUND', `Dataset ${datasetId} not found`);

  const since = new Date(Date.now() - days * 86_400_000);
  const bucket = (col: string) => Prisma.raw(`width_bucket(${col}, 0, 1, ${BINS})`);
  const [d, r, c] = [bucket('draft_score'), bucket('revision_score'), bucket('consistency_score')];
  // Three independent scans, run side by side on separate connections.
  const [stageRows, histRows, decisions] = await Promise.all([
    db.$queryRaw<({ stage: StageBucket; status: Status; n: number } & Dashboard['pipeline'])[]>`
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
       GROUP BY 1, 2`,
    // One pass, three groupings: each row lands in one bin per score. The bin count is written
    // into the SQL (not a parameter) so GROUPING() sees the same expressions as GROUP BY.
    db.$queryRaw<{ draft: number | null; revision: number | null; consistency: number | null; g: number; n: number }[]>`
      SELECT ${d} AS draft, ${r} AS revision, ${c} AS consistency, GROUPING(${d}, ${r}, ${c})::int AS g, count(*)::int AS n
        FROM item WHERE dataset_id = ${datasetId}
       GROUP BY GROUPING SETS ((${d}), (${r}), (${c}))`,
    db.$queryRaw<{ day: string; reviewerId: string | null; accepted: number; rejected: number; total: number }[]>`
      SELECT to_char(date_trunc('day', r.created_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS day, r.reviewer_id AS "reviewerId",
             count(*) FILTER (WHERE r.status = 'accepted')::int AS accepted,
             count(*) FILTER (WHERE r.status = 'rejected')::int AS rejected,
             count(*) FILTER (WHERE r.status IN ('accepted', 'rejected', 'skipped'))::int AS total
        FROM review r JOIN item i ON i.id = r.item_id
       WHERE i.dataset_id = ${datasetId} AND r.created_at >= ${since} AND r.undone_at IS NULL
       GROUP BY 1, 2
       ORDER BY 1`,
  ]);

  const stages = STAGE_ORDER.map((stage) => ({
    stage,
    counts: Object.fromEntries(STATUS_ORDER.map((s) => [s, stageRows.find((r) => r.stage === stage && r.status === s)?.n ?? 0])) as Record<Status, number>,
  }));
  const byDay = new Map<string, { accepted: number; rejected: number }>();
  for (const d of decisions) {
    const e = byDay.get(d.day) ?? { accepted: 0, rejected: 0 };
    e.accepted += d.accepted;
    e.rejected += d.rejected;
    byDay.set(d.day, e);
  }
  const reviewerIds = [...new Set(decisions.map((d) => d.reviewerId))];
  const users = await db.user.findMany({ where: { id: { in: reviewerIds.filter((x): x is string => x !== null) } }, select: { id: true, name: true } });
  const names = new Map(users.map((u) => [u.id, u.name]));
  return {
    datasetId,
    total: stageRows.reduce((a, r) => a + r.n, 0),
    stages,
    pipeline: {
      represented: sum(stageRows, 'represented'),
      drafted: sum(stageRows, 'drafted'),
      revised: sum(stageRows, 'revised'),
      consistency: sum(stageRows, 'consistency'),
      failed: sum(stageRows, 'failed'),
    },
    // GROUPING(d, r, c) has a bit set for each column a row is not grouped by, d highest:
    // 3 (0b011) marks the draft bins, 5 (0b101) the revision's, 6 (0b110) the consistency's.
    histograms: {
      draftScore: histogram(histRows.filter((r) => r.g === 3).map((r) => ({ bin: r.draft, n: r.n }))),
      revisionScore: histogram(histRows.filter((r) => r.g === 5).map((r) => ({ bin: r.revision, n: r.n }))),
      consistencyScore: histogram(histRows.filter((r) => r.g === 6).map((r) => ({ bin: r.consistency, n: r.n }))),
    },
    acceptance: [...byDay].map(([day, v]) => ({ day, ...v })),
    reviewers: reviewerIds.map((id) => ({ id, name: id === null ? 'No signed-in user' : (names.get(id) ?? id) })),
    perReviewerDay: decisions.filter((d) => d.total > 0).map((d) => ({ day: d.day, reviewerId: d.reviewerId, decisions: d.total })),
    days,
  };
}
