import { sql } from 'kysely';
import type { PrismaClient } from '@/generated/prisma/client';
import { kdb, type PrismaDb } from '@/lib/db/kysely';
import type { Stage } from '@/generated/prisma/enums';
import { endpointKey } from '../../models/endpoint-key';
import type { ModelEndpoint } from '../../models/model-config';
import type { AttemptOutcome } from '../../models/retry';

/** One model-call attempt as the ledger (model_call) keeps it. */
export type ModelCallRow = {
  runId: number;
  resultId: number | null;
  datasetId: number;
  stage: Stage;
  model: string;
  endpointKey: string;
  mode: 'live' | 'batch';
  attempt: number;
  status: string;
  httpStatus: number | null;
  tokensIn: number;
  tokensOut: number;
  latencyMs: number;
  /** null = the endpoint has no price set (shown as "no price set", never "$0"). */
  costUsd: number | null;
  error: string | null;
  rawBody: string | null;
};

const RAW_MAX = 200_000;
const ERROR_MAX = 2_000;

/** An endpoint with neither price set cannot say what a call cost. */
export function priced(e: Pick<ModelEndpoint, 'priceInputPerMTok' | 'priceOutputPerMTok'>): boolean {
  return e.priceInputPerMTok > 0 || e.priceOutputPerMTok > 0;
}

export function costOf(e: Pick<ModelEndpoint, 'priceInputPerMTok' | 'priceOutputPerMTok'>, tokensIn: number, tokensOut: number): number | null {
  return priced(e) ? (tokensIn * e.priceInputPerMTok + tokensOut * e.priceOutputPerMTok) / 1_000_000 : null;
}

/** Usage a body reports even when it was not what we expected (billed all the same). */
export function usageInBody(raw: string | null): { tokensIn: number; tokensOut: number } {
  if (!raw || raw.length > 5_000_000) return { tokensIn: 0, tokensOut: 0 };
  try {
    const u = (JSON.parse(raw) as { usage?: { prompt_tokens?: unknown; completion_tokens?: unknown } } | null)?.usage;
    const n = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? x : 0);
    return { tokensIn: n(u?.prompt_tokens), tokensOut: n(u?.completion_tokens) };
  } catch {
    return { tokensIn: 0, tokensOut: 0 };
  }
}

/** The ledger row of one live HTTP attempt. */
export function attemptRow(
  a: AttemptOutcome,
  o: { runId: number; resultId: number | null; datasetId: number; stage: Stage; endpoint: ModelEndpoint; mode?: 'live' | 'batch' },
): ModelCallRow {
  const usage = a.ok ? { tokensIn: a.tokensIn, tokensOut: a.tokensOut } : usageInBody(a.error.raw);
  return {
    runId: o.runId,
    resultId: o.resultId,
    datasetId: o.datasetId,
    stage: o.stage,
    model: o.endpoint.model,
    endpointKey: endpointKey(o.endpoint),
    mode: o.mode ?? 'live',
    attempt: a.attempt,
    status: a.ok ? 'ok' : a.error.kind,
    httpStatus: a.ok ? 200 : a.error.status,
    ...usage,
    latencyMs: a.latencyMs,
    costUsd: costOf(o.endpoint, usage.tokensIn, usage.tokensOut),
    error: a.ok ? null : a.error.message,
    rawBody: a.ok ? a.raw : a.error.raw,
  };
}

/**
 * The worker's side of the append-only spend ledger. Attempts are buffered and written in
 * one statement per flush (about a second, or `maxRows`), which also adds their tokens and
 * cost to their runs' totals — so a run's totals always equal the sum of its ledger rows.
 * A worker killed with kill -9 loses at most its unflushed attempts (at most ~1 s of calls).
 */
export class ModelCallLedger {
  private rows: ModelCallRow[] = [];
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: PrismaClient,
    private readonly maxRows = 500,
  ) {}

  record(row: ModelCallRow): void {
    this.rows.push(row);
    if (this.rows.length >= this.maxRows) void this.flush().catch(() => {});
  }

  get pending(): number {
    return this.rows.length;
  }

  /** Writes everything recorded so far (chained: concurrent callers wait for one another). */
  flush(): Promise<void> {
    this.flushing = this.flushing.catch(() => {}).then(() => this.write());
    return this.flushing;
  }

  private async write(): Promise<void> {
    const rows = this.rows.splice(0);
    if (rows.length === 0) return;
    try {
      await writeModelCalls(this.db, rows);
    } catch (e) {
      // Kept for the next flush: the ledger must not lose a billed call to a database blip.
      this.rows.unshift(...rows);
      throw e;
    }
  }
}

/** Appends ledger rows and adds them to their runs' totals, in one statement. */
export async function writeModelCalls(db: PrismaDb, rows: ModelCallRow[]): Promise<void> {
  if (rows.length === 0) return;
  const col = <K extends keyof ModelCallRow>(k: K) => rows.map((r) => r[k]);
  await sql`WITH ins AS (
       INSERT INTO model_call (run_id, result_id, dataset_id, stage, model, endpoint_key, mode, attempt, status, http_status,
                               tokens_in, tokens_out, latency_ms, cost_usd, error, raw_body)
       SELECT * FROM unnest(${col('runId')}::int[], ${col('resultId')}::int[], ${col('datasetId')}::int[], ${col('stage')}::"Stage"[], ${col('model')}::text[],
                            ${col('endpointKey')}::text[], ${col('mode')}::text[], ${col('attempt')}::int[], ${col('status')}::text[], ${col('httpStatus')}::int[],
                            ${col('tokensIn')}::int[], ${col('tokensOut')}::int[], ${col('latencyMs')}::int[], ${col('costUsd')}::float8[],
                            ${rows.map((r) => r.error?.slice(0, ERROR_MAX) ?? null)}::text[], ${rows.map((r) => r.rawBody?.slice(0, RAW_MAX) ?? null)}::text[])
       RETURNING run_id, tokens_in, tokens_out, cost_usd
     ), per_run AS (
       SELECT run_id, sum(tokens_in) AS tokens_in, sum(tokens_out) AS tokens_out, COALESCE(sum(cost_usd), 0) AS cost_usd FROM ins GROUP BY run_id
     )
     UPDATE pipeline_run p SET tokens_in = p.tokens_in + s.tokens_in, tokens_out = p.tokens_out + s.tokens_out, cost_usd = p.cost_usd + s.cost_usd
       FROM per_run s WHERE p.id = s.run_id`.execute(kdb(db));
}
