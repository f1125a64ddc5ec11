import { sql } from 'kysely';
import type { PrismaClient, Prisma } from '@/generated/prisma/client';
import { kdb } from '@/lib/db/kysely';
import { AppError } from '../errors';
import type { DomainProblemType } from '../items/problem-type';
import { mediaSource } from '../media/media-url';
import { parseRepresentation } from '../cot/representation';
import type { ReviewDecision, ReviewItem, ReviewStatus, ReviewVersion } from './review-item';

type Db = PrismaClient | Prisma.TransactionClient;

// Timestamps leave PostgreSQL already in Date#toISOString's form (the columns keep milliseconds).
const iso = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

// A ReviewVersion / ReviewDecision built in SQL, field for field the same as toReviewVersion /
// toReviewDecision in review-item.ts (never raw_output, params or costs).
const versionJson = (c: string, a: string) => `json_build_object(
  'id', ${c}.id, 'kind', ${c}.kind, 'text', ${c}.text, 'model', ${c}.model, 'formatOk', ${c}.format_ok,
  'answer', ${c}.answer, 'answerScore', ${c}.answer_score, 'answerCorrect', ${c}.answer_correct,
  'parentVersionId', ${c}.parent_version_id,
  'author', CASE WHEN ${a}.id IS NULL THEN NULL ELSE json_build_object('id', ${a}.id, 'name', ${a}.name) END,
  'createdAt', ${iso(`${c}.created_at`)})`;

const decisionJson = (r: string, u: string) => `json_build_object(
  'id', ${r}.id, 'status', ${r}.status, 'chosenVersionId', ${r}.chosen_version_id, 'reason', ${r}.reason,
  'reviewer', CASE WHEN ${u}.id IS NULL THEN NULL ELSE json_build_object('id', ${u}.id, 'name', ${u}.name) END,
  'previousStatus', ${r}.previous_status, 'bulk', ${r}.bulk_action_id IS NOT NULL,
  'createdAt', ${iso(`${r}.created_at`)}, 'undoneAt', CASE WHEN ${r}.undone_at IS NULL THEN NULL ELSE ${iso(`${r}.undone_at`)} END)`;

// One statement, one round trip: the review page and every decision's reply read it, so it is
// on the path of each reviewer action (see bench/review-load.ts).
// Static text (aliases only); the item id is bound where it is run.
export const REVIEW_ITEM_SQL = `
SELECT i.id, i.dataset_id, d.name AS dataset_name, i.problem_id, i.problem, i.options,
       i.problem_type::text AS problem_type, i.data_type::text AS data_type, i.path, i.data_source,
       i.ground_truth, i.solution, i.rev, i.review_status::text AS review_status,
       i.accepted_version_id, i.current_draft_id, i.current_revision_id,
       ${iso('i.reviewed_at')} AS reviewed_at, i.last_error,
       (SELECT json_build_object('id', u.id, 'name', u.name) FROM "user" u WHERE u.id = i.reviewed_by_id) AS reviewed_by,
       v.id IS NOT NULL AS has_video, v.duration_sec, v.fps, v.width, v.height, v.frame_count, v.probe_error,
       v.representation,
       (SELECT coalesce(json_agg(${versionJson('c', 'a')}), '[]'::json)
          FROM cot_version c LEFT JOIN "user" a ON a.id = c.author_id
         WHERE c.item_id = i.id AND c.id IN (i.current_draft_id, i.current_revision_id, i.accepted_version_id)) AS shown,
       (SELECT ${versionJson('c', 'a')}
          FROM cot_version c LEFT JOIN "user" a ON a.id = c.author_id
         WHERE c.item_id = i.id AND c.kind = 'edit' ORDER BY c.id DESC LIMIT 1) AS latest_edit,
       (SELECT ${versionJson('c', 'a')}
          FROM cot_version c LEFT JOIN "user" a ON a.id = c.author_id
         WHERE c.item_id = i.id AND c.kind = 'imported' ORDER BY c.id DESC LIMIT 1) AS latest_imported,
       i.stale_reason,
       (SELECT ${decisionJson('r', 'u')}
          FROM review r LEFT JOIN "user" u ON u.id = r.reviewer_id
         WHERE r.item_id = i.id AND r.undone_at IS NULL ORDER BY r.id DESC LIMIT 1) AS last_decision,
       (SELECT count(*)::int FROM cot_version c WHERE c.item_id = i.id) AS version_count
  FROM item i
  JOIN dataset d ON d.id = i.dataset_id
  LEFT JOIN video v ON v.id = i.video_id`;

type Row = {
  id: number;
  dataset_id: number;
  dataset_name: string;
  problem_id: string;
  problem: string;
  options: string[];
  /** The database enum's label, which is the record's own spelling ('multiple choice', …). */
  problem_type: DomainProblemType;
  data_type: 'video' | 'image';
  path: string;
  data_source: string;
  ground_truth: string;
  solution: string;
  rev: number;
  review_status: ReviewStatus;
  accepted_version_id: number | null;
  current_draft_id: number | null;
  current_revision_id: number | null;
  reviewed_at: string | null;
  last_error: string | null;
  reviewed_by: { id: string; name: string } | null;
  has_video: boolean;
  duration_sec: number | null;
  fps: number | null;
  width: number | null;
  height: number | null;
  frame_count: number | null;
  probe_error: string | null;
  representation: unknown;
  shown: ReviewVersion[];
  latest_edit: ReviewVersion | null;
  latest_imported: ReviewVersion | null;
  stale_reason: string | null;
  last_decision: ReviewDecision | null;
  version_count: number;
};

/** Everything the review page shows for one item, in one round trip. */
export async function getReviewItem(db: Db, itemId: number): Promise<ReviewItem> {
  const {
    rows: [row],
  } = await sql<Row>`${sql.raw(REVIEW_ITEM_SQL)} WHERE i.id = ${itemId}`.execute(kdb(db));
  if (!row) throw new AppError('NOT_FOUND', `Item ${itemId} not found`);
  const byId = new Map(row.shown.map((v) => [v.id, v]));
  const edit = row.latest_edit;
  const acceptedIsShown =
    row.accepted_version_id === null || [row.current_draft_id, row.current_revision_id, edit?.id].includes(row.accepted_version_id);
  return {
    id: row.id,
    datasetId: row.dataset_id,
    datasetName: row.dataset_name,
    problemId: row.problem_id,
    problem: row.problem,
    options: row.options,
    problemType: row.problem_type,
    dataType: row.data_type,
    dataSource: row.data_source,
    groundTruth: row.ground_truth,
    solution: row.solution,
    rev: row.rev,
    reviewStatus: row.review_status,
    acceptedVersionId: row.accepted_version_id,
    reviewedBy: row.reviewed_by,
    reviewedAt: row.reviewed_at,
    draft: row.current_draft_id !== null ? (byId.get(row.current_draft_id) ?? null) : null,
    revision: row.current_revision_id !== null ? (byId.get(row.current_revision_id) ?? null) : null,
    latestEdit: edit,
    imported:
      row.latest_imported && ![row.current_draft_id, row.current_revision_id].includes(row.latest_imported.id) ? row.latest_imported : null,
    staleReason: row.stale_reason,
    accepted: acceptedIsShown || row.accepted_version_id === null ? null : (byId.get(row.accepted_version_id) ?? null),
    lastDecision: row.last_decision,
    versionCount: row.version_count,
    media: mediaSource(row.dataset_id, row.path),
    video: row.has_video
      ? {
          durationSec: row.duration_sec,
          fps: row.fps,
          width: row.width,
          height: row.height,
          frameCount: row.frame_count,
          probeError: row.probe_error,
        }
      : null,
    representation: row.data_type === 'video' ? parseRepresentation(row.representation) : null,
    lastError: row.last_error,
  };
}
