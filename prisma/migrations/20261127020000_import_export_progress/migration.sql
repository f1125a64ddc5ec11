-- Import progress and outcome: the dataset to create, bytes read of the file, the report.
ALTER TABLE "import" ADD COLUMN "options" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN "bytes_total" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN "bytes_read" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN "report" JSONB,
ADD COLUMN "started_at" TIMESTAMPTZ(3);

ALTER TABLE "export" ADD COLUMN "started_at" TIMESTAMPTZ(3);
