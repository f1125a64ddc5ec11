import type PgBoss from 'pg-boss';
import type { PrismaClient } from '@/generated/prisma/client';
import type { Stage } from '@/generated/prisma/enums';
import type { ModelStage } from '@/lib/models/model-config';
import type { AttemptOutcome } from '@/lib/models/retry';
import { processStageJob, type RunHooks } from '@/lib/pipeline/process-job';
import { ModelCallLedger, type ModelCallRow } from '@/lib/pipeline/ledger/model-call-ledger';
import { stageDefinition } from '@/lib/pipeline/stages/registry';
import { claimResults, type Claim } from '@/lib/pipeline/result/claim-result';
import type { PipelineSettings } from '@/lib/pipeline/settings';
import { JOB_SCHEMAS } from '@/lib/queue/contract';
import { RunCounterBuffer } from '@/lib/pipeline/run-counters';
import { RunSettler } from '@/lib/runs/run-settler';
import { advanceChain } from '@/lib/runs/chain-next-stage';
import { RunCancellations, RunCancelled } from '@/lib/pipeline/run-cancellations';
import { STAGE_QUEUES } from '@/lib/runs/stage-jobs';
import { requeueResultsOfDeadWorkers } from '@/lib/runs/requeue-dead-workers';
import { log } from '@/lib/log';
import { endpointLimits } from './endpoint-limits';
import { StagePump } from './stage-pump';
import type { WorkerState } from './wrap-handler';

/** check runs no model: its jobs are a few queries each. */
const CHECK_CONCURRENCY = 8;

export { limiterKey } from './endpoint-limits';

/**
 * Starts one pump per stage this worker can serve: check always, a model stage when its
 * endpoint is configured here (a worker without the stage's endpoint leaves its jobs to one
 * that has it). Returns the queue names served and a stop function.
 */
export async function startStageWorkers(opts: {
  boss: PgBoss;
  db: PrismaClient;
  settings: PipelineSettings;
  state: WorkerState;
  /** Identifies this process's slot leases. */
  holder: string;
  pollMs?: number;
  /** Requeue results of workers whose heartbeat is older than this (the worker process passes WORKER_STALE_SECONDS). */
  staleSeconds?: number;
}): Promise<{ queues: string[]; pumps: Map<Stage, StagePump>; stop: (timeoutMs: number) => Promise<void> }> {
  const { boss, db, settings } = opts;
  const counters = new RunCounterBuffer();
  const ledger = new ModelCallLedger(db);
  const flushLedger = () => ledger.flush().catch((e: unknown) => log('warn', 'could not write the model-call ledger; retrying', { error: (e as Error).message }));
  // The ledger is written before a run is checked for its end, so a finished run's totals
  // already include its last calls.
  const settler = new RunSettler(db, (runId) => counters.drop(runId), undefined, flushLedger);
  const limits = await endpointLimits(db, settings, opts.holder);
  const cancellations = new RunCancellations();
  const gate = (stage: ModelStage, runId: number) => {
    cancellations.watch(runId);
    const live = () => {
      if (cancellations.isCancelled(runId)) throw new RunCancelled(runId);
    };
    return {
      beforeAttempt: async () => {
        live();
        await limits.byStage.get(stage)?.rpm?.take();
      },
      around: <T>(attempt: () => Promise<T>) => {
        const l = limits.byStage.get(stage);
        // Checked again once a slot is free: the wait for it may have outlasted the run. The
        // token budget is checked holding the slot, so requests queued for slots cannot all
        // pass one check together.
        const send = async () => {
          live();
          await l?.tpm?.waitForBudget();
          return attempt();
        };
        return l ? l.pool.with(send) : send();
      },
      onAttempt: (a: AttemptOutcome) => {
        const tpm = limits.byStage.get(stage)?.tpm;
        const used = a.ok ? a.tokensIn + a.tokensOut : 0;
        if (tpm && used > 0) void tpm.spend(used).catch((e: unknown) => log('warn', 'could not count tokens per minute', { error: (e as Error).message }));
      },
    };
  };
  // How a job moves its run on (lib/pipeline/process-job.ts RunHooks): the chain step, then the settle check.
  const advance: RunHooks['advance'] = (o) => advanceChain(db, o);
  const ctx = { db, settings, counters, advance, settle: (runId: number) => settler.touch(runId), workerId: opts.holder, gate, recordCall: (row: ModelCallRow) => ledger.record(row) };

  const pumps = new Map<Stage, StagePump>();
  for (const stage of Object.keys(STAGE_QUEUES) as Stage[]) {
    const queue = STAGE_QUEUES[stage];
    const model = stageDefinition(stage).model;
    const endpoint = model === null ? null : settings.endpoints[model];
    if (model !== null && !endpoint) continue;
    const pump = new StagePump({
      boss,
      queue,
      // More jobs than endpoint slots: while some jobs read, write or sample frames, others
      // already wait for the next free slot, so the endpoint never idles between requests.
      concurrency: endpoint ? 2 * endpoint.maxConcurrency + 2 : CHECK_CONCURRENCY,
      pollMs: opts.pollMs,
      state: opts.state,
      // The jobs of one fetch are claimed together: one query instead of one per job.
      prepare: async (jobs) => {
        const ids = jobs.map((j) => JOB_SCHEMAS['stage.draft'].safeParse(j.data)).flatMap((p) => (p.success ? [p.data.resultId] : []));
        const claims = await claimResults(db, ids, opts.holder);
        for (const c of claims.values()) cancellations.sawLive(c.runId);
        return claims;
      },
      // Every stage queue carries the same payload: the run and the result row.
      handle: async (job, prepared) => {
        const parsed = JOB_SCHEMAS['stage.draft'].safeParse(job.data);
        if (!parsed.success) {
          // Can never succeed: acknowledged, not retried (as wrapHandler does for other queues).
          log('error', 'job payload rejected; not retried', { queue, jobId: job.id, issues: parsed.error.issues });
          return;
        }
        const payload = parsed.data;
        const claims = prepared as Map<number, Claim> | undefined;
        const outcome = await processStageJob(ctx, payload, { retryCount: job.retryCount, retryLimit: job.retryLimit }, claims ? (claims.get(payload.resultId) ?? null) : undefined);
        log('debug', 'stage job', { queue, jobId: job.id, resultId: payload.resultId, outcome });
      },
    });
    pumps.set(stage, pump);
  }
  for (const p of pumps.values()) p.start();

  const flush = () => counters.flush(db).catch((e: unknown) => log('warn', 'could not update run counters', { error: (e as Error).message }));
  let tick = 0;
  const timer = setInterval(() => {
    if (++tick % 10 === 0) {
      for (const [stage, p] of pumps) {
        const s = p.stats;
        const model = stageDefinition(stage).model;
        const pool = model ? limits.byStage.get(model)?.pool.stats : undefined;
        if (s.jobs === 0) continue;
        const avg = (ms: number, n: number) => (n ? Math.round(ms / n) : 0);
        log('debug', 'stage pump stats', {
          stage,
          jobs: s.jobs,
          avgJobMs: avg(s.jobMs, s.jobs),
          fetches: s.fetches,
          avgFetchMs: avg(s.fetchMs, s.fetches),
          avgClaimMs: avg(s.prepareMs, s.fetches),
          ...(pool ? { requests: pool.requests, avgSlotWaitMs: avg(pool.waitMs, pool.requests), avgRequestMs: avg(pool.heldMs, pool.requests) } : {}),
        });
      }
    }
    void flush();
    void flushLedger();
    void cancellations.refresh(db).catch((e: unknown) => log('warn', 'could not check for cancelled runs', { error: (e as Error).message }));
  }, 1000);
  timer.unref();
  const staleSeconds = opts.staleSeconds;
  const reaper =
    staleSeconds === undefined
      ? null
      : setInterval(
          () =>
            void requeueResultsOfDeadWorkers(db, { staleSeconds, jobExpireSeconds: settings.jobExpireSeconds })
              .then((n) => n > 0 && log('warn', 'requeued results of a dead worker', { count: n }))
              .catch((e: unknown) => log('warn', 'could not requeue results of dead workers', { error: (e as Error).message })),
          Math.max(2000, (staleSeconds * 1000) / 2),
        );
  reaper?.unref();

  return {
    queues: [...pumps.keys()].map((s) => STAGE_QUEUES[s]),
    pumps,
    stop: async (timeoutMs: number) => {
      await Promise.all([...pumps.values()].map((p) => p.stop(timeoutMs)));
      await Promise.all(limits.all.map((l) => l.pool.close()));
      clearInterval(timer);
      if (reaper) clearInterval(reaper);
      await flushLedger();
      await settler.flush();
      await flush();
    },
  };
}
