import { sql } from 'kysely';
import type { PrismaClient } from '@/generated/prisma/client';
import { kdb } from '@/lib/db/kysely';

/** Spend of one model (within a run, or a dataset's stage), summed over the ledger. */
export type ModelSpend = {
  stage: string;
  model: string;
  /** Every HTTP attempt (or Batch API line), failed and retried ones included. */
  calls: number;
  /** Attempts that did not return a usable response (HTTP error, timeout, bad body). */
  failedCalls: number;
  /** Attempts that were retries of an earlier one. */
  retries: number;
  tokensIn: number;
  tokensOut: number;
  /** null when the endpoint has no price set: shown as "no price set", never "$0". */
  costUsd: number | null;
};

type Row = { stage: string; model: string; calls: number; failed: number; retries: number; tokens_in: bigint | number | string; tokens_out: bigint | number | string; cost: number | null; priced: number };

function toSpend(r: Row): ModelSpend {
  return {
    stage: r.stage,
    model: r.model,
    calls: r.calls,
    failedCalls: r.failed,
    retries: r.retries,
    tokensIn: Number(r.tokens_in),
    tokensOut: Number(r.tokens_out),
    costUsd: r.priced > 0 ? (r.cost ?? 0) : null,
  };
}

const COLUMNS = sql`stage::text AS stage, model, count(*)::int AS calls, count(*) FILTER (WHERE status <> 'ok')::int AS failed,
       count(*) FILTER (WHERE attempt > 1)::int AS retries, COALESCE(sum(tokens_in), 0)::bigint AS tokens_in,
       COALESCE(sum(tokens_out), 0)::bigint AS tokens_out, sum(cost_usd)::float8 AS cost, count(cost_usd)::int AS priced`;

/** A run's spend per model, from the ledger. */
export async function runSpend(db: PrismaClient, runId: number): Promise<ModelSpend[]> {
  const rows = (await sql<Row>`SELECT ${COLUMNS} FROM model_call WHERE run_id = ${runId}::int GROUP BY stage, model ORDER BY 3 DESC`.execute(kdb(db))).rows;
  return rows.map(toSpend);
}

/** A dataset's spend per stage and model, over every run, from the ledger. */
export async function datasetSpend(db: PrismaClient, datasetId: number): Promise<ModelSpend[]> {
  const rows = (await sql<Row>`SELECT ${COLUMNS} FROM model_call WHERE dataset_id = ${datasetId}::int GROUP BY stage, model ORDER BY 1, 3 DESC`.execute(kdb(db))).rows;
  return rows.map(toSpend);
}
