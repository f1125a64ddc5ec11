-- Import progress and outcome: the dataset to create, bytes read of the file, the report,
-- job attempts (a job that keeps failing ends as failed instead of queued forever).
ALTER TABLE "import" ADD COLUMN "options" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN "bytes_total" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN "bytes_read" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN "report" JSONB,
ADD COLUMN "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "started_at" TIMESTAMPTZ(3);

-- Export progress: job attempts, when the current one started.
ALTER TABLE "export" ADD COLUMN "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "started_at" TIMESTAMPTZ(3);
