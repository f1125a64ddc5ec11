import type { PrismaClient } from '@/generated/prisma/client';
import { AppError } from '../errors';
import { STAGE_ORDER, STATUS_ORDER, type Dashboard, type Histogram, type Status } from './dashboard-types';
import { SCORE_BINS } from './dashboard-aggregates';
import { readRollupAggregates } from './rollup-aggregates';

export type { Dashboard } from './dashboard-types';

const BINS = SCORE_BINS;

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

/** The dashboard's figures for one dataset, from its rollups. */
export async function getDashboard(db: PrismaClient, opts: { datasetId: number; days?: number }): Promise<Dashboard> {
  const days = Math.min(Math.max(opts.days ?? 30, 1), 365);
  const { datasetId } = opts;
  const dataset = await db.dataset.findUnique({ where: { id: datasetId }, select: { id: true } });
  if (!dataset) throw new AppError('NOT_FOUND', `Dataset ${datasetId} not found`);

  // Read from the rollups the database keeps current (./rollup-aggregates.ts): a few hundred
  // small rows instead of a scan of the dataset's items (./raw-aggregates.ts counts the same).
  const { stageRows, scoreBins, decisions } = await readRollupAggregates(db, { datasetId, days });

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
    histograms: {
      draftScore: histogram(scoreBins.draft),
      revisionScore: histogram(scoreBins.revision),
      consistencyScore: histogram(scoreBins.consistency),
    },
    acceptance: [...byDay].map(([day, v]) => ({ day, ...v })),
    reviewers: reviewerIds.map((id) => ({ id, name: id === null ? 'No signed-in user' : (names.get(id) ?? id) })),
    perReviewerDay: decisions.filter((d) => d.total > 0).map((d) => ({ day: d.day, reviewerId: d.reviewerId, decisions: d.total })),
    days,
  };
}
