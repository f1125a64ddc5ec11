// The dashboard's shape, apart from the queries so the browser can import it without the database client.

export const STAGE_ORDER = ['new', 'represented', 'drafted', 'revised', 'failed'] as const;
export type StageBucket = (typeof STAGE_ORDER)[number];
export const STATUS_ORDER = ['pending', 'accepted', 'rejected', 'skipped', 'needs_adjudication'] as const;
export type Status = (typeof STATUS_ORDER)[number];

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

