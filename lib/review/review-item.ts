// What the review page receives for one item. Built field by field from rows, so internal
// columns (raw model output, params, costs) never reach the browser. Dates travel as ISO strings.
import type { ProblemType } from '../answers/problem-types';
import type { MediaSource } from '../media/media-url';
import type { Representation } from '../cot/representation';

export type ReviewStatus = 'pending' | 'accepted' | 'rejected' | 'skipped' | 'needs_adjudication';
export type CotKind = 'draft' | 'revision' | 'edit' | 'imported';
export type PersonRef = { id: string; name: string };

export type ReviewVersion = {
  id: number;
  kind: CotKind;
  text: string;
  model: string | null;
  formatOk: boolean | null;
  answer: string | null;
  answerScore: number | null;
  answerCorrect: boolean | null;
  parentVersionId: number | null;
  author: PersonRef | null;
  createdAt: string;
};

export type ReviewDecision = {
  id: number;
  status: ReviewStatus;
  chosenVersionId: number | null;
  reason: string | null;
  reviewer: PersonRef | null;
  previousStatus: ReviewStatus;
  bulk: boolean;
  createdAt: string;
  undoneAt: string | null;
};

export type ReviewItem = {
  id: number;
  datasetId: number;
  datasetName: string;
  problemId: string;
  problem: string;
  options: string[];
  problemType: ProblemType;
  dataType: 'video' | 'image';
  dataSource: string;
  groundTruth: string;
  solution: string;
  rev: number;
  reviewStatus: ReviewStatus;
  acceptedVersionId: number | null;
  reviewedBy: PersonRef | null;
  reviewedAt: string | null;
  draft: ReviewVersion | null;
  revision: ReviewVersion | null;
  /** The newest human edit, whether or not it was accepted. */
  latestEdit: ReviewVersion | null;
  /** The newest imported CoT when it is not the draft (a generated draft took the pointer): shown in its own tab. */
  imported: ReviewVersion | null;
  /** Why the item is back to pending (a re-import changed its record after the decision), or null. */
  staleReason: string | null;
  /** The accepted version when it is none of the three above (e.g. an older edit or an import). */
  accepted: ReviewVersion | null;
  /** The newest decision still in force: what "undo" would take back. */
  lastDecision: ReviewDecision | null;
  versionCount: number;
  media: MediaSource;
  video: { durationSec: number | null; fps: number | null; width: number | null; height: number | null; frameCount: number | null; probeError: string | null } | null;
  representation: Representation | null;
  lastError: string | null;
};

export type ItemHistory = { itemId: number; rev: number; versions: ReviewVersion[]; decisions: ReviewDecision[] };

/** A version as read by VERSION_SELECT: the ReviewVersion before its date becomes a string. */
export type VersionRow = Omit<ReviewVersion, 'createdAt'> & { createdAt: Date };

export type DecisionRow = {
  id: number;
  status: ReviewStatus;
  chosenVersionId: number | null;
  reason: string | null;
  previousStatus: ReviewStatus;
  bulkActionId: number | null;
  createdAt: Date;
  undoneAt: Date | null;
  reviewer: PersonRef | null;
};

/** The columns a ReviewVersion is built from (never raw_output, params or costs). */
export const VERSION_SELECT = {
  id: true,
  kind: true,
  text: true,
  model: true,
  formatOk: true,
  answer: true,
  answerScore: true,
  answerCorrect: true,
  parentVersionId: true,
  createdAt: true,
  author: { select: { id: true, name: true } },
} as const;

export const DECISION_SELECT = {
  id: true,
  status: true,
  chosenVersionId: true,
  reason: true,
  previousStatus: true,
  bulkActionId: true,
  createdAt: true,
  undoneAt: true,
  reviewer: { select: { id: true, name: true } },
} as const;

export function toReviewVersion(v: VersionRow): ReviewVersion {
  return {
    id: v.id,
    kind: v.kind,
    text: v.text,
    model: v.model,
    formatOk: v.formatOk,
    answer: v.answer,
    answerScore: v.answerScore,
    answerCorrect: v.answerCorrect,
    parentVersionId: v.parentVersionId,
    author: v.author ? { id: v.author.id, name: v.author.name } : null,
    createdAt: v.createdAt.toISOString(),
  };
}

export function toReviewDecision(r: DecisionRow): ReviewDecision {
  return {
    id: r.id,
    status: r.status,
    chosenVersionId: r.chosenVersionId,
    reason: r.reason,
    reviewer: r.reviewer ? { id: r.reviewer.id, name: r.reviewer.name } : null,
    previousStatus: r.previousStatus,
    bulk: r.bulkActionId !== null,
    createdAt: r.createdAt.toISOString(),
    undoneAt: r.undoneAt ? r.undoneAt.toISOString() : null,
  };
}
