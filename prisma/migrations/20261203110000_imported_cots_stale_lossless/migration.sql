-- Imported CoTs are first-class, re-imports mark decisions stale, unknown fields round-trip
-- byte-for-value (issue 11, import/export half).

-- The unknown fields' raw JSON text (values exactly as the file spelled them: big integers,
-- 1.0, 1E2, -0.0, nested key order), kept only when jsonb would change them; NULL otherwise.
ALTER TABLE "item" ADD COLUMN "extra_raw" TEXT;

-- Why the item is back to pending (e.g. "source changed since the decision"); NULL when not stale.
ALTER TABLE "item" ADD COLUMN "stale_reason" TEXT;
CREATE INDEX "item_dataset_id_stale_reason_id_idx" ON "item"("dataset_id", "stale_reason", "id");

-- Any decision (single, bulk, accept-the-rest, adjudication, whatever path writes it) clears the
-- stale mark: the item has been looked at again. A trigger, so no decision path can forget it.
CREATE FUNCTION item_clear_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.stale_reason := NULL;
  RETURN NEW;
END $$;
CREATE TRIGGER item_clear_stale_on_decision
  BEFORE UPDATE OF review_status ON "item"
  FOR EACH ROW
  WHEN (NEW.stale_reason IS NOT NULL AND NEW.review_status <> 'pending')
  EXECUTE FUNCTION item_clear_stale();

-- Imported CoTs used to be stored as process + "\n" + solution even when process carried its
-- own <answer>, repeating the answer. Store them once: the process alone. (The stored answer,
-- score and format flag were read from the first <answer>, the process's own, so they stand.)
UPDATE "cot_version" c
   SET "text" = left(c."text", length(c."text") - length(i."solution") - 1)
  FROM "item" i
 WHERE i."id" = c."item_id" AND c."kind" = 'imported'
   AND right(c."text", length(i."solution") + 1) = E'\n' || i."solution"
   AND strpos(left(c."text", length(c."text") - length(i."solution") - 1), '<answer>') > 0;

-- A CoT with two <answer> blocks fails the format check.
UPDATE "cot_version" SET "format_ok" = false
 WHERE "kind" = 'imported' AND "format_ok" AND "text" LIKE '%<answer>%<answer>%';

-- Items whose only CoT is imported get it as their draft, so the review page, bulk accept,
-- sampling and accept-the-rest work on it like on a generated draft.
UPDATE "item" i
   SET "current_draft_id" = c."id", "draft_score" = c."answer_score", "draft_correct" = c."answer_correct",
       "cot_length" = CASE WHEN i."current_revision_id" IS NULL THEN length(c."text") ELSE i."cot_length" END
  FROM (SELECT DISTINCT ON ("item_id") "id", "item_id", "answer_score", "answer_correct", "text"
          FROM "cot_version" WHERE "kind" = 'imported' ORDER BY "item_id", "id" DESC) c
 WHERE c."item_id" = i."id" AND i."current_draft_id" IS NULL;
