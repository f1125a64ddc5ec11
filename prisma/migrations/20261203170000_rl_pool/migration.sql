-- RL pool curation: difficulty (rollout) and shortcut (blind) stages, near-duplicates and
-- evaluation-set contamination, immutable releases, Parquet exports.

-- New values are only added here, never used in this transaction (PostgreSQL allows that).
ALTER TYPE "Stage" ADD VALUE IF NOT EXISTS 'rollout';
ALTER TYPE "Stage" ADD VALUE IF NOT EXISTS 'blind';
ALTER TYPE "FileFormat" ADD VALUE IF NOT EXISTS 'parquet';

-- A dataset imported as a benchmark's evaluation set: training items are checked against it.
ALTER TABLE "dataset" ADD COLUMN "is_evaluation_set" BOOLEAN NOT NULL DEFAULT false;

-- Per video: 64-bit perceptual hashes (dHash) of its sampled frames, 8 bytes each, in frame order.
ALTER TABLE "video" ADD COLUMN "frame_hashes" BYTEA,
                    ADD COLUMN "frame_hashes_at" TIMESTAMPTZ(3),
                    ADD COLUMN "frame_hash_error" TEXT;

ALTER TABLE "item"
    ADD COLUMN "rollout_k" INTEGER,
    ADD COLUMN "rollout_pass" INTEGER,
    ADD COLUMN "pass_rate" DOUBLE PRECISION,
    ADD COLUMN "rollout_mean_score" DOUBLE PRECISION,
    ADD COLUMN "rollout_model" TEXT,
    ADD COLUMN "rollout_answers" JSONB,
    ADD COLUMN "blind_k" INTEGER,
    ADD COLUMN "blind_pass" INTEGER,
    ADD COLUMN "blind_answerable" BOOLEAN,
    ADD COLUMN "blind_model" TEXT,
    ADD COLUMN "blind_answers" JSONB,
    ADD COLUMN "duplicate_cluster" INTEGER,
    ADD COLUMN "duplicate_of" INTEGER,
    ADD COLUMN "contaminated" BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN "contamination" JSONB;

CREATE INDEX "item_dataset_id_pass_rate_id_idx" ON "item"("dataset_id", "pass_rate", "id");
CREATE INDEX "item_dataset_id_blind_answerable_id_idx" ON "item"("dataset_id", "blind_answerable", "id");
CREATE INDEX "item_dataset_id_duplicate_cluster_id_idx" ON "item"("dataset_id", "duplicate_cluster", "id");
CREATE INDEX "item_dataset_id_duplicate_of_id_idx" ON "item"("dataset_id", "duplicate_of", "id");
CREATE INDEX "item_dataset_id_contaminated_id_idx" ON "item"("dataset_id", "contaminated", "id");

-- Per item: MinHash of the word shingles of question + options, and a digest of the text it
-- was computed from (a changed question is hashed again).
CREATE TABLE "question_signature" (
    "item_id" INTEGER NOT NULL,
    "text_digest" TEXT NOT NULL,
    "minhash" BYTEA NOT NULL,
    CONSTRAINT "question_signature_pkey" PRIMARY KEY ("item_id")
);
ALTER TABLE "question_signature" ADD CONSTRAINT "question_signature_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "item"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A duplicate/contamination scan of one dataset (a background job with progress).
CREATE TABLE "curation_scan" (
    "id" SERIAL NOT NULL,
    "dataset_id" INTEGER NOT NULL,
    "status" "TaskStatus" NOT NULL DEFAULT 'queued',
    "phase" TEXT NOT NULL DEFAULT '',
    "total" INTEGER NOT NULL DEFAULT 0,
    "done" INTEGER NOT NULL DEFAULT 0,
    "result" JSONB,
    "error" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    CONSTRAINT "curation_scan_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "curation_scan_dataset_id_created_at_idx" ON "curation_scan"("dataset_id", "created_at");
ALTER TABLE "curation_scan" ADD CONSTRAINT "curation_scan_dataset_id_fkey" FOREIGN KEY ("dataset_id") REFERENCES "dataset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A named, immutable export: its files, manifest, and the items and CoT versions it holds.
-- No foreign keys: a release outlives changes to (and deletion of) what it was made from.
CREATE TABLE "release" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "dataset_id" INTEGER NOT NULL,
    "dataset_name" TEXT NOT NULL,
    "options" JSONB NOT NULL DEFAULT '{}',
    "dir" TEXT NOT NULL,
    "files" JSONB NOT NULL DEFAULT '[]',
    "manifest" JSONB NOT NULL,
    "item_count" INTEGER NOT NULL DEFAULT 0,
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "release_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "release_name_key" ON "release"("name");
CREATE INDEX "release_dataset_id_created_at_idx" ON "release"("dataset_id", "created_at");

CREATE TABLE "release_item" (
    "release_id" INTEGER NOT NULL,
    "item_id" INTEGER NOT NULL,
    "cot_version_id" INTEGER,
    "review_status" TEXT NOT NULL,
    "reviewed_at" TIMESTAMPTZ(3),
    CONSTRAINT "release_item_pkey" PRIMARY KEY ("release_id", "item_id")
);
ALTER TABLE "release_item" ADD CONSTRAINT "release_item_release_id_fkey" FOREIGN KEY ("release_id") REFERENCES "release"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- Immutability is the database's rule, not only the application's: a release and its item
-- list can be inserted, never changed or deleted.
CREATE FUNCTION "release_is_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'releases are immutable (% on %)', TG_OP, TG_TABLE_NAME USING ERRCODE = 'P0001';
END
$$;
CREATE TRIGGER "release_immutable" BEFORE UPDATE OR DELETE ON "release" FOR EACH ROW EXECUTE FUNCTION "release_is_immutable"();
CREATE TRIGGER "release_item_immutable" BEFORE UPDATE OR DELETE ON "release_item" FOR EACH ROW EXECUTE FUNCTION "release_is_immutable"();
