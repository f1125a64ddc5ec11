-- "Next for me" in risk order (lib/review-queue/queue-order.ts: risk_score DESC, id DESC): a
-- reviewer's assignments span datasets, so the per-dataset (dataset_id, risk_score, id) index
-- does not serve it; this one does (read backwards for the descending order).
CREATE INDEX "item_risk_score_id_idx" ON "item"("risk_score", "id");
