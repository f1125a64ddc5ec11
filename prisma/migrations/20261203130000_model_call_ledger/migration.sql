-- Runs at dataset scale: an append-only ledger of every model-call attempt, a counter epoch
-- (live counters never outrun a reconciliation), and workers marked gone when found dead.

-- CreateTable
CREATE TABLE "model_call" (
    "id" BIGSERIAL NOT NULL,
    "run_id" INTEGER NOT NULL,
    "result_id" INTEGER,
    "dataset_id" INTEGER NOT NULL,
    "stage" "Stage" NOT NULL,
    "model" TEXT NOT NULL,
    "endpoint_key" TEXT NOT NULL,
    "mode" TEXT NOT NULL DEFAULT 'live',
    "attempt" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "http_status" INTEGER,
    "tokens_in" INTEGER NOT NULL DEFAULT 0,
    "tokens_out" INTEGER NOT NULL DEFAULT 0,
    "latency_ms" INTEGER NOT NULL DEFAULT 0,
    "cost_usd" DOUBLE PRECISION,
    "error" TEXT,
    "raw_body" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "model_call_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "model_call_run_id_model_idx" ON "model_call"("run_id", "model");

-- CreateIndex
CREATE INDEX "model_call_dataset_id_stage_model_idx" ON "model_call"("dataset_id", "stage", "model");

-- AlterTable
ALTER TABLE "pipeline_run" ADD COLUMN "count_epoch" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "worker_heartbeat" ADD COLUMN "gone_at" TIMESTAMPTZ(3);
