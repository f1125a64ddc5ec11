-- Pipeline: filter verdicts, consistency scores, run counters, and model endpoint limits.

-- AlterTable
ALTER TABLE "item" ADD COLUMN "verdict" TEXT,
ADD COLUMN "verdict_reason" TEXT,
ADD COLUMN "checked_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "cot_version" ADD COLUMN "consistency_score" DOUBLE PRECISION,
ADD COLUMN "consistency_model" TEXT;

-- AlterTable
ALTER TABLE "pipeline_run" ADD COLUMN "cancelled" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "note" TEXT;

-- CreateTable
CREATE TABLE "model_slot" (
    "limiter_key" TEXT NOT NULL,
    "slot" INTEGER NOT NULL,
    "holder" TEXT,
    "expires_at" TIMESTAMPTZ(3),

    CONSTRAINT "model_slot_pkey" PRIMARY KEY ("limiter_key","slot")
);

-- CreateTable
CREATE TABLE "model_rate" (
    "limiter_key" TEXT NOT NULL,
    "tokens" DOUBLE PRECISION NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "model_rate_pkey" PRIMARY KEY ("limiter_key")
);

-- CreateIndex
CREATE INDEX "item_dataset_id_verdict_id_idx" ON "item"("dataset_id", "verdict", "id");

-- CreateIndex
CREATE INDEX "stage_result_run_id_finished_at_idx" ON "stage_result"("run_id", "finished_at");
