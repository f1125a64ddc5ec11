-- Dashboard rollups: per-dataset counts the dashboard reads instead of aggregating 300K items
-- on every load. Statement-level triggers (with transition tables, so a 100K-row bulk update
-- runs each trigger once, set-based) append one signed delta row per changed group; nothing is
-- ever updated in place, so concurrent writers never wait on each other here. The dashboard
-- sums a dataset's rows (lib/dashboard/rollup-aggregates.ts) and folds them back into one row
-- per group when they pile up. A group's count is the sum of its rows' n.
--
-- A row going away takes its contribution back before the cascades it starts (BEFORE DELETE
-- row triggers: deletes are rare, and a cascade's own triggers can no longer see its parent):
-- a deleted item takes back its decisions, a deleted video its items' "represented".

-- CreateTable
CREATE TABLE "dashboard_item_rollup" (
    "id" BIGSERIAL NOT NULL,
    "dataset_id" INTEGER NOT NULL,
    "stage" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "represented" BOOLEAN NOT NULL,
    "drafted" BOOLEAN NOT NULL,
    "revised" BOOLEAN NOT NULL,
    "scored" BOOLEAN NOT NULL,
    "failed" BOOLEAN NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "dashboard_item_rollup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dashboard_score_rollup" (
    "id" BIGSERIAL NOT NULL,
    "dataset_id" INTEGER NOT NULL,
    "score" TEXT NOT NULL,
    "bin" INTEGER,
    "n" INTEGER NOT NULL,

    CONSTRAINT "dashboard_score_rollup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dashboard_decision_rollup" (
    "id" BIGSERIAL NOT NULL,
    "dataset_id" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "reviewer_id" TEXT,
    "reviews" INTEGER NOT NULL,
    "accepted" INTEGER NOT NULL,
    "rejected" INTEGER NOT NULL,
    "decided" INTEGER NOT NULL,

    CONSTRAINT "dashboard_decision_rollup_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "dashboard_item_rollup_dataset_id_idx" ON "dashboard_item_rollup"("dataset_id");
CREATE INDEX "dashboard_score_rollup_dataset_id_idx" ON "dashboard_score_rollup"("dataset_id");
CREATE INDEX "dashboard_decision_rollup_dataset_id_day_idx" ON "dashboard_decision_rollup"("dataset_id", "day");

-- Item rows (old ones counted -1, new ones +1) → the two item rollups, in one pass over them.
-- Static SQL, one statement per operation, so PL/pgSQL plans each once per session: a
-- single-row decision costs a fraction of a millisecond here.
CREATE FUNCTION dashboard_item_stage(last_error text, revision_id int, draft_id int, represented boolean) RETURNS text
  LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN last_error IS NOT NULL THEN 'failed' WHEN revision_id IS NOT NULL THEN 'revised'
              WHEN draft_id IS NOT NULL THEN 'drafted' WHEN represented THEN 'represented' ELSE 'new' END
$$;

CREATE FUNCTION dashboard_item_rollup_apply() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'INSERT' THEN
    WITH t AS MATERIALIZED (
      SELECT s.*, v.representation_at IS NOT NULL AS represented
        FROM (SELECT dataset_id, video_id, review_status, current_draft_id, current_revision_id, last_error, draft_score, revision_score, consistency_score, 1 AS d FROM new_rows) s
        LEFT JOIN video v ON v.id = s.video_id
    ), items AS (
      INSERT INTO dashboard_item_rollup (dataset_id, stage, status, represented, drafted, revised, scored, failed, n)
      SELECT dataset_id, dashboard_item_stage(last_error, current_revision_id, current_draft_id, represented), review_status::text, represented,
             current_draft_id IS NOT NULL, current_revision_id IS NOT NULL, consistency_score IS NOT NULL, last_error IS NOT NULL, sum(d)
        FROM t GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 HAVING sum(d) <> 0
    )
    INSERT INTO dashboard_score_rollup (dataset_id, score, bin, n)
    SELECT t.dataset_id, x.score, x.bin, sum(t.d)
      FROM t CROSS JOIN LATERAL (VALUES ('draft', width_bucket(t.draft_score, 0, 1, 20)),
                                        ('revision', width_bucket(t.revision_score, 0, 1, 20)),
                                        ('consistency', width_bucket(t.consistency_score, 0, 1, 20))) x(score, bin)
     GROUP BY 1, 2, 3 HAVING sum(t.d) <> 0;
  ELSIF TG_OP = 'DELETE' THEN
    WITH t AS MATERIALIZED (
      SELECT s.*, v.representation_at IS NOT NULL AS represented
        FROM (SELECT dataset_id, video_id, review_status, current_draft_id, current_revision_id, last_error, draft_score, revision_score, consistency_score, -1 AS d FROM old_rows o
               -- Items going with their dataset count nothing: the dataset's rollups are deleted whole.
              WHERE EXISTS (SELECT 1 FROM dataset WHERE id = o.dataset_id)) s
        LEFT JOIN video v ON v.id = s.video_id
    ), items AS (
      INSERT INTO dashboard_item_rollup (dataset_id, stage, status, represented, drafted, revised, scored, failed, n)
      SELECT dataset_id, dashboard_item_stage(last_error, current_revision_id, current_draft_id, represented), review_status::text, represented,
             current_draft_id IS NOT NULL, current_revision_id IS NOT NULL, consistency_score IS NOT NULL, last_error IS NOT NULL, sum(d)
        FROM t GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 HAVING sum(d) <> 0
    )
    INSERT INTO dashboard_score_rollup (dataset_id, score, bin, n)
    SELECT t.dataset_id, x.score, x.bin, sum(t.d)
      FROM t CROSS JOIN LATERAL (VALUES ('draft', width_bucket(t.draft_score, 0, 1, 20)),
                                        ('revision', width_bucket(t.revision_score, 0, 1, 20)),
                                        ('consistency', width_bucket(t.consistency_score, 0, 1, 20))) x(score, bin)
     GROUP BY 1, 2, 3 HAVING sum(t.d) <> 0;
  ELSE
    WITH t AS MATERIALIZED (
      SELECT s.*, v.representation_at IS NOT NULL AS represented
        FROM (SELECT dataset_id, video_id, review_status, current_draft_id, current_revision_id, last_error, draft_score, revision_score, consistency_score, -1 AS d FROM old_rows
             UNION ALL
             SELECT dataset_id, video_id, review_status, current_draft_id, current_revision_id, last_error, draft_score, revision_score, consistency_score, 1 AS d FROM new_rows) s
        LEFT JOIN video v ON v.id = s.video_id
    ), items AS (
      INSERT INTO dashboard_item_rollup (dataset_id, stage, status, represented, drafted, revised, scored, failed, n)
      SELECT dataset_id, dashboard_item_stage(last_error, current_revision_id, current_draft_id, represented), review_status::text, represented,
             current_draft_id IS NOT NULL, current_revision_id IS NOT NULL, consistency_score IS NOT NULL, last_error IS NOT NULL, sum(d)
        FROM t GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 HAVING sum(d) <> 0
    )
    INSERT INTO dashboard_score_rollup (dataset_id, score, bin, n)
    SELECT t.dataset_id, x.score, x.bin, sum(t.d)
      FROM t CROSS JOIN LATERAL (VALUES ('draft', width_bucket(t.draft_score, 0, 1, 20)),
                                        ('revision', width_bucket(t.revision_score, 0, 1, 20)),
                                        ('consistency', width_bucket(t.consistency_score, 0, 1, 20))) x(score, bin)
     GROUP BY 1, 2, 3 HAVING sum(t.d) <> 0;
  END IF;
  RETURN NULL;
END
$fn$;

CREATE TRIGGER dashboard_rollup_insert AFTER INSERT ON "item" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_item_rollup_apply();
CREATE TRIGGER dashboard_rollup_update AFTER UPDATE ON "item" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_item_rollup_apply();
CREATE TRIGGER dashboard_rollup_delete AFTER DELETE ON "item" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_item_rollup_apply();

-- Decisions in force (not undone) per dataset, UTC day and reviewer.
CREATE FUNCTION dashboard_decision_rollup_apply() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO dashboard_decision_rollup (dataset_id, day, reviewer_id, reviews, accepted, rejected, decided)
    SELECT i.dataset_id, (t.created_at AT TIME ZONE 'UTC')::date, t.reviewer_id, sum(t.d),
           coalesce(sum(t.d) FILTER (WHERE t.status = 'accepted'), 0),
           coalesce(sum(t.d) FILTER (WHERE t.status = 'rejected'), 0),
           coalesce(sum(t.d) FILTER (WHERE t.status IN ('accepted', 'rejected', 'skipped')), 0)
      FROM (SELECT item_id, reviewer_id, status, undone_at, created_at, 1 AS d FROM new_rows) t
      JOIN item i ON i.id = t.item_id
     WHERE t.undone_at IS NULL
     GROUP BY 1, 2, 3 HAVING sum(t.d) <> 0;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO dashboard_decision_rollup (dataset_id, day, reviewer_id, reviews, accepted, rejected, decided)
    SELECT i.dataset_id, (t.created_at AT TIME ZONE 'UTC')::date, t.reviewer_id, sum(t.d),
           coalesce(sum(t.d) FILTER (WHERE t.status = 'accepted'), 0),
           coalesce(sum(t.d) FILTER (WHERE t.status = 'rejected'), 0),
           coalesce(sum(t.d) FILTER (WHERE t.status IN ('accepted', 'rejected', 'skipped')), 0)
      FROM (SELECT item_id, reviewer_id, status, undone_at, created_at, -1 AS d FROM old_rows) t
      JOIN item i ON i.id = t.item_id
     WHERE t.undone_at IS NULL
     GROUP BY 1, 2, 3 HAVING sum(t.d) <> 0;
  ELSE
    INSERT INTO dashboard_decision_rollup (dataset_id, day, reviewer_id, reviews, accepted, rejected, decided)
    SELECT i.dataset_id, (t.created_at AT TIME ZONE 'UTC')::date, t.reviewer_id, sum(t.d),
           coalesce(sum(t.d) FILTER (WHERE t.status = 'accepted'), 0),
           coalesce(sum(t.d) FILTER (WHERE t.status = 'rejected'), 0),
           coalesce(sum(t.d) FILTER (WHERE t.status IN ('accepted', 'rejected', 'skipped')), 0)
      FROM (SELECT item_id, reviewer_id, status, undone_at, created_at, -1 AS d FROM old_rows
             UNION ALL
             SELECT item_id, reviewer_id, status, undone_at, created_at, 1 AS d FROM new_rows) t
      JOIN item i ON i.id = t.item_id
     WHERE t.undone_at IS NULL
     GROUP BY 1, 2, 3 HAVING sum(t.d) <> 0;
  END IF;
  RETURN NULL;
END
$fn$;

CREATE TRIGGER dashboard_rollup_insert AFTER INSERT ON "review" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_decision_rollup_apply();
CREATE TRIGGER dashboard_rollup_update AFTER UPDATE ON "review" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_decision_rollup_apply();
CREATE TRIGGER dashboard_rollup_delete AFTER DELETE ON "review" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_decision_rollup_apply();

-- A deleted item takes back its decisions before they cascade away (the review trigger then
-- finds no item for them and counts nothing).
CREATE FUNCTION dashboard_item_delete_decisions() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM dataset WHERE id = OLD.dataset_id) THEN RETURN OLD; END IF;
  INSERT INTO dashboard_decision_rollup (dataset_id, day, reviewer_id, reviews, accepted, rejected, decided)
  SELECT OLD.dataset_id, (r.created_at AT TIME ZONE 'UTC')::date, r.reviewer_id, -count(*),
         -count(*) FILTER (WHERE r.status = 'accepted'), -count(*) FILTER (WHERE r.status = 'rejected'),
         -count(*) FILTER (WHERE r.status IN ('accepted', 'rejected', 'skipped'))
    FROM review r WHERE r.item_id = OLD.id AND r.undone_at IS NULL
   GROUP BY 2, 3;
  RETURN OLD;
END
$fn$;

CREATE TRIGGER dashboard_rollup_item_delete_decisions BEFORE DELETE ON "item"
  FOR EACH ROW EXECUTE FUNCTION dashboard_item_delete_decisions();

-- A video that gains or loses its representation moves its items between "new" and
-- "represented" (and in or out of the represented count).
CREATE FUNCTION dashboard_video_rollup_apply() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  INSERT INTO dashboard_item_rollup (dataset_id, stage, status, represented, drafted, revised, scored, failed, n)
  SELECT i.dataset_id, dashboard_item_stage(i.last_error, i.current_revision_id, i.current_draft_id, c.represented),
         i.review_status::text, c.represented, i.current_draft_id IS NOT NULL, i.current_revision_id IS NOT NULL,
         i.consistency_score IS NOT NULL, i.last_error IS NOT NULL, sum(c.d)
    FROM (SELECT n.id, x.represented, x.d
            FROM old_rows o JOIN new_rows n ON n.id = o.id
            CROSS JOIN LATERAL (VALUES (o.representation_at IS NOT NULL, -1), (n.representation_at IS NOT NULL, 1)) x(represented, d)
           WHERE (o.representation_at IS NULL) <> (n.representation_at IS NULL)) c
    JOIN item i ON i.video_id = c.id
   GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 HAVING sum(c.d) <> 0;
  RETURN NULL;
END
$fn$;

CREATE TRIGGER dashboard_rollup_update AFTER UPDATE ON "video" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_video_rollup_apply();

-- A deleted video's items lose their representation first (their video_id is then set to NULL,
-- which changes nothing more).
CREATE FUNCTION dashboard_video_delete_items() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF OLD.representation_at IS NULL OR NOT EXISTS (SELECT 1 FROM dataset WHERE id = OLD.dataset_id) THEN RETURN OLD; END IF;
  INSERT INTO dashboard_item_rollup (dataset_id, stage, status, represented, drafted, revised, scored, failed, n)
  SELECT i.dataset_id, s.stage, i.review_status::text, s.represented, i.current_draft_id IS NOT NULL, i.current_revision_id IS NOT NULL,
         i.consistency_score IS NOT NULL, i.last_error IS NOT NULL, sum(s.d)
    FROM item i CROSS JOIN LATERAL (
           SELECT dashboard_item_stage(i.last_error, i.current_revision_id, i.current_draft_id, x.represented) AS stage, x.represented, x.d
             FROM (VALUES (true, -1), (false, 1)) x(represented, d)) s
   WHERE i.video_id = OLD.id
   GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 HAVING sum(s.d) <> 0;
  RETURN OLD;
END
$fn$;

CREATE TRIGGER dashboard_rollup_video_delete_items BEFORE DELETE ON "video"
  FOR EACH ROW EXECUTE FUNCTION dashboard_video_delete_items();

-- A deleted dataset's rollups go with it. The triggers above add nothing for rows deleted
-- with their dataset (their own statement triggers may fire after this one).
CREATE FUNCTION dashboard_dataset_rollup_delete() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  DELETE FROM dashboard_item_rollup WHERE dataset_id IN (SELECT id FROM old_rows);
  DELETE FROM dashboard_score_rollup WHERE dataset_id IN (SELECT id FROM old_rows);
  DELETE FROM dashboard_decision_rollup WHERE dataset_id IN (SELECT id FROM old_rows);
  RETURN NULL;
END
$fn$;

CREATE TRIGGER dashboard_rollup_delete AFTER DELETE ON "dataset" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_dataset_rollup_delete();

-- Backfill from what is there now.
INSERT INTO dashboard_item_rollup (dataset_id, stage, status, represented, drafted, revised, scored, failed, n)
SELECT i.dataset_id, dashboard_item_stage(i.last_error, i.current_revision_id, i.current_draft_id, v.representation_at IS NOT NULL),
       i.review_status::text, v.representation_at IS NOT NULL, i.current_draft_id IS NOT NULL, i.current_revision_id IS NOT NULL,
       i.consistency_score IS NOT NULL, i.last_error IS NOT NULL, count(*)
  FROM item i LEFT JOIN video v ON v.id = i.video_id
 GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;

INSERT INTO dashboard_score_rollup (dataset_id, score, bin, n)
SELECT i.dataset_id, s.score, s.bin, count(*)
  FROM item i CROSS JOIN LATERAL (VALUES ('draft', width_bucket(i.draft_score, 0, 1, 20)),
                                         ('revision', width_bucket(i.revision_score, 0, 1, 20)),
                                         ('consistency', width_bucket(i.consistency_score, 0, 1, 20))) s(score, bin)
 GROUP BY 1, 2, 3;

INSERT INTO dashboard_decision_rollup (dataset_id, day, reviewer_id, reviews, accepted, rejected, decided)
SELECT i.dataset_id, (r.created_at AT TIME ZONE 'UTC')::date, r.reviewer_id, count(*),
       count(*) FILTER (WHERE r.status = 'accepted'), count(*) FILTER (WHERE r.status = 'rejected'),
       count(*) FILTER (WHERE r.status IN ('accepted', 'rejected', 'skipped'))
  FROM review r JOIN item i ON i.id = r.item_id
 WHERE r.undone_at IS NULL
 GROUP BY 1, 2, 3;
