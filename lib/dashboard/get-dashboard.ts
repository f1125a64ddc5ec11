import type { PrismaClient } from '@/generated/prisma/client';
import { AppError } from '../errors';

export const STAGE_ORDER = ['new', 'represented', 'drafted', 'revised', 'failed'] as const;
export type StageBucket = (typeof STAGE_ORDER)[number];
export const STATUS_ORDER = ['pending', 'accepted', 'rejected', 'skipped'] as const;
export type Status = (typeof STATUS_ORDER)[number];

const BINS = 20;

export type Histogram = { bins: number[]; missing: number };

export type Dashboard = {
  datasetId: number;
  total: number;
  /** Items by furthest stage reached (a failed last attempt counts as failed) and review status. */
  stages: { stage: StageBucket; counts: Record<Status, number> }[];
  pipeline: { represented: number; drafted: number; revised: number; consistency: number; failed: number };
  histograms: { draftScore: Histogram; revisionScore: Histogram; consistencyScore: Histogram };
  /** Decisions per UTC day (undone ones left out), oldest first. */
  acceptance: { day: string; accepted: number; rejected: number }[];
  reviewers: { id: string | null; name: string }[];
  /** Decisions per reviewer per UTC day. */
  perReviewerDay: { day: string; reviewerId: string | null; decisions: number }[];
  days: number;
};

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

  const stageRows = await db.$queryRaw<{ stage: StageBucket; status: Status; n: number }[]>`
    SELECT CASE WHEN i.last_error IS NOT NULL THEN 'failed'
                WHEN i.current_revision_id IS NOT NULL THEN 'revised'
                WHEN i.current_draft_id IS NOT NULL THEN 'drafted'
                WHEN v.representation_at IS NOT NULL THEN 'represented'
                ELSE 'new' END AS stage,
           i.review_status::text AS status, count(*)::int AS n
      FROM item i LEFT JOIN video v ON v.id = i.video_id
     WHERE i.dataset_id = ${datasetId}
     GROUP BY 1, 2`;
  const [pipeline] = await db.$queryRaw<Dashboard['pipeline'][]>`
    SELECT count(*) FILTER (WHERE v.representation_at IS NOT NULL)::int AS represented,
           count(*) FILTER (WHERE i.current_draft_id IS NOT NULL)::int AS drafted,
           count(*) FILTER (WHERE i.current_revision_id IS NOT NULL)::int AS revised,
           count(*) FILTER (WHERE i.consistency_score IS NOT NULL)::int AS consistency,
           count(*) FILTER (WHERE i.last_error IS NOT NULL)::int AS failed
      FROM item i LEFT JOIN video v ON v.id = i.video_id
     WHERE i.dataset_id = ${datasetId}`;
  const histRows = await db.$queryRaw<{ col: string; bin: number | null; n: number }[]>`
    SELECT h.col, h.bin, count(*)::int AS n
      FROM item i
     CROSS JOIN LATERAL (VALUES ('draft', width_bucket(i.draft_score, 0, 1, ${BINS})),
                                ('revision', width_bucket(i.revision_score, 0, 1, ${BINS})),
                                ('consistency', width_bucket(i.consistency_score, 0, 1, ${BINS}))) AS h(col, bin)
     WHERE i.dataset_id = ${datasetId}
     GROUP BY 1, 2`;
  const since = new Date(Date.now() - days * 86_400_000);
  const decisions = await db.$queryRaw<{ day: string; reviewerId: string | null; accepted: number; rejected: number; total: number }[]>`
    SELECT to_char(date_trunc('day', r.created_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS day, r.reviewer_id AS "reviewerId",
           count(*) FILTER (WHERE r.status = 'accepted')::int AS accepted,
           count(*) FILTER (WHERE r.status = 'rejected')::int AS rejected,
           count(*) FILTER (WHERE r.status IN ('accepted', 'rejected', 'skipped'))::int AS total
      FROM review r JOIN item i ON i.id = r.item_id
     WHERE i.dataset_id = ${datasetId} AND r.created_at >= ${since} AND r.undone_at IS NULL
     GROUP BY 1, 2
     ORDER BY 1`;

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
    pipeline: pipeline ?? { represented: 0, drafted: 0, revised: 0, consistency: 0, failed: 0 },
    histograms: {
      draftScore: histogram(histRows.filter((r) => r.col === 'draft')),
      revisionScore: histogram(histRows.filter((r) => r.col === 'revision')),
      consistencyScore: histogram(histRows.filter((r) => r.col === 'consistency')),
    },
    acceptance: [...byDay].map(([day, v]) => ({ day, ...v })),
    reviewers: reviewerIds.map((id) => ({ id, name: id === null ? 'No signed-in user' : (names.get(id) ?? id) })),
    perReviewerDay: decisions.filter((d) => d.total > 0).map((d) => ({ day: d.day, reviewerId: d.reviewerId, decisions: d.total })),
    days,
  };
}
