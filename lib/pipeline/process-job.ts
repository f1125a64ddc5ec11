import { RunCounterBuffer } from './run-counters';
import { claimResult, type Claim } from './result/claim-result';
import { markCancelled, markFailed, markSkipped, releaseClaim } from './result/finish-result';
import { RunCancelled } from './run-cancellations';
import { StageFailure, StageSkip, type Usage } from './result/stage-failure';
import type { StageContext } from './stage-context';
import { runStageLive } from './stages/run-live';

/** Does a claimed result's work and saves it (the live runner unless told otherwise). */
export type StageRunner = (ctx: StageContext, claim: Claim) => Promise<{ saved: boolean; usage: Usage }>;

export type JobOutcome = 'done' | 'failed' | 'skipped' | 'cancelled' | 'duplicate' | 'superseded';

/**
 * What happens to a run after one of its jobs, given by the worker (the runs layer above):
 * `advance` moves a pipeline run's item on to its next stage (or stops its later stages) and
 * returns the runs whose results it stopped (lib/runs/chain-next-stage.ts); `settle` checks a
 * run for its end.
 */
export type RunHooks = {
  advance: (o: { runId: number; resultId: number; expireInSeconds: number }) => Promise<number[]>;
  settle: (runId: number) => Promise<void>;
};

/**
 * One stage job: claim the result, do the stage's work, record the outcome. Outcomes that
 * belong to the item (bad output, missing input, a model that kept failing) are recorded and
 * the job succeeds; anything else (database down, a bug) is thrown so the queue retries the
 * job — except on its last attempt, when the result is marked failed so the run can finish.
 */
export async function processStageJob(
  ctx: StageContext & RunHooks & { counters: RunCounterBuffer },
  payload: { runId: number; resultId: number },
  meta: { retryCount: number; retryLimit: number },
  /** The claim when the caller already made it (a batch of jobs claimed together); null = nothing to do. */
  preclaimed?: Claim | null,
  runner: StageRunner = runStageLive,
): Promise<JobOutcome> {
  const claim = preclaimed !== undefined ? preclaimed : await claimResult(ctx.db, payload.resultId, ctx.workerId ?? null);
  if (!claim) {
    // The result was finished by another job (a duplicate, or a retry after this job's worker
    // died between saving and moving the item on): moving a pipeline run's item on, and
    // checking the run for its end, are idempotent, so they are done again here rather than lost.
    await chainThenSettle(ctx, payload);
    return 'duplicate';
  }
  let outcome: JobOutcome;
  try {
    const r = await runner(ctx, claim);
    outcome = r.saved ? 'done' : 'superseded';
  } catch (e) {
    if (e instanceof RunCancelled) {
      outcome = (await markCancelled(ctx.db, claim)) ? 'cancelled' : 'superseded';
    } else if (e instanceof StageSkip) {
      outcome = (await markSkipped(ctx.db, claim, e.message)) ? 'skipped' : 'superseded';
    } else if (e instanceof StageFailure) {
      outcome = (await markFailed(ctx.db, claim, { message: e.message, raw: e.raw, usage: e.usage })) ? 'failed' : 'superseded';
    } else if (meta.retryCount >= meta.retryLimit) {
      outcome = (await markFailed(ctx.db, claim, { message: `Worker error: ${(e as Error).message?.split('\n')[0] ?? String(e)}`, raw: null, usage: null })) ? 'failed' : 'superseded';
    } else {
      await releaseClaim(ctx.db, claim, (e as Error).message ?? String(e)).catch(() => {});
      throw e;
    }
  }
  if (outcome === 'done' || outcome === 'failed' || outcome === 'skipped') ctx.counters.add(claim.runId, claim.countEpoch, outcome);
  if (outcome !== 'superseded') await chainThenSettle(ctx, payload);
  return outcome;
}

/** A pipeline run's item moves on to its next stage (or stops there), then the runs are checked for their end. */
async function chainThenSettle(ctx: StageContext & RunHooks, payload: { runId: number; resultId: number }): Promise<void> {
  const stopped = await ctx.advance({ ...payload, expireInSeconds: ctx.settings.jobExpireSeconds });
  for (const runId of stopped) await ctx.settle(runId);
  await ctx.settle(payload.runId);
}
