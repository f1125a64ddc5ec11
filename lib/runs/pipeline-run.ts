import { z } from 'zod';
import type { Prisma, PrismaClient } from '@/generated/prisma/client';
import type { Stage } from '@/generated/prisma/enums';
import { sql } from 'kysely';
import { kdb } from '@/lib/db/kysely';
import { AppError } from '../errors';
import { recordAudit } from '../audit/record-event';
import { itemFilterToSearchParams } from '../items/filter';
import type { PipelineSettings } from '../pipeline/settings';
import { stageDefinition } from '../pipeline/stages/registry';
import { QUEUE_SCHEMA } from '../queue/client';
import { createRunInputSchema, itemChunks, resolveRunInput, type CreateRunInput } from './create-run';
import { cancelRun } from './cancel-run';
import { estimate as estimateStage, type RunPlan } from './plan-run';
import { reconcileRunCounters } from '../pipeline/reconcile-run';
import { chainRuns, releaseReadyResults } from './chain-next-stage';
import { STAGE_QUEUES } from './stage-jobs';

/**
 * A pipeline run ("run the missing stages first"): represent → draft → revise → check for the
 * selected items, from the first stage some item is missing up to the chosen stage. It is one
 * ordinary run per stage, chained (pipeline_run.chain_id = the first run's id): every result
 * row exists from the start, the first stage's work is queued at once, and each item's next
 * stage is queued the moment its previous one is done (lib/runs/chain-next-stage.ts) — no
 * stage waits for the whole previous stage.
 *
 * Per item, a stage before the chosen one runs when its product is missing (no representation
 * for the item's video, no current draft, no current revision) or when an earlier stage runs
 * for the item (a new draft is revised again); the chosen stage keeps its skip rule (done with
 * the same model and prompt version, unless forced) unless an earlier stage runs for the item.
 * Everything else is recorded as skipped with the reason.
 */
export const CHAIN_STAGES = ['represent', 'draft', 'revise', 'check'] as const satisfies readonly Stage[];
export type ChainStage = (typeof CHAIN_STAGES)[number];
export const CHAIN_TARGETS = ['draft', 'revise', 'check'] as const satisfies readonly ChainStage[];

export const pipelineRunInputSchema = createRunInputSchema.extend({
  stage: z.enum(CHAIN_TARGETS),
  // Each item moves on the moment its previous stage is saved: a Batch API turnaround per stage would stall that.
  mode: z.literal('live', { error: 'A pipeline run sends its requests live; the Batch API mode is for single-stage runs' }).default('live'),
});
export type PipelineRunInput = z.input<typeof pipelineRunInputSchema>;

const CHUNK = 5_000;

const SKIP_REASON: Record<ChainStage, string> = {
  represent: 'Not needed: the video already has a representation',
  draft: 'Not needed: the item already has a draft',
  revise: 'Not needed: the item already has a revision',
  check: 'Not needed',
};
const TARGET_SKIP = 'Already done with this model and prompt version (use force to redo)';

type ItemRow = { item_id: number; video_id: number | null; m_represent: boolean; m_draft: boolean; m_revise: boolean; need_target: boolean };

type StagePlanRows = { stage: ChainStage; ids: number[]; status: ('pending' | 'skipped')[]; reason: (string | null)[] };

/** What each stage of the chain does for each subject (same code for the plan and the run). */
async function chainSubjects(db: PrismaClient | Prisma.TransactionClient, r: Awaited<ReturnType<typeof resolveRunInput>>, target: ChainStage) {
  const targetIndex = CHAIN_STAGES.indexOf(target);
  const def = stageDefinition(target);
  const already = def.alreadyDone ?? sql<boolean>`false`;
  const perStage: StagePlanRows[] = CHAIN_STAGES.slice(0, targetIndex + 1).map((stage) => ({ stage, ids: [], status: [], reason: [] }));
  const videos = new Map<number, boolean>();
  let items = 0;
  for await (const page of itemChunks(db, r.filter)) {
    const { rows } = await sql<ItemRow>`
      SELECT i.id AS item_id, i.video_id,
             (i.video_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM video rv WHERE rv.id = i.video_id AND jsonb_typeof(rv.representation) = 'object')) AS m_represent,
             (i.current_draft_id IS NULL) AS m_draft,
             (i.current_revision_id IS NULL) AS m_revise,
             (p.force OR NOT COALESCE((${already}), false)) AS need_target
        FROM unnest(${page.map((p) => p.id)}::int[]) AS u(id) JOIN item i ON i.id = u.id
        CROSS JOIN (SELECT ${r.o.force}::boolean AS force, ${r.model}::text AS model, ${r.promptId}::text AS prompt) p
       ORDER BY i.id`.execute(kdb(db));
    for (const row of rows) {
      items++;
      let upstream = false;
      for (let k = 0; k <= targetIndex; k++) {
        const stage = CHAIN_STAGES[k]!;
        const missing = stage === 'represent' ? row.m_represent : stage === 'draft' ? row.m_draft : stage === 'revise' ? row.m_revise : true;
        const runs: boolean = upstream || (k === targetIndex ? row.need_target : missing);
        upstream = runs;
        if (stage === 'represent') {
          if (row.video_id !== null && !videos.has(row.video_id)) videos.set(row.video_id, runs);
          continue;
        }
        const s = perStage[k]!;
        s.ids.push(row.item_id);
        s.status.push(runs ? 'pending' : 'skipped');
        s.reason.push(runs ? null : k === targetIndex ? TARGET_SKIP : SKIP_REASON[stage]);
      }
    }
  }
  const rep = perStage[0]!;
  for (const [id, runs] of [...videos.entries()].sort((a, b) => a[0] - b[0])) {
    rep.ids.push(id);
    rep.status.push(runs ? 'pending' : 'skipped');
    rep.reason.push(runs ? null : SKIP_REASON.represent);
  }
  // The chain starts at the first stage anything runs in (or at the chosen stage).
  const first = perStage.findIndex((s) => s.status.includes('pending'));
  return { items, stages: perStage.slice(first === -1 ? targetIndex : first) };
}

/** Input for one stage of the chain: the chosen stage gets the user's options; the others their defaults. */
function stageInput(input: z.output<typeof pipelineRunInputSchema>, stage: ChainStage): CreateRunInput {
  if (stage === input.stage) return input;
  return { stage, dataset: input.dataset, filter: input.filter, force: false };
}

export type PipelinePlan = {
  target: ChainStage;
  dataset: { id: number; name: string };
  /** Items the selection matches. */
  items: number;
  stages: (Pick<RunPlan, 'stage' | 'model' | 'promptVersion' | 'unit' | 'matching' | 'skipped' | 'toRun' | 'estimate'>)[];
  total: { requests: number; tokensIn: number; tokensOut: number; costUsd: number | null; seconds: number };
};

async function resolveChain(db: PrismaClient, settings: PipelineSettings, raw: PipelineRunInput) {
  const input = pipelineRunInputSchema.parse(raw);
  const target = await resolveRunInput(db, settings, input);
  const { items, stages } = await chainSubjects(db, target, input.stage);
  const resolved = [];
  for (const s of stages) resolved.push({ rows: s, r: s.stage === input.stage ? target : await resolveRunInput(db, settings, stageInput(input, s.stage)) });
  return { input, target, items, stages: resolved };
}

/** The pre-flight of a pipeline run: per stage, what runs and is skipped, with tokens, cost and time. */
export async function planPipelineRun(db: PrismaClient, settings: PipelineSettings, raw: PipelineRunInput): Promise<PipelinePlan> {
  const c = await resolveChain(db, settings, raw);
  const stages: PipelinePlan['stages'] = [];
  for (const { rows, r } of c.stages) {
    const toRun = rows.status.filter((s) => s === 'pending').length;
    const def = stageDefinition(rows.stage);
    const endpoint = def.model ? settings.endpoints[def.model] : undefined;
    stages.push({
      stage: rows.stage,
      model: r.model,
      promptVersion: r.promptId,
      unit: def.subject,
      matching: rows.ids.length,
      skipped: rows.ids.length - toRun,
      toRun,
      estimate: await estimateStage(db, { datasetId: r.dataset.id, stage: rows.stage, model: r.model, endpoint, toRun }),
    });
  }
  const costs = stages.map((s) => s.estimate.costUsd);
  return {
    target: c.input.stage,
    dataset: { id: c.target.dataset.id, name: c.target.dataset.name },
    items: c.items,
    stages,
    total: {
      requests: stages.reduce((a, s) => a + s.estimate.requests, 0),
      tokensIn: stages.reduce((a, s) => a + s.estimate.tokensIn, 0),
      tokensOut: stages.reduce((a, s) => a + s.estimate.tokensOut, 0),
      costUsd: stages.some((s) => s.estimate.requests > 0 && s.estimate.costUsd === null) ? null : costs.reduce<number>((a, x) => a + (x ?? 0), 0),
      // Stages overlap (each item moves on when ready); their sum is the upper bound.
      seconds: stages.reduce((a, s) => a + (s.estimate.seconds ?? 0), 0),
    },
  };
}

/**
 * Starts a pipeline run: every stage's run and result rows, and the jobs that may start now,
 * in one transaction. Returns the chain's runs (the first one's id is the pipeline run's id).
 */
export async function createPipelineRun(db: PrismaClient, settings: PipelineSettings, raw: PipelineRunInput, opts: { actorId: string | null }) {
  const c = await resolveChain(db, settings, raw);
  const filter = Object.fromEntries(itemFilterToSearchParams(c.target.filter).entries());
  return db.$transaction(
    async (tx) => {
      let chainId: number | null = null;
      const runs = [];
      for (const [position, { rows, r }] of c.stages.entries()) {
        const total = rows.ids.length;
        const skipped = rows.status.filter((s) => s === 'skipped').length;
        const finished = total === skipped;
        const run: { id: number } = await tx.pipelineRun.create({
          data: {
            datasetId: r.dataset.id,
            stage: rows.stage,
            filter,
            modelConfig: r.modelConfig,
            promptVersion: r.promptVersion,
            force: r.o.force,
            createdById: opts.actorId,
            note: r.unconfigured,
            total,
            skipped,
            chainId,
            chainPosition: position,
            ...(finished ? { status: 'completed', startedAt: new Date(), finishedAt: new Date() } : {}),
          },
        });
        if (chainId === null) {
          chainId = run.id;
          await tx.pipelineRun.update({ where: { id: run.id }, data: { chainId } });
        }
        const column = sql.ref(stageDefinition(rows.stage).subject === 'video' ? 'video_id' : 'item_id');
        for (let i = 0; i < rows.ids.length; i += CHUNK) {
          await sql`
            INSERT INTO stage_result (run_id, stage, ${column}, status, data, finished_at)
            SELECT ${run.id}::int, ${rows.stage}::"Stage", x.id, x.status::"ResultStatus",
                   CASE WHEN x.reason IS NOT NULL THEN jsonb_build_object('reason', x.reason) END,
                   CASE WHEN x.status = 'skipped' THEN now() END
              FROM unnest(${rows.ids.slice(i, i + CHUNK)}::int[], ${rows.status.slice(i, i + CHUNK)}::text[], ${rows.reason.slice(i, i + CHUNK)}::text[]) AS x(id, status, reason)`.execute(kdb(tx));
        }
        runs.push({ id: run.id, stage: rows.stage, total, skipped });
      }
      const released = await releaseReadyResults(tx, { chainId: chainId!, expireInSeconds: settings.jobExpireSeconds, round: 'chain' });
      await recordAudit(tx, {
        actorId: opts.actorId,
        action: 'run.start',
        subjectType: 'run',
        subjectId: chainId!,
        data: { pipeline: true, stage: c.input.stage, dataset: c.target.dataset.name, filter, stages: runs, released, force: c.input.force },
      });
      return { id: chainId!, runs };
    },
    { timeout: 10 * 60_000, maxWait: 30_000 },
  );
}

export type PipelineStageView = {
  runId: number;
  stage: Stage;
  status: string;
  model: string | null;
  total: number;
  counts: Record<'pending' | 'running' | 'done' | 'failed' | 'skipped' | 'cancelled', number>;
  tokensIn: number;
  tokensOut: number;
  costUsd: number;
  /** False when calls were made but none had a price (show "no price set", not "$0"). */
  priceSet: boolean;
};

export type PipelineRunView = {
  id: number;
  datasetId: number;
  target: Stage;
  /** running while any stage's run is queued or running; cancelled if one was cancelled; else completed. */
  status: 'running' | 'completed' | 'cancelled';
  stages: PipelineStageView[];
  /** Items that ended failed at some stage (stopped items count once, at the stage that failed). */
  failedItems: number;
};

/** The pipeline run a run belongs to (null: a plain run), with exact per-stage counts from its results. */
export async function getPipelineRun(db: PrismaClient, runId: number): Promise<PipelineRunView | null> {
  const head = await kdb(db).selectFrom('pipeline_run').select('chain_id').where('id', '=', runId).executeTakeFirst();
  if (!head) throw new AppError('NOT_FOUND', `Run ${runId} not found`);
  if (head.chain_id === null) return null;
  const chainId = head.chain_id;
  const { rows } = await sql<    { id: number; stage: Stage; status: string; dataset_id: number; total: number; model: string | null; counts: Record<string, number> | null; tin: number; tout: number; cost: number; calls: number; priced: number; failed_here: number }
  >`SELECT p.id, p.stage::text AS stage, p.status::text AS status, p.dataset_id, p.total, p.model_config->>'model' AS model,
            (SELECT jsonb_object_agg(s, n) FROM (SELECT status::text AS s, count(*)::int AS n FROM stage_result WHERE run_id = p.id GROUP BY 1) c) AS counts,
            COALESCE(l.tin, 0)::float8 AS tin, COALESCE(l.tout, 0)::float8 AS tout, COALESCE(l.cost, 0)::float8 AS cost, COALESCE(l.calls, 0)::int AS calls, COALESCE(l.priced, 0)::int AS priced,
            (SELECT count(*)::int FROM stage_result WHERE run_id = p.id AND status = 'failed' AND (error IS NULL OR error NOT LIKE 'Stopped at %')) AS failed_here
       FROM pipeline_run p
       LEFT JOIN LATERAL (SELECT sum(tokens_in) AS tin, sum(tokens_out) AS tout, sum(cost_usd) AS cost, count(*) AS calls, count(cost_usd) AS priced FROM model_call WHERE run_id = p.id) l ON true
      WHERE p.chain_id = ${chainId}::int ORDER BY p.chain_position`.execute(kdb(db));
  const zero = { pending: 0, running: 0, done: 0, failed: 0, skipped: 0, cancelled: 0 };
  const statuses = rows.map((r) => r.status);
  return {
    id: chainId,
    datasetId: rows[0]!.dataset_id,
    target: rows[rows.length - 1]!.stage,
    status: statuses.some((s) => s === 'queued' || s === 'running') ? 'running' : statuses.includes('cancelled') ? 'cancelled' : 'completed',
    stages: rows.map((r) => ({
      runId: r.id,
      stage: r.stage,
      status: r.status,
      model: r.model,
      total: r.total,
      counts: { ...zero, ...(r.counts ?? {}) },
      tokensIn: r.tin,
      tokensOut: r.tout,
      costUsd: r.cost,
      priceSet: r.calls === 0 || r.priced > 0,
    })),
    failedItems: rows.filter((r) => r.stage !== 'represent').reduce((a, r) => a + r.failed_here, 0),
  };
}

async function chainIdOf(db: PrismaClient, runId: number): Promise<number> {
  const row = await kdb(db).selectFrom('pipeline_run').select('chain_id').where('id', '=', runId).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `Run ${runId} not found`);
  if (row.chain_id === null) throw new AppError('BAD_REQUEST', `Run ${runId} is not part of a pipeline run`);
  return row.chain_id;
}

/** Cancels every stage still queued or running, the last stage first (so nothing is released into a run about to be cancelled). */
export async function cancelPipelineRun(db: PrismaClient, runId: number, opts: { actorId: string | null }) {
  const chainId = await chainIdOf(db, runId);
  const runs = await chainRuns(db, chainId);
  let cancelled = 0;
  let droppedJobs = 0;
  const open = runs.filter((r) => r.status === 'queued' || r.status === 'running').reverse();
  if (open.length === 0) throw new AppError('CONFLICT', `Pipeline run ${chainId} has no stage queued or running`);
  for (const r of open) {
    const x = await cancelRun(db, r.id, opts).catch((e: unknown) => {
      // Settled between our read and the cancel: nothing left to cancel there.
      if (e instanceof AppError && e.code === 'CONFLICT') return { cancelled: 0, droppedJobs: 0 };
      throw e;
    });
    cancelled += x.cancelled;
    droppedJobs += x.droppedJobs;
  }
  return { id: chainId, cancelled, droppedJobs };
}

/**
 * Retry (failed items) or resume (a cancelled pipeline run: cancelled items too): the results
 * go back to pending in every stage, and only those that may run now are queued — the others
 * follow as their previous stage finishes. Results stuck running without a live job are
 * queued again too. One transaction.
 */
export async function retryPipelineRun(db: PrismaClient, settings: Pick<PipelineSettings, 'jobExpireSeconds'>, runId: number, opts: { actorId: string | null }) {
  const chainId = await chainIdOf(db, runId);
  return db.$transaction(async (tx) => {
    const k = kdb(tx);
    const runs = await k.selectFrom('pipeline_run').select(['id', 'stage', 'status']).where('chain_id', '=', chainId).orderBy('chain_position').forUpdate().execute();
    const resume = runs.some((r) => r.status === 'cancelled');
    let reset = 0;
    for (const r of runs) {
      const {
        rows: [n],
      } = await sql<{ n: number }>`WITH reset AS (
          UPDATE stage_result r SET status = 'pending', error = NULL, finished_at = NULL
           WHERE r.run_id = ${r.id}::int
             AND (r.status = 'failed' OR (r.status = 'cancelled' AND ${resume}::boolean)
                  OR (r.status = 'running' AND NOT EXISTS (
                        SELECT 1 FROM ${sql.table(`${QUEUE_SCHEMA}.job`)} j
                         WHERE j.name = ${STAGE_QUEUES[r.stage]} AND j.singleton_key = 'result:' || r.id AND j.state IN ('created', 'retry', 'active'))))
           RETURNING 1)
        SELECT count(*)::int AS n FROM reset`.execute(k);
      reset += n?.n ?? 0;
      const {
        rows: [open],
      } = await sql<{ open: boolean }>`SELECT EXISTS (SELECT 1 FROM stage_result WHERE run_id = ${r.id}::int AND status IN ('pending', 'running')) AS open`.execute(k);
      if (open?.open) await k.updateTable('pipeline_run').set({ status: 'running', finished_at: null, error: null }).where('id', '=', r.id).execute();
      // A stage cancelled after all its work had finished (its requests in flight were saved):
      // on resume, the pipeline goes on past it, so it is complete.
      else if (r.status === 'cancelled') await k.updateTable('pipeline_run').set({ status: 'completed' }).where('id', '=', r.id).execute();
      await reconcileRunCounters(tx, r.id);
    }
    const released = await releaseReadyResults(tx, { chainId, expireInSeconds: settings.jobExpireSeconds, round: `retry-${Date.now()}` });
    if (reset === 0 && released === 0) throw new AppError('CONFLICT', `Pipeline run ${chainId} has nothing to retry`);
    await recordAudit(tx, { actorId: opts.actorId, action: 'run.retry', subjectType: 'run', subjectId: chainId, data: { pipeline: true, reset, released } });
    return { id: chainId, requeued: reset, released };
  });
}
