-- A reviewer's day: saved items-table views, per-user column layout, per-dataset review
-- guidelines, and the active time a reviewer spent on each decision.

-- Saved views: a named items-table filter + sort + column layout, private or shared with the team.
CREATE TABLE "saved_view" (
    "id" SERIAL NOT NULL,
    "dataset_id" INTEGER NOT NULL,
    "owner_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "filter" TEXT NOT NULL,
    "columns" JSONB NOT NULL DEFAULT '{}',
    "shared" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "saved_view_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "saved_view_owner_id_dataset_id_name_key" ON "saved_view"("owner_id", "dataset_id", "name");
CREATE INDEX "saved_view_dataset_id_shared_idx" ON "saved_view"("dataset_id", "shared");
ALTER TABLE "saved_view" ADD CONSTRAINT "saved_view_dataset_id_fkey" FOREIGN KEY ("dataset_id") REFERENCES "dataset"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "saved_view" ADD CONSTRAINT "saved_view_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A user's table layout (column order, hidden columns, widths), one row per user and table.
CREATE TABLE "table_layout" (
    "user_id" TEXT NOT NULL,
    "table_key" TEXT NOT NULL,
    "layout" JSONB NOT NULL DEFAULT '{}',
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "table_layout_pkey" PRIMARY KEY ("user_id", "table_key")
);
ALTER TABLE "table_layout" ADD CONSTRAINT "table_layout_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Markdown review guidelines per dataset, written by an admin.
ALTER TABLE "dataset" ADD COLUMN "guidelines" TEXT NOT NULL DEFAULT '';
ALTER TABLE "dataset" ADD COLUMN "guidelines_updated_at" TIMESTAMPTZ(3);
ALTER TABLE "dataset" ADD COLUMN "guidelines_updated_by_id" TEXT;

-- Active time on the item before the decision (visible tab + recent input), capped.
ALTER TABLE "review" ADD COLUMN "active_ms" INTEGER;
