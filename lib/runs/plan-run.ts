import type { PrismaClient } from '@/generated/prisma/client';
import type { Stage } from '@/generated/prisma/enums';
import { sql } from 'kysely';
import { kdb } from '@/lib/db/kysely';
import type { ModelEndpoint } from '../models/model-config';
import type { PipelineSettings } from '../pipeline/settings';
import { costOf } from '../pipeline/ledger/model-call-ledger';
import { resolveRunInput, subjectBatches, subjectStatusSql, type CreateRunInput } from './create-run';
import { batchPlanEstimate, type RunMode } from './batch-runs';

/** A run before it starts: what it would do, what it would skip, why some cannot run, and an estimate. */
export type RunPlan = {
  stage: Stage;
  dataset: { id: number; name: string };
  model: string | null;
  promptVersion: string | null;
  /** live requests, or Batch API files (estimate at the batch price). */
  mode: RunMode;
  /** What one result is about. */
  unit: 'item' | 'video';
  /** Subjects the selection matches (the run's total). */
  matching: number;
  /** Already done with this model and prompt (or no endpoint for an optional stage). */
  skipped: number;
  /** Would start but cannot run yet, by reason; `endsAs` is how those results end. */
  cannotRun: { reason: string; count: number; endsAs: 'failed' | 'skipped' }[];
  /** Would call the model. */
  toRun: number;
  estimate: {
    /** 'history': this dataset's ledger for the stage and model; 'heuristic': a stated guess. */
    basis: 'history' | 'heuristic' | 'no model';
    basisNote: string;
    requests: number;
    tokensIn: number;
    tokensOut: number;
    /** null: no price set on the endpoint. */
    costUsd: number | null;
    /** At the endpoint's limits (concurrency, requests and tokens per minute); null without a model. */
    seconds: number | null;
    limitedBy: string | null;
    /** Batch mode: the price factor applied to costUsd (0.5 = half the live price). */
    batchDiscount?: number;
  };
};

/** Per-result guesses when the dataset has no history for the stage and model: a typical
 * VideoRFT-style exchange (frames as ~85-token images, a few hundred tokens of reasoning). */
const HEURISTIC: Record<string, { requests: number; tokensIn: number; tokensOut: number; latencyMs: number }> = {
  represent: { requests: 1, tokensIn: 3000, tokensOut: 1500, latencyMs: 20_000 },
  draft: { requests: 1, tokensIn: 1500, tokensOut: 600, latencyMs: 15_000 },
  revise: { requests: 1, tokensIn: 3500, tokensOut: 600, latencyMs: 20_000 },
  consistency: { requests: 17, tokensIn: 17 * 64, tokensOut: 0, latencyMs: 200 },
};
const DEFAULT_HEURISTIC = { requests: 1, tokensIn: 2000, tokensOut: 600, latencyMs: 15_000 };

/**
 * The pre-flight of a run (jobs page, `cot-studio run --dry-run`): counted with the same
 * statements run creation uses, so its numbers are the run's — total = matching, skipped at
 * creation = skipped, and the "cannot run yet" ones end failed (or skipped) with that reason.
 */
export async function planRun(db: PrismaClient, settings: PipelineSettings, input: CreateRunInput): Promise<RunPlan> {
  const r = await resolveRunInput(db, settings, input);
  const def = r.def;
  const batch = { stage: r.o.stage, force: r.o.force, model: r.model, promptId: r.promptId, unconfigured: r.unconfigured };
  const blocks = def.cannotRunWhen ?? [];
  const alias = sql.table(def.subject === 'video' ? 'v' : 'i');
  const table = sql.table(def.subject === 'video' ? 'video' : 'item');
  const reasonSql = blocks.length
    ? sql`CASE ${sql.join(
        blocks.map((b, n) => sql`WHEN ${b.when} THEN ${sql.lit(n)}`),
        sql` `,
      )} END`
    : sql`NULL::int`;
  let matching = 0;
  let skipped = 0;
  const blocked = new Map<number, number>();
  for await (const ids of subjectBatches(db, r.o.stage, r.filter)) {
    const { rows } = await sql<{ status: string; block: number | null; n: number }>`
      SELECT x.status, CASE WHEN x.status = 'pending' THEN ${reasonSql} END AS block, count(*)::int AS n
        FROM (${subjectStatusSql({ ...batch, ids })}) x JOIN ${table} ${alias} ON ${alias}.id = x.subject_id
       GROUP BY 1, 2`.execute(kdb(db));
    for (const row of rows) {
      matching += row.n;
      if (row.status === 'skipped') skipped += row.n;
      else if (row.block !== null) blocked.set(row.block, (blocked.get(row.block) ?? 0) + row.n);
    }
  }
  const cannotRun = [...blocked.entries()].map(([n, count]) => ({ reason: blocks[n]!.reason, endsAs: blocks[n]!.endsAs, count }));
  const toRun = matching - skipped - cannotRun.reduce((a, b) => a + b.count, 0);
  const endpoint = def.model ? settings.endpoints[def.model] : undefined;
  return {
    stage: r.o.stage,
    dataset: { id: r.dataset.id, name: r.dataset.name },
    model: r.model,
    promptVersion: r.promptId,
    mode: r.o.mode,
    unit: def.subject,
    matching,
    skipped,
    cannotRun,
    toRun,
    estimate: batchPlanEstimate(r.o.mode, r.o.stage, await estimate(db, { datasetId: r.dataset.id, stage: r.o.stage, model: r.model, endpoint, toRun })),
  };
}

export async function estimate(db: PrismaClient, o: { datasetId: number; stage: Stage; model: string | null; endpoint: ModelEndpoint | undefined; toRun: number }): Promise<RunPlan['estimate']> {
  if (!o.endpoint || !o.model) {
    return { basis: 'no model', basisNote: 'No model calls', requests: 0, tokensIn: 0, tokensOut: 0, costUsd: null, seconds: null, limitedBy: null };
  }
  const {
    rows: [h],
  } = await sql<{ results: number; calls: number; tin: number; tout: number; latency: number | null }>`
    SELECT count(DISTINCT result_id)::int AS results, count(*)::int AS calls, COALESCE(sum(tokens_in), 0)::float8 AS tin,
           COALESCE(sum(tokens_out), 0)::float8 AS tout, avg(latency_ms) FILTER (WHERE status = 'ok')::float8 AS latency
      FROM model_call WHERE dataset_id = ${o.datasetId}::int AND stage = ${o.stage}::"Stage" AND model = ${o.model}`.execute(kdb(db));
  const fromHistory = h && h.results > 0;
  const per = fromHistory
    ? { requests: h.calls / h.results, tokensIn: h.tin / h.results, tokensOut: h.tout / h.results, latencyMs: h.latency ?? DEFAULT_HEURISTIC.latencyMs }
    : (HEURISTIC[o.stage] ?? DEFAULT_HEURISTIC);
  const requests = Math.round(per.requests * o.toRun);
  const tokensIn = Math.round(per.tokensIn * o.toRun);
  const tokensOut = Math.round(per.tokensOut * o.toRun);
  // Requests per second the endpoint's limits allow, the tightest first.
  const e = o.endpoint;
  const caps: [string, number][] = [[`concurrency ${e.maxConcurrency} at ${Math.round(per.latencyMs)} ms a request`, e.maxConcurrency / Math.max(0.001, per.latencyMs / 1000)]];
  if (e.rpm) caps.push([`${e.rpm} requests per minute`, e.rpm / 60]);
  const tokensPerRequest = (per.tokensIn + per.tokensOut) / Math.max(1e-9, per.requests);
  if (e.tpm && tokensPerRequest > 0) caps.push([`${e.tpm} tokens per minute`, e.tpm / 60 / tokensPerRequest]);
  const [limitedBy, perSecond] = caps.reduce((a, b) => (b[1] < a[1] ? b : a));
  return {
    basis: fromHistory ? 'history' : 'heuristic',
    basisNote: fromHistory
      ? `From this dataset's ${h.results} ${o.stage} results with ${o.model} (retries included)`
      : `No ${o.stage} history with ${o.model} in this dataset: assumed ${per.requests} request(s), ${per.tokensIn} tokens in, ${per.tokensOut} out and ${per.latencyMs / 1000} s per ${o.stage === 'represent' ? 'video' : 'item'}`,
    requests,
    tokensIn,
    tokensOut,
    costUsd: costOf(e, tokensIn, tokensOut),
    seconds: requests === 0 ? 0 : Math.round(requests / perSecond),
    limitedBy,
  };
}
