-- A pipeline run ("run the missing stages first"): one run per stage (represent → draft →
-- revise → check), chained. chain_id is the id of the chain's first run; chain_position its
-- place in the chain (0 = first). Each item moves to the next stage as soon as its previous
-- stage is done (lib/runs/chain-next-stage.ts).
ALTER TABLE "pipeline_run" ADD COLUMN "chain_id" INTEGER, ADD COLUMN "chain_position" INTEGER;
CREATE INDEX "pipeline_run_chain_id_idx" ON "pipeline_run"("chain_id");
