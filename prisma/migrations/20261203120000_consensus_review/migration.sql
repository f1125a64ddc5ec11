-- Consensus review (several reviewers per item), adjudication and the "next for me" queue.

-- An item whose reviewers' decisions disagree waits for an admin's adjudication.
ALTER TYPE "ReviewStatus" ADD VALUE IF NOT EXISTS 'needs_adjudication';

-- How an assignment's N decisions settle an item: 'unanimous' (all N agree) or 'majority'.
-- items_frozen_at: when the assignment's items (assignment_item) were taken from its filter.
ALTER TABLE "assignment" ADD COLUMN "consensus_rule" TEXT NOT NULL DEFAULT 'unanimous',
                         ADD COLUMN "items_frozen_at" TIMESTAMPTZ(3);

-- The reviewers' votes on an item under a consensus assignment ({reviewerId: "accepted:<versionId>" | "rejected"}),
-- kept on the item row so a decision reads and writes them under the row's lock, and when an admin settled it.
ALTER TABLE "item" ADD COLUMN "votes" JSONB,
                   ADD COLUMN "adjudicated_at" TIMESTAMPTZ(3);

-- A review row that is a reviewer's vote (it counts towards consensus), or an admin's adjudication.
ALTER TABLE "review" ADD COLUMN "vote" BOOLEAN NOT NULL DEFAULT false,
                     ADD COLUMN "adjudication" BOOLEAN NOT NULL DEFAULT false;

-- The items of an assignment, frozen when it is created (like a bulk action's item ids), so a
-- decided item stays in it whatever its filter says about status.
CREATE TABLE "assignment_item" (
    "assignment_id" INTEGER NOT NULL,
    "item_id" INTEGER NOT NULL,
    CONSTRAINT "assignment_item_pkey" PRIMARY KEY ("assignment_id", "item_id")
);
CREATE INDEX "assignment_item_item_id_idx" ON "assignment_item"("item_id");
ALTER TABLE "assignment_item" ADD CONSTRAINT "assignment_item_assignment_id_fkey" FOREIGN KEY ("assignment_id") REFERENCES "assignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "assignment_item" ADD CONSTRAINT "assignment_item_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "item"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- One live claim per item at most (the primary key makes claiming race-free): a reviewer's
-- lease on an item served by their queue, until expires_at.
CREATE TABLE "item_claim" (
    "item_id" INTEGER NOT NULL,
    "reviewer_id" TEXT NOT NULL,
    "assignment_id" INTEGER NOT NULL,
    "claimed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "item_claim_pkey" PRIMARY KEY ("item_id")
);
CREATE INDEX "item_claim_reviewer_id_expires_at_idx" ON "item_claim"("reviewer_id", "expires_at");
ALTER TABLE "item_claim" ADD CONSTRAINT "item_claim_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "item"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "item_claim" ADD CONSTRAINT "item_claim_reviewer_id_fkey" FOREIGN KEY ("reviewer_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "item_claim" ADD CONSTRAINT "item_claim_assignment_id_fkey" FOREIGN KEY ("assignment_id") REFERENCES "assignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Bulk accepts: how many of the matched items have a failing answer check (left out unless included).
ALTER TABLE "bulk_action" ADD COLUMN "mismatched" INTEGER NOT NULL DEFAULT 0;
