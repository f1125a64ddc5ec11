// The set-based half of an import: records are COPYed into a temporary staging table inside the
// import's transaction, then land in video / item / cot_version with one statement each.

import { sql } from 'kysely';

// Column order = itemValues() then cotValues() (lib/import/record-sink.ts).
export const STAGE_COLUMNS = [
  'problem_id',
  'problem_id_is_number',
  'problem',
  'options',
  'problem_type',
  'data_type',
  'path',
  'data_source',
  'solution',
  'ground_truth',
  'extra',
  'extra_raw',
  'field_order',
  'source_index',
  'cot_text',
  'cot_think',
  'cot_answer',
  'cot_format_ok',
  'cot_score',
  'cot_correct',
] as const;

export const CREATE_STAGE = sql`
CREATE TEMP TABLE import_stage (
  problem_id text NOT NULL,
  problem_id_is_number boolean NOT NULL,
  problem text NOT NULL,
  options text[] NOT NULL,
  problem_type "ProblemType" NOT NULL,
  data_type "DataType" NOT NULL,
  path text NOT NULL,
  data_source text NOT NULL,
  solution text NOT NULL,
  ground_truth text NOT NULL,
  extra jsonb NOT NULL,
  extra_raw text,
  field_order text[] NOT NULL,
  source_index integer NOT NULL,
  cot_text text,
  cot_think text,
  cot_answer text,
  cot_format_ok boolean,
  cot_score double precision,
  cot_correct boolean
) ON COMMIT DROP`;

export const COPY_STAGE = `COPY import_stage (${STAGE_COLUMNS.join(', ')}) FROM STDIN`;

/** One media row per file: the first record naming a path decides its data type. */
export const upsertVideosSql = (datasetId: number) => sql`
INSERT INTO video (dataset_id, path, data_type)
SELECT DISTINCT ON (path) ${datasetId}::int, path, data_type FROM import_stage ORDER BY path, source_index
ON CONFLICT (dataset_id, path) DO NOTHING`;

const ITEM_FIELDS = [
  'video_id',
  'problem_id_is_number',
  'problem',
  'options',
  'problem_type',
  'data_type',
  'path',
  'data_source',
  'solution',
  'ground_truth',
  'extra',
  'extra_raw',
  'field_order',
];
const itemFields = (alias?: string) => sql.join(ITEM_FIELDS.map((f) => sql.ref(alias ? `${alias}.${f}` : f)));

/**
 * Upsert by (dataset, problem_id): a re-import changes only rows whose record changed (those
 * get a new rev, so a reviewer's stale edit conflicts); identical rows are left untouched.
 */
export const upsertItemsSql = (datasetId: number) => sql<{ inserted: number; updated: number }>`
WITH up AS (
  INSERT INTO item AS i (dataset_id, problem_id, ${itemFields()}, source_index, updated_at)
  SELECT ${datasetId}::int, s.problem_id, v.id, s.problem_id_is_number, s.problem, s.options, s.problem_type, s.data_type, s.path,
         s.data_source, s.solution, s.ground_truth, s.extra, s.extra_raw, s.field_order, s.source_index, now()
    FROM import_stage s JOIN video v ON v.dataset_id = ${datasetId}::int AND v.path = s.path
   ORDER BY s.source_index
  ON CONFLICT (dataset_id, problem_id) DO UPDATE SET
    ${sql.join(ITEM_FIELDS.map((f) => sql`${sql.ref(f)} = ${sql.ref(`excluded.${f}`)}`))}, source_index = EXCLUDED.source_index, updated_at = now(), rev = i.rev + 1
  WHERE (${itemFields('i')}) IS DISTINCT FROM (${itemFields('excluded')})
  RETURNING (xmax = 0) AS inserted
)
SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*) FILTER (WHERE NOT inserted)::int AS updated FROM up`;

export const STALE_REASON_SOURCE_CHANGED = 'source changed since the decision';

/**
 * Before the upsert: a decided item whose record now says something else (question, options,
 * solution, problem type, media path, or a `process` the item has not seen) goes back to pending
 * with the reason shown on the review page; its accepted CoT no longer counts. Only decided
 * items can become stale, so a first import (nothing decided) finds nothing to do.
 */
export const markStaleSql = (datasetId: number, reason: string) => sql`
UPDATE item i SET review_status = 'pending', accepted_version_id = NULL, stale_reason = ${reason}::text, rev = i.rev + 1, updated_at = now()
  FROM import_stage s
 WHERE i.dataset_id = ${datasetId}::int AND i.problem_id = s.problem_id AND i.review_status <> 'pending'
   AND ((i.problem, i.options, i.solution, i.problem_type, i.path) IS DISTINCT FROM (s.problem, s.options, s.solution, s.problem_type, s.path)
        OR (s.cot_text IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM cot_version c WHERE c.item_id = i.id AND c.kind = 'imported' AND md5(c.text) = md5(s.cot_text))))`;

/** The imported CoT versions this import created, for pointing drafts at them (ON COMMIT DROP). */
export const CREATE_NEW_VERSIONS = sql`
CREATE TEMP TABLE import_new_version (id integer NOT NULL, item_id integer NOT NULL, answer_score double precision, answer_correct boolean, len integer NOT NULL)
ON COMMIT DROP`;

/**
 * A record's `process` becomes an imported CoT version, once: the same text is never added twice.
 * Texts are compared by md5 so the planner walks the item's few versions (item_id index): with a
 * plain `c.text = s.cot_text` it may probe the trigram index (pg_trgm supports =), which for long
 * CoTs sharing common words is far slower.
 */
export const insertImportedVersionsSql = (datasetId: number, importId: number | null) => sql`
WITH nv AS (
  INSERT INTO cot_version (item_id, kind, text, think, answer, format_ok, answer_score, answer_correct, params)
  SELECT i.id, 'imported', s.cot_text, s.cot_think, s.cot_answer, s.cot_format_ok, s.cot_score, s.cot_correct,
         jsonb_build_object('importId', ${importId}::int)
    FROM import_stage s JOIN item i ON i.dataset_id = ${datasetId}::int AND i.problem_id = s.problem_id
   WHERE s.cot_text IS NOT NULL
     AND NOT EXISTS (SELECT 1 FROM cot_version c WHERE c.item_id = i.id AND c.kind = 'imported' AND md5(c.text) = md5(s.cot_text))
   ORDER BY s.source_index
  RETURNING id, item_id, answer_score, answer_correct, length(text) AS len
)
INSERT INTO import_new_version SELECT id, item_id, answer_score, answer_correct, len FROM nv`;

/**
 * The new imported CoT becomes the item's draft when the item has no generated one (no draft
 * yet, or an older imported one), so review, bulk accept, sampling and the check stage treat it
 * as the draft; a generated draft later takes the pointer and the imported one stays listed
 * (getReviewItem). A separate statement over an analysed table, so it is a hash join (inside the
 * INSERT's WITH the planner had no row estimate and chose a nested loop: minutes at 10K CoTs).
 */
export const POINT_DRAFTS_AT_IMPORTED = sql`
UPDATE item i SET current_draft_id = nv.id, draft_score = nv.answer_score, draft_correct = nv.answer_correct,
       cot_length = CASE WHEN i.current_revision_id IS NULL THEN nv.len ELSE i.cot_length END,
       rev = CASE WHEN i.current_draft_id IS NULL THEN i.rev ELSE i.rev + 1 END
  FROM import_new_version nv
 WHERE i.id = nv.item_id
   AND (i.current_draft_id IS NULL OR EXISTS (SELECT 1 FROM cot_version d WHERE d.id = i.current_draft_id AND d.kind = 'imported'))`;
