-- OpenAI Batch API mode: a run is sent live (one request at a time) or as Batch API files.
ALTER TABLE "pipeline_run" ADD COLUMN "mode" TEXT NOT NULL DEFAULT 'live',
                           -- A batch tick holds the run until then (one tick at a time per run; a dead
                           -- worker's hold runs out and another worker continues).
                           ADD COLUMN "batch_lease_until" TIMESTAMPTZ(3);

-- One provider batch (one uploaded JSONL file) of a batch-mode run.
CREATE TABLE "model_batch" (
    "id" SERIAL NOT NULL,
    "run_id" INTEGER NOT NULL,
    "stage" "Stage" NOT NULL,
    -- The file's part number within the run's submission round, and the request file's size.
    "part" INTEGER NOT NULL DEFAULT 0,
    "bytes" INTEGER NOT NULL DEFAULT 0,
    -- uploading | validating | in_progress | finalizing | completed | expired | cancelling | cancelled | failed
    -- (the provider's), then 'ingested' once its output and error files are saved.
    "state" TEXT NOT NULL DEFAULT 'uploading',
    "provider_batch_id" TEXT,
    "input_file_id" TEXT,
    "output_file_id" TEXT,
    "error_file_id" TEXT,
    "request_count" INTEGER NOT NULL DEFAULT 0,
    "done_count" INTEGER NOT NULL DEFAULT 0,
    "failed_count" INTEGER NOT NULL DEFAULT 0,
    -- The batch whose missing results this one resubmits (null: a first submission).
    "resubmission_of" INTEGER,
    -- How many submissions its requests have had before this one (0 for a first submission).
    "generation" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ingested_at" TIMESTAMPTZ(3),

    CONSTRAINT "model_batch_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "model_batch_run_id_state_idx" ON "model_batch"("run_id", "state");
ALTER TABLE "model_batch" ADD CONSTRAINT "model_batch_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "pipeline_run"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- One request line of a batch file: custom_id = "r<result id>-a<attempt>". The claim and the
-- request's facts are kept so the reply is parsed and saved as the request was built.
CREATE TABLE "model_batch_request" (
    "custom_id" TEXT NOT NULL,
    "batch_id" INTEGER NOT NULL,
    "result_id" INTEGER NOT NULL,
    "attempt" INTEGER NOT NULL,
    "claim" JSONB NOT NULL,
    "facts" JSONB NOT NULL DEFAULT '{}',
    -- When its output or error line was first read (a line read again changes nothing).
    "answered_at" TIMESTAMPTZ(3),

    CONSTRAINT "model_batch_request_pkey" PRIMARY KEY ("custom_id")
);
CREATE INDEX "model_batch_request_batch_id_idx" ON "model_batch_request"("batch_id");
CREATE INDEX "model_batch_request_result_id_idx" ON "model_batch_request"("result_id");
ALTER TABLE "model_batch_request" ADD CONSTRAINT "model_batch_request_batch_id_fkey" FOREIGN KEY ("batch_id") REFERENCES "model_batch"("id") ON DELETE CASCADE ON UPDATE CASCADE;
