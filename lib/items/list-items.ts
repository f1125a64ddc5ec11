import { Prisma, type PrismaClient } from '@/generated/prisma/client';
import type { ItemFilter } from './filter';
import { encodePageCursor, type PageCursor } from './page-cursor';
import { keysetParts, readKeyset } from './keyset';
import type { DomainProblemType } from './problem-type';

export const MAX_PAGE_SIZE = 200;
/** How much of the question the table carries; the page truncates further to fit. */
const QUESTION_CHARS = 240;

export type ItemRow = {
  id: number;
  problemId: string;
  problem: string;
  problemType: DomainProblemType;
  dataSource: string;
  reviewStatus: 'pending' | 'accepted' | 'rejected' | 'skipped';
  draftCorrect: boolean | null;
  revisionCorrect: boolean | null;
  draftScore: number | null;
  revisionScore: number | null;
  consistencyScore: number | null;
  cotLength: number | null;
  hasDraft: boolean;
  hasRevision: boolean;
  failed: boolean;
  /** The failed stage's error (first 500 characters), shown on hover of the "failed" chip. */
  error: string | null;
  reviewedById: string | null;
  reviewerName: string | null;
  updatedAt: string;
  riskScore: number;
  riskComponents: Record<string, number>;
  stepFirstError: number | null;
  contradictedSteps: number;
  stepReviewed: boolean;
  /** RL pool: rollout pass rate (k answers, pass count), shortcut and duplicate/contamination flags. */
  passRate: number | null;
  rolloutK: number | null;
  rolloutPass: number | null;
  blindAnswerable: boolean | null;
  duplicateCluster: number | null;
  contaminated: boolean;
};

const COLUMNS = Prisma.sql`
  i.id, i.problem_id AS "problemId", left(i.problem, ${QUESTION_CHARS}) AS problem, i.problem_type::text AS "problemType",
  i.data_source AS "dataSource", i.review_status::text AS "reviewStatus", i.draft_correct AS "draftCorrect",
  i.revision_correct AS "revisionCorrect", i.draft_score AS "draftScore", i.revision_score AS "revisionScore",
  i.consistency_score AS "consistencyScore", i.cot_length AS "cotLength", i.current_draft_id IS NOT NULL AS "hasDraft",
  i.current_revision_id IS NOT NULL AS "hasRevision", i.last_error IS NOT NULL AS failed, left(i.last_error, 500) AS error, i.reviewed_by_id AS "reviewedById",
  i.updated_at AS "updatedAt", i.risk_score AS "riskScore", i.risk_components AS "riskComponents",
  i.step_first_error AS "stepFirstError", i.contradicted_steps AS "contradictedSteps", i.step_reviewed AS "stepReviewed",
  i.pass_rate AS "passRate", i.rollout_k AS "rolloutK", i.rollout_pass AS "rolloutPass",
  i.blind_answerable AS "blindAnswerable", i.duplicate_cluster AS "duplicateCluster", i.contaminated`;

type RawRow = Omit<ItemRow, 'reviewerName' | 'updatedAt'> & { updatedAt: Date; sortValue: number | Date | null };

/**
 * One page of the items table: the filter's rows in its sort order after `cursor` (keyset
 * pagination: the cost of page 1000 is that of page 1). Returns the cursor of the next page.
 */
/** `restrict`: extra SQL over `item i` ANDed in (a reviewer's assignments, lib/assignments/item-access.ts). */
export async function listItems(db: PrismaClient, opts: { filter: ItemFilter; cursor?: PageCursor; limit: number; restrict?: Prisma.Sql }) {
  const { filter } = opts;
  const limit = Math.min(Math.max(1, Math.trunc(opts.limit)), MAX_PAGE_SIZE);
  const rows = await readKeyset<RawRow>(db, { filter, parts: keysetParts(filter.sort, filter.dir, opts.cursor), columns: COLUMNS, limit: limit + 1, restrict: opts.restrict });
  const pageRows = rows.slice(0, limit);
  const reviewerIds = [...new Set(pageRows.map((r) => r.reviewedById).filter((x): x is string => x !== null))];
  const reviewers = reviewerIds.length ? await db.user.findMany({ where: { id: { in: reviewerIds } }, select: { id: true, name: true } }) : [];
  const names = new Map(reviewers.map((u) => [u.id, u.name]));
  const last = pageRows[pageRows.length - 1];
  return {
    items: pageRows.map((r): ItemRow => toItemRow(r, r.reviewedById ? (names.get(r.reviewedById) ?? null) : null)),
    nextCursor: rows.length > limit && last ? encodePageCursor(cursorOfRow(last)) : null,
  };
}

function toItemRow(r: RawRow, reviewerName: string | null): ItemRow {
  return {
    id: r.id,
    problemId: r.problemId,
    problem: r.problem,
    problemType: r.problemType,
    dataSource: r.dataSource,
    reviewStatus: r.reviewStatus,
    draftCorrect: r.draftCorrect,
    revisionCorrect: r.revisionCorrect,
    draftScore: r.draftScore,
    revisionScore: r.revisionScore,
    consistencyScore: r.consistencyScore,
    cotLength: r.cotLength,
    hasDraft: r.hasDraft,
    hasRevision: r.hasRevision,
    failed: r.failed,
    error: r.error,
    reviewedById: r.reviewedById,
    reviewerName,
    updatedAt: r.updatedAt.toISOString(),
    riskScore: r.riskScore,
    riskComponents: r.riskComponents,
    stepFirstError: r.stepFirstError,
    contradictedSteps: r.contradictedSteps,
    stepReviewed: r.stepReviewed,
    passRate: r.passRate,
    rolloutK: r.rolloutK,
    rolloutPass: r.rolloutPass,
    blindAnswerable: r.blindAnswerable,
    duplicateCluster: r.duplicateCluster,
    contaminated: r.contaminated,
  };
}

function cursorOfRow(r: RawRow): PageCursor {
  const v = r.sortValue;
  return { id: r.id, value: v instanceof Date ? v.toISOString() : v };
}

export type ItemsPage = Awaited<ReturnType<typeof listItems>>;
