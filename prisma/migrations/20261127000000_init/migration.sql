-- CreateEnum
CREATE TYPE "Role" AS ENUM ('admin', 'reviewer');
CREATE TYPE "ProblemType" AS ENUM ('multiple choice', 'numerical', 'OCR', 'free-form', 'regression');
CREATE TYPE "DataType" AS ENUM ('video', 'image');
CREATE TYPE "CotKind" AS ENUM ('draft', 'revision', 'edit', 'imported');
CREATE TYPE "ReviewStatus" AS ENUM ('pending', 'accepted', 'rejected', 'skipped');
CREATE TYPE "Stage" AS ENUM ('represent', 'draft', 'revise', 'check', 'consistency');
CREATE TYPE "RunStatus" AS ENUM ('queued', 'running', 'completed', 'cancelled', 'failed');
CREATE TYPE "ResultStatus" AS ENUM ('pending', 'running', 'done', 'failed', 'skipped', 'cancelled');
CREATE TYPE "ExportFormat" AS ENUM ('sft', 'rl', 'sharegpt');
CREATE TYPE "FileFormat" AS ENUM ('jsonl', 'json');
CREATE TYPE "TaskStatus" AS ENUM ('queued', 'running', 'completed', 'failed', 'cancelled');

-- CreateTable
CREATE TABLE "user" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "email_verified" BOOLEAN NOT NULL DEFAULT false,
    "image" TEXT,
    "role" "Role" NOT NULL DEFAULT 'reviewer',
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "user_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "dataset" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "media_root" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "dataset_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "video" (
    "id" SERIAL NOT NULL,
    "dataset_id" INTEGER NOT NULL,
    "path" TEXT NOT NULL,
    "data_type" "DataType" NOT NULL DEFAULT 'video',
    "duration_sec" DOUBLE PRECISION,
    "fps" DOUBLE PRECISION,
    "width" INTEGER,
    "height" INTEGER,
    "frame_count" INTEGER,
    "probed_at" TIMESTAMPTZ(3),
    "probe_error" TEXT,
    "representation" JSONB,
    "representation_model" TEXT,
    "representation_prompt_version" TEXT,
    "representation_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "video_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "item" (
    "id" SERIAL NOT NULL,
    "dataset_id" INTEGER NOT NULL,
    "video_id" INTEGER,
    "problem_id" TEXT NOT NULL,
    "problem_id_is_number" BOOLEAN NOT NULL DEFAULT false,
    "problem" TEXT NOT NULL,
    "options" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "problem_type" "ProblemType" NOT NULL,
    "data_type" "DataType" NOT NULL,
    "path" TEXT NOT NULL,
    "data_source" TEXT NOT NULL DEFAULT '',
    "solution" TEXT NOT NULL,
    "ground_truth" TEXT NOT NULL DEFAULT '',
    "extra" JSONB NOT NULL DEFAULT '{}',
    "field_order" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "source_index" INTEGER NOT NULL DEFAULT 0,
    "review_status" "ReviewStatus" NOT NULL DEFAULT 'pending',
    "accepted_version_id" INTEGER,
    "reviewed_by_id" TEXT,
    "reviewed_at" TIMESTAMPTZ(3),
    "rev" INTEGER NOT NULL DEFAULT 0,
    "current_draft_id" INTEGER,
    "current_revision_id" INTEGER,
    "draft_score" DOUBLE PRECISION,
    "draft_correct" BOOLEAN,
    "revision_score" DOUBLE PRECISION,
    "revision_correct" BOOLEAN,
    "consistency_score" DOUBLE PRECISION,
    "cot_length" INTEGER,
    "last_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "item_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "cot_version" (
    "id" SERIAL NOT NULL,
    "item_id" INTEGER NOT NULL,
    "kind" "CotKind" NOT NULL,
    "text" TEXT NOT NULL,
    "think" TEXT,
    "answer" TEXT,
    "reasoning_content" TEXT,
    "format_ok" BOOLEAN,
    "answer_score" DOUBLE PRECISION,
    "answer_correct" BOOLEAN,
    "model" TEXT,
    "prompt_version" TEXT,
    "params" JSONB,
    "tokens_in" INTEGER,
    "tokens_out" INTEGER,
    "latency_ms" INTEGER,
    "cost_usd" DOUBLE PRECISION,
    "raw_output" JSONB,
    "parent_version_id" INTEGER,
    "run_id" INTEGER,
    "author_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "cot_version_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "review" (
    "id" SERIAL NOT NULL,
    "item_id" INTEGER NOT NULL,
    "status" "ReviewStatus" NOT NULL,
    "chosen_version_id" INTEGER,
    "reviewer_id" TEXT,
    "reason" TEXT,
    "item_rev" INTEGER NOT NULL,
    "previous_status" "ReviewStatus" NOT NULL,
    "previous_version_id" INTEGER,
    "bulk_action_id" INTEGER,
    "undone_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "review_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "pipeline_run" (
    "id" SERIAL NOT NULL,
    "dataset_id" INTEGER NOT NULL,
    "stage" "Stage" NOT NULL,
    "status" "RunStatus" NOT NULL DEFAULT 'queued',
    "filter" JSONB NOT NULL DEFAULT '{}',
    "model_config" JSONB NOT NULL DEFAULT '{}',
    "prompt_version" TEXT,
    "force" BOOLEAN NOT NULL DEFAULT false,
    "total" INTEGER NOT NULL DEFAULT 0,
    "done" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "tokens_in" BIGINT NOT NULL DEFAULT 0,
    "tokens_out" BIGINT NOT NULL DEFAULT 0,
    "cost_usd" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "error" TEXT,
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    CONSTRAINT "pipeline_run_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "stage_result" (
    "id" SERIAL NOT NULL,
    "run_id" INTEGER NOT NULL,
    "stage" "Stage" NOT NULL,
    "item_id" INTEGER,
    "video_id" INTEGER,
    "status" "ResultStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "raw_output" TEXT,
    "output_version_id" INTEGER,
    "tokens_in" INTEGER,
    "tokens_out" INTEGER,
    "latency_ms" INTEGER,
    "cost_usd" DOUBLE PRECISION,
    "data" JSONB,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    CONSTRAINT "stage_result_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "import" (
    "id" SERIAL NOT NULL,
    "dataset_id" INTEGER,
    "source" TEXT NOT NULL,
    "mode" TEXT NOT NULL DEFAULT 'all_or_nothing',
    "status" "TaskStatus" NOT NULL DEFAULT 'queued',
    "total" INTEGER NOT NULL DEFAULT 0,
    "processed" INTEGER NOT NULL DEFAULT 0,
    "inserted" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "rejected" INTEGER NOT NULL DEFAULT 0,
    "errors" JSONB NOT NULL DEFAULT '[]',
    "error" TEXT,
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    CONSTRAINT "import_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "export" (
    "id" SERIAL NOT NULL,
    "dataset_id" INTEGER,
    "format" "ExportFormat" NOT NULL,
    "file_format" "FileFormat" NOT NULL DEFAULT 'jsonl',
    "filter" JSONB NOT NULL DEFAULT '{}',
    "options" JSONB NOT NULL DEFAULT '{}',
    "status" "TaskStatus" NOT NULL DEFAULT 'queued',
    "total" INTEGER NOT NULL DEFAULT 0,
    "written" INTEGER NOT NULL DEFAULT 0,
    "file_path" TEXT,
    "sha256" TEXT,
    "manifest" JSONB,
    "error" TEXT,
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    CONSTRAINT "export_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "audit_event" (
    "id" SERIAL NOT NULL,
    "actor_id" TEXT,
    "action" TEXT NOT NULL,
    "subject_type" TEXT NOT NULL,
    "subject_id" TEXT,
    "data" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "audit_event_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "worker_heartbeat" (
    "id" TEXT NOT NULL,
    "hostname" TEXT NOT NULL,
    "pid" INTEGER NOT NULL,
    "stages" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "active_jobs" INTEGER NOT NULL DEFAULT 0,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "worker_heartbeat_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "user_email_key" ON "user"("email");
CREATE UNIQUE INDEX "dataset_name_key" ON "dataset"("name");
CREATE UNIQUE INDEX "video_dataset_id_path_key" ON "video"("dataset_id", "path");
CREATE UNIQUE INDEX "item_dataset_id_problem_id_key" ON "item"("dataset_id", "problem_id");
CREATE INDEX "item_dataset_id_id_idx" ON "item"("dataset_id", "id");
CREATE INDEX "item_dataset_id_review_status_id_idx" ON "item"("dataset_id", "review_status", "id");
CREATE INDEX "item_dataset_id_problem_type_id_idx" ON "item"("dataset_id", "problem_type", "id");
CREATE INDEX "item_dataset_id_data_source_id_idx" ON "item"("dataset_id", "data_source", "id");
CREATE INDEX "item_dataset_id_updated_at_id_idx" ON "item"("dataset_id", "updated_at", "id");
CREATE INDEX "item_video_id_idx" ON "item"("video_id");
CREATE INDEX "cot_version_item_id_created_at_idx" ON "cot_version"("item_id", "created_at");
CREATE INDEX "cot_version_run_id_idx" ON "cot_version"("run_id");
CREATE INDEX "review_item_id_created_at_idx" ON "review"("item_id", "created_at");
CREATE INDEX "review_reviewer_id_created_at_idx" ON "review"("reviewer_id", "created_at");
CREATE INDEX "review_bulk_action_id_idx" ON "review"("bulk_action_id");
CREATE INDEX "pipeline_run_created_at_idx" ON "pipeline_run"("created_at");
CREATE INDEX "pipeline_run_dataset_id_created_at_idx" ON "pipeline_run"("dataset_id", "created_at");
CREATE UNIQUE INDEX "stage_result_run_id_item_id_key" ON "stage_result"("run_id", "item_id");
CREATE UNIQUE INDEX "stage_result_run_id_video_id_key" ON "stage_result"("run_id", "video_id");
CREATE INDEX "stage_result_run_id_status_idx" ON "stage_result"("run_id", "status");
CREATE INDEX "stage_result_item_id_idx" ON "stage_result"("item_id");
CREATE INDEX "stage_result_video_id_idx" ON "stage_result"("video_id");
CREATE INDEX "import_created_at_idx" ON "import"("created_at");
CREATE INDEX "export_created_at_idx" ON "export"("created_at");
CREATE INDEX "audit_event_created_at_idx" ON "audit_event"("created_at");
CREATE INDEX "audit_event_actor_id_created_at_idx" ON "audit_event"("actor_id", "created_at");
CREATE INDEX "audit_event_action_created_at_idx" ON "audit_event"("action", "created_at");
CREATE INDEX "audit_event_subject_type_subject_id_idx" ON "audit_event"("subject_type", "subject_id");
CREATE INDEX "worker_heartbeat_last_seen_at_idx" ON "worker_heartbeat"("last_seen_at");

-- AddForeignKey
ALTER TABLE "video" ADD CONSTRAINT "video_dataset_id_fkey" FOREIGN KEY ("dataset_id") REFERENCES "dataset"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "item" ADD CONSTRAINT "item_dataset_id_fkey" FOREIGN KEY ("dataset_id") REFERENCES "dataset"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "item" ADD CONSTRAINT "item_video_id_fkey" FOREIGN KEY ("video_id") REFERENCES "video"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "cot_version" ADD CONSTRAINT "cot_version_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "item"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "cot_version" ADD CONSTRAINT "cot_version_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "cot_version" ADD CONSTRAINT "cot_version_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "pipeline_run"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "review" ADD CONSTRAINT "review_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "item"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "review" ADD CONSTRAINT "review_reviewer_id_fkey" FOREIGN KEY ("reviewer_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "pipeline_run" ADD CONSTRAINT "pipeline_run_dataset_id_fkey" FOREIGN KEY ("dataset_id") REFERENCES "dataset"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "pipeline_run" ADD CONSTRAINT "pipeline_run_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "stage_result" ADD CONSTRAINT "stage_result_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "pipeline_run"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "stage_result" ADD CONSTRAINT "stage_result_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "item"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "stage_result" ADD CONSTRAINT "stage_result_video_id_fkey" FOREIGN KEY ("video_id") REFERENCES "video"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "import" ADD CONSTRAINT "import_dataset_id_fkey" FOREIGN KEY ("dataset_id") REFERENCES "dataset"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "import" ADD CONSTRAINT "import_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "export" ADD CONSTRAINT "export_dataset_id_fkey" FOREIGN KEY ("dataset_id") REFERENCES "dataset"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "export" ADD CONSTRAINT "export_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "audit_event" ADD CONSTRAINT "audit_event_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
