-- Step-level review (issue 13): each CoT version split into steps, per-step human verdicts
-- (PRM800K's −1 / 0 / +1), the evidence stage's per-step verdicts, and a maintained risk score
-- per item.

-- AlterEnum
ALTER TYPE "Stage" ADD VALUE 'evidence';
ALTER TYPE "ExportFormat" ADD VALUE 'prm';

-- The split of one CoT version (lib/steps/split-steps.ts): offsets into cot_version.text, the
-- time references each step mentions and the frame captions nearest to them.
CREATE TABLE "cot_steps" (
    "version_id" INTEGER NOT NULL,
    "splitter_version" INTEGER NOT NULL,
    "steps" JSONB NOT NULL DEFAULT '[]',
    "step_count" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "cot_steps_pkey" PRIMARY KEY ("version_id")
);

-- A reviewer's verdict on one step of one version: 1 correct, 0 neutral, -1 wrong (checked by
-- the route's schema, lib/steps/save-step-verdict.ts, like every other enumerated text here).
CREATE TABLE "step_verdict" (
    "version_id" INTEGER NOT NULL,
    "step_index" INTEGER NOT NULL,
    "label" INTEGER NOT NULL,
    "note" TEXT,
    "reviewer_id" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "step_verdict_pkey" PRIMARY KEY ("version_id", "step_index")
);

-- The state of one version's step review: how far it got and why it ended (PRM800K's
-- finish_reason: found_error when the reviewer stopped at the first wrong step).
CREATE TABLE "step_review" (
    "version_id" INTEGER NOT NULL,
    "item_id" INTEGER NOT NULL,
    "reviewer_id" TEXT,
    "labelled" INTEGER NOT NULL DEFAULT 0,
    "first_error" INTEGER,
    "finish_reason" TEXT,
    "rev" INTEGER NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "step_review_pkey" PRIMARY KEY ("version_id")
);

-- The evidence stage's verdict on one visual claim (one step of one version).
CREATE TABLE "step_evidence" (
    "version_id" INTEGER NOT NULL,
    "step_index" INTEGER NOT NULL,
    "verdict" TEXT NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "frames" JSONB NOT NULL DEFAULT '[]',
    "model" TEXT,
    "prompt_version" TEXT,
    "tokens_in" INTEGER,
    "tokens_out" INTEGER,
    "run_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "step_evidence_pkey" PRIMARY KEY ("version_id", "step_index")
);

-- Item summaries for the items table's filters and sorts.
ALTER TABLE "item" ADD COLUMN "step_reviewed" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "step_first_error" INTEGER,
ADD COLUMN "contradicted_steps" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "review_disagreement" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "risk_score" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN "risk_components" JSONB NOT NULL DEFAULT '{}';

-- CreateIndex
CREATE INDEX "step_review_item_id_idx" ON "step_review"("item_id");
CREATE INDEX "step_evidence_run_id_idx" ON "step_evidence"("run_id");
CREATE INDEX "item_dataset_id_step_reviewed_id_idx" ON "item"("dataset_id", "step_reviewed", "id");
CREATE INDEX "item_dataset_id_step_first_error_id_idx" ON "item"("dataset_id", "step_first_error", "id");
CREATE INDEX "item_dataset_id_contradicted_steps_id_idx" ON "item"("dataset_id", "contradicted_steps", "id");
CREATE INDEX "item_dataset_id_risk_score_id_idx" ON "item"("dataset_id", "risk_score", "id");

-- AddForeignKey
ALTER TABLE "cot_steps" ADD CONSTRAINT "cot_steps_version_id_fkey" FOREIGN KEY ("version_id") REFERENCES "cot_version"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "step_verdict" ADD CONSTRAINT "step_verdict_version_id_fkey" FOREIGN KEY ("version_id") REFERENCES "cot_version"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "step_review" ADD CONSTRAINT "step_review_version_id_fkey" FOREIGN KEY ("version_id") REFERENCES "cot_version"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "step_evidence" ADD CONSTRAINT "step_evidence_version_id_fkey" FOREIGN KEY ("version_id") REFERENCES "cot_version"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ── Risk score ───────────────────────────────────────────────────────────────────────────────
-- risk_score is the sum of the components in risk_components (each a share of 1). It is kept by
-- triggers, so every path that changes an input (stages, decisions, bulk actions, undo) keeps it
-- current without knowing about it. Weights are documented in lib/risk/risk-weights.ts.
CREATE FUNCTION refresh_item_risk(ids INTEGER[]) RETURNS void LANGUAGE sql AS $$
  UPDATE item i SET risk_score = r.score, risk_components = r.components
    FROM (
      SELECT x.id, c.components,
             coalesce((SELECT sum(value::text::float8) FROM jsonb_each(c.components)), 0) AS score
        FROM item x
        LEFT JOIN cot_version d ON d.id = x.current_draft_id
        LEFT JOIN cot_version v ON v.id = x.current_revision_id
        CROSS JOIN LATERAL (SELECT jsonb_strip_nulls(jsonb_build_object(
          'answerWrong', CASE WHEN coalesce(x.revision_correct, x.draft_correct) = false THEN 0.3 END,
          'lowConsistency', CASE WHEN x.consistency_score < 0.5 THEN round((0.15 * (0.5 - x.consistency_score) / 0.5)::numeric, 3) END,
          'largeRevision', CASE WHEN d.id IS NOT NULL AND v.id IS NOT NULL
                                 AND extensions.similarity(d.text, v.text) < 0.8
                                THEN round((0.15 * least(1, (0.8 - extensions.similarity(d.text, v.text)) / 0.5))::numeric, 3) END,
          'contradictedSteps', CASE WHEN x.contradicted_steps > 0 THEN round((0.2 * least(1, x.contradicted_steps / 2.0))::numeric, 3) END,
          'reviewerDisagreement', CASE WHEN x.review_disagreement THEN 0.1 END,
          'answerChanged', CASE WHEN d.answer IS NOT NULL AND v.answer IS NOT NULL AND btrim(d.answer) <> btrim(v.answer) THEN 0.1 END
        )) AS components) c
       WHERE x.id = ANY(ids)
    ) r
   WHERE i.id = r.id AND (i.risk_score IS DISTINCT FROM r.score OR i.risk_components IS DISTINCT FROM r.components);
$$;

-- After any statement that updates items: recompute the rows whose risk inputs changed. The
-- inner UPDATE changes only risk columns, so its own firing finds nothing and stops.
CREATE FUNCTION item_risk_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE changed INTEGER[];
BEGIN
  SELECT array_agg(n.id) INTO changed
    FROM new_items n JOIN old_items o ON o.id = n.id
   WHERE (n.draft_correct, n.revision_correct, n.consistency_score, n.current_draft_id, n.current_revision_id, n.contradicted_steps, n.review_disagreement)
         IS DISTINCT FROM
         (o.draft_correct, o.revision_correct, o.consistency_score, o.current_draft_id, o.current_revision_id, o.contradicted_steps, o.review_disagreement);
  IF changed IS NOT NULL THEN PERFORM refresh_item_risk(changed); END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER item_risk_after_update AFTER UPDATE ON item
  REFERENCING OLD TABLE AS old_items NEW TABLE AS new_items
  FOR EACH STATEMENT EXECUTE FUNCTION item_risk_after_update();

-- Reviewer disagreement: among decisions in force, one reviewer accepted and another rejected.
CREATE FUNCTION item_disagreement_after_review() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE item i SET review_disagreement = x.disagree
    FROM (
      SELECT t.item_id,
             EXISTS (SELECT 1 FROM review a JOIN review b ON b.item_id = a.item_id
                      WHERE a.item_id = t.item_id AND a.undone_at IS NULL AND b.undone_at IS NULL
                        AND a.status = 'accepted' AND b.status = 'rejected'
                        AND a.reviewer_id IS DISTINCT FROM b.reviewer_id) AS disagree
        FROM (SELECT DISTINCT item_id FROM changed_reviews) t
    ) x
   WHERE i.id = x.item_id AND i.review_disagreement IS DISTINCT FROM x.disagree;
  RETURN NULL;
END $$;

CREATE TRIGGER review_disagreement_after_insert AFTER INSERT ON review
  REFERENCING NEW TABLE AS changed_reviews
  FOR EACH STATEMENT EXECUTE FUNCTION item_disagreement_after_review();
CREATE TRIGGER review_disagreement_after_update AFTER UPDATE ON review
  REFERENCING NEW TABLE AS changed_reviews
  FOR EACH STATEMENT EXECUTE FUNCTION item_disagreement_after_review();

-- Existing items get their score now.
SELECT refresh_item_risk(array_agg(id)) FROM item HAVING count(*) > 0;
