import type { StageBucket, Status } from './dashboard-types';

// What the dashboard is built from, whichever way it was counted: from the rollups the
// database keeps current (rollup-aggregates.ts, what the page reads) or straight from the
// tables (raw-aggregates.ts, the reference the rollups are tested and benchmarked against).

export const SCORES = ['draft', 'revision', 'consistency'] as const;
export type ScoreName = (typeof SCORES)[number];

/** Items of one stage and review status; the flags count how many of them have each thing. */
export type StageCount = { stage: StageBucket; status: Status; n: number; represented: number; drafted: number; revised: number; consistency: number; failed: number };
/** Items per bin of a score (`width_bucket(score, 0, 1, 20)`; null: no score). */
export type ScoreBin = { bin: number | null; n: number };
/** Reviews in force per UTC day and reviewer: all of them, and the decisions among them. */
export type DecisionCount = { day: string; reviewerId: string | null; reviews: number; accepted: number; rejected: number; total: number };

export type DashboardAggregates = { stageRows: StageCount[]; scoreBins: Record<ScoreName, ScoreBin[]>; decisions: DecisionCount[] };

/** Histogram bins (20 on [0, 1]) the rollups and the raw queries both use. */
export const SCORE_BINS = 20;

/** The first UTC day (YYYY-MM-DD) of a window of `days` days ending today. */
export function windowStartDay(days: number, now = new Date()): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - (days - 1))).toISOString().slice(0, 10);
}

/** Same content in a fixed order, so two aggregates can be compared. */
export function sortedAggregates(a: DashboardAggregates): DashboardAggregates {
  const key = (x: object) => JSON.stringify(Object.values(x));
  const sort = <T extends object>(rows: T[]) => [...rows].sort((p, q) => key(p).localeCompare(key(q)));
  return {
    stageRows: sort(a.stageRows),
    scoreBins: { draft: sort(a.scoreBins.draft), revision: sort(a.scoreBins.revision), consistency: sort(a.scoreBins.consistency) },
    decisions: sort(a.decisions),
  };
}
