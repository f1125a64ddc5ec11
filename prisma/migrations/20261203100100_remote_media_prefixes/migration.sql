-- URL prefixes a dataset's remote media may come from (lib/media/remote-media.ts). Empty: the
-- server fetches no remote media for the dataset at all.
ALTER TABLE "dataset" ADD COLUMN "remote_media_prefixes" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[];
