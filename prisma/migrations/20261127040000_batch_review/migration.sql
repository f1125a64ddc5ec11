-- Batch review: indexes for every items-table filter and sort, text search, bulk actions
-- with undo, acceptance samples.

-- pg_trgm lets ILIKE '%…%' use a GIN index. It ships with PostgreSQL's contrib (present in the
-- embedded server and Debian's postgresql package) and is a trusted extension. It lives in its
-- own schema so the index definitions below can name its operator class without naming
-- "public" (the drift test replays migrations into a scratch schema).
CREATE SCHEMA IF NOT EXISTS "extensions";
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA "extensions";

-- CreateEnum
CREATE TYPE "BulkActionType" AS ENUM ('accept', 'reject', 'send_back');
CREATE TYPE "BulkActionState" AS ENUM ('prepared', 'applied', 'undone');
CREATE TYPE "SampleState" AS ENUM ('open', 'accepted', 'closed');

-- CreateTable
CREATE TABLE "bulk_action" (
    "id" SERIAL NOT NULL,
    "dataset_id" INTEGER NOT NULL,
    "type" "BulkActionType" NOT NULL,
    "params" JSONB NOT NULL DEFAULT '{}',
    "selection" JSONB NOT NULL DEFAULT '{}',
    "item_ids" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "count" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "state" "BulkActionState" NOT NULL DEFAULT 'prepared',
    "sample_id" INTEGER,
    "restored" INTEGER,
    "conflicts" INTEGER,
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "applied_by_id" TEXT,
    "applied_at" TIMESTAMPTZ(3),
    "undone_by_id" TEXT,
    "undone_at" TIMESTAMPTZ(3),
    CONSTRAINT "bulk_action_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "bulk_action_item" (
    "bulk_action_id" INTEGER NOT NULL,
    "item_id" INTEGER NOT NULL,
    "applied_rev" INTEGER NOT NULL,
    "prev_status" "ReviewStatus" NOT NULL,
    "prev_accepted_version_id" INTEGER,
    "prev_reviewed_by_id" TEXT,
    "prev_reviewed_at" TIMESTAMPTZ(3),
    "prev_current_draft_id" INTEGER,
    "prev_current_revision_id" INTEGER,
    "prev_draft_score" DOUBLE PRECISION,
    "prev_draft_correct" BOOLEAN,
    "prev_revision_score" DOUBLE PRECISION,
    "prev_revision_correct" BOOLEAN,
    "prev_consistency_score" DOUBLE PRECISION,
    "prev_cot_length" INTEGER,
    "prev_last_error" TEXT,
    CONSTRAINT "bulk_action_item_pkey" PRIMARY KEY ("bulk_action_id", "item_id")
);

CREATE TABLE "acceptance_sample" (
    "id" SERIAL NOT NULL,
    "dataset_id" INTEGER NOT NULL,
    "filter" TEXT NOT NULL,
    "confidence" DOUBLE PRECISION NOT NULL,
    "margin" DOUBLE PRECISION NOT NULL,
    "bar" DOUBLE PRECISION NOT NULL,
    "seed" TEXT NOT NULL,
    "population" INTEGER NOT NULL,
    "size" INTEGER NOT NULL,
    "state" "SampleState" NOT NULL DEFAULT 'open',
    "decision" JSONB,
    "bulk_action_id" INTEGER,
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decided_by_id" TEXT,
    "decided_at" TIMESTAMPTZ(3),
    CONSTRAINT "acceptance_sample_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "acceptance_sample_item" (
    "sample_id" INTEGER NOT NULL,
    "item_id" INTEGER NOT NULL,
    CONSTRAINT "acceptance_sample_item_pkey" PRIMARY KEY ("sample_id", "item_id")
);

-- CreateIndex
CREATE INDEX "item_dataset_id_draft_score_id_idx" ON "item"("dataset_id", "draft_score", "id");
CREATE INDEX "item_dataset_id_revision_score_id_idx" ON "item"("dataset_id", "revision_score", "id");
CREATE INDEX "item_dataset_id_consistency_score_id_idx" ON "item"("dataset_id", "consistency_score", "id");
CREATE INDEX "item_dataset_id_cot_length_id_idx" ON "item"("dataset_id", "cot_length", "id");
CREATE INDEX "item_dataset_id_draft_correct_id_idx" ON "item"("dataset_id", "draft_correct", "id");
CREATE INDEX "item_dataset_id_revision_correct_id_idx" ON "item"("dataset_id", "revision_correct", "id");
CREATE INDEX "item_dataset_id_reviewed_by_id_id_idx" ON "item"("dataset_id", "reviewed_by_id", "id");
CREATE INDEX "item_dataset_id_current_draft_id_id_idx" ON "item"("dataset_id", "current_draft_id", "id");
CREATE INDEX "item_dataset_id_current_revision_id_id_idx" ON "item"("dataset_id", "current_revision_id", "id");
CREATE INDEX "item_problem_idx" ON "item" USING GIN ("problem" "extensions".gin_trgm_ops);
CREATE INDEX "cot_version_text_idx" ON "cot_version" USING GIN ("text" "extensions".gin_trgm_ops);
CREATE INDEX "bulk_action_dataset_id_created_at_idx" ON "bulk_action"("dataset_id", "created_at");
CREATE INDEX "acceptance_sample_dataset_id_created_at_idx" ON "acceptance_sample"("dataset_id", "created_at");
CREATE INDEX "acceptance_sample_item_item_id_idx" ON "acceptance_sample_item"("item_id");

-- AddForeignKey
ALTER TABLE "bulk_action" ADD CONSTRAINT "bulk_action_dataset_id_fkey" FOREIGN KEY ("dataset_id") REFERENCES "dataset"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "acceptance_sample" ADD CONSTRAINT "acceptance_sample_dataset_id_fkey" FOREIGN KEY ("dataset_id") REFERENCES "dataset"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "acceptance_sample_item" ADD CONSTRAINT "acceptance_sample_item_sample_id_fkey" FOREIGN KEY ("sample_id") REFERENCES "acceptance_sample"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "acceptance_sample_item" ADD CONSTRAINT "acceptance_sample_item_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "item"("id") ON DELETE CASCADE ON UPDATE CASCADE;
