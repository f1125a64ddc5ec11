import { sql } from 'kysely';
import type { PrismaClient } from '@/generated/prisma/client';
import { kdb } from '@/lib/db/kysely';
import { log } from '../../log';
import type { ModelEndpoint } from '../../models/model-config';
import { reconcileRunCounters, settleRunIfDone } from '../reconcile-run';
import type { PipelineSettings } from '../settings';
import { runEndpoint, type StageContext } from '../stage-context';
import { stageDefinition } from '../stages/registry';
import { batchProvider, PROVIDER_FINAL_STATES, type BatchProvider, type ProviderBatch } from './batch-provider';
import { ingestLine, type LineOutcome } from './batch-ingest';
import { batchDiscount, type BatchSettings } from './batch-settings';
import { submitMissing, type SubmitReport } from './batch-submit';
import { studioFrameStore } from './frame-urls';

export type BatchTickDeps = {
  db: PrismaClient;
  settings: PipelineSettings;
  batch: BatchSettings;
  /** This worker (noted on the results it claims). */
  holder: string;
  /** Tests pass a provider of their own; else the endpoint's Batch API through the openai SDK. */
  provider?: (endpoint: ModelEndpoint) => BatchProvider;
  /** How long one tick may hold its run before another worker may take over. */
  leaseSeconds?: number;
  /** Where url-mode frames go and the key signing their links; default the studio's (data dir, secret). */
  frameStore?: () => { dataDir: string; key: Buffer };
};

export type TickOutcome = {
  /** 'poll': look again after the poll interval; 'soon': there is more to send now, or another
   * worker holds the run; 'finished': the run is over, no more ticks. */
  next: 'poll' | 'soon' | 'finished';
  polled: number;
  ingested: Partial<Record<LineOutcome, number>>;
  submitted: SubmitReport | null;
};

const isFinal = (s: string) => (PROVIDER_FINAL_STATES as readonly string[]).includes(s);

/**
 * One step of a batch-mode run, idempotent and safe to run on any worker (a "batch tick"):
 *  1. takes the run's lease (one tick per run at a time; a dead worker's lease runs out);
 *  2. looks at each open provider batch; a cancelled run's batches are cancelled;
 *  3. a batch that ended (completed, expired, cancelled, failed) has its output and error
 *     files read and every line saved through the stage's parse + save (ingestLine);
 *  4. sends what is still missing (submitMissing), unless the run was cancelled;
 *  5. settles the run when nothing is left open.
 */
export async function batchTick(deps: BatchTickDeps, runId: number): Promise<TickOutcome> {
  const { db } = deps;
  const leaseSeconds = deps.leaseSeconds ?? 15 * 60;
  const out: TickOutcome = { next: 'poll', polled: 0, ingested: {}, submitted: null };
  const k = kdb(db);
  const lease = sql<Date>`now() + make_interval(secs => ${leaseSeconds}::int)`;
  const run = await k
    .updateTable('pipeline_run')
    .set({ batch_lease_until: lease })
    .where('id', '=', runId)
    .where('mode', '=', 'batch')
    .where((eb) => eb.or([eb('batch_lease_until', 'is', null), eb('batch_lease_until', '<', sql<Date>`now()`)]))
    .returning(['id', 'status', 'stage', 'mode', 'model_config'])
    .executeTakeFirst();
  if (!run) {
    const exists = await k.selectFrom('pipeline_run').select('mode').where('id', '=', runId).executeTakeFirst();
    return { ...out, next: exists?.mode === 'batch' ? 'soon' : 'finished' };
  }
  const renew = async () => {
    await k.updateTable('pipeline_run').set({ batch_lease_until: lease }).where('id', '=', runId).execute();
  };
  try {
    const def = stageDefinition(run.stage);
    if (!def.model) throw new Error(`The ${run.stage} stage calls no model: it cannot run through the Batch API`);
    const endpoint = runEndpoint(deps.settings, def.model, run.model_config);
    const provider = (deps.provider ?? batchProvider)(endpoint);
    const ctx: StageContext = { db, settings: deps.settings, gate: () => ({}), workerId: deps.holder };
    const discount = batchDiscount(deps.batch, run.stage);
    const cancelled = run.status === 'cancelled';

    // An upload a dead worker left half done: nothing reached the provider, so its results go again.
    await k
      .updateTable('model_batch')
      .set({ state: 'failed', error: 'Upload interrupted (the worker stopped)', ingested_at: sql`now()`, updated_at: sql`now()` })
      .where('run_id', '=', runId)
      .where('state', '=', 'uploading')
      .where('provider_batch_id', 'is', null)
      .execute();
    const open = await k
      .selectFrom('model_batch')
      .select(['id', 'provider_batch_id', 'state'])
      .where('run_id', '=', runId)
      .where('ingested_at', 'is', null)
      .where('provider_batch_id', 'is not', null)
      .orderBy('id')
      .$narrowType<{ provider_batch_id: string }>()
      .execute();
    for (const row of open) {
      let b: ProviderBatch = await provider.retrieve(row.provider_batch_id);
      out.polled++;
      if (cancelled && !isFinal(b.status) && b.status !== 'cancelling') b = await provider.cancel(row.provider_batch_id);
      const providerError = b.errors?.data?.map((e) => e.message ?? e.code).filter(Boolean).join('; ') || null;
      await k
        .updateTable('model_batch')
        .set({
          state: b.status,
          output_file_id: b.output_file_id ?? null,
          error_file_id: b.error_file_id ?? null,
          error: sql`COALESCE(${providerError}, error)`,
          updated_at: sql`now()`,
        })
        .where('id', '=', row.id)
        .execute();
      if (!isFinal(b.status)) continue;
      const counts: Partial<Record<LineOutcome, number>> = {};
      for (const fileId of [b.output_file_id, b.error_file_id]) {
        if (!fileId) continue;
        const text = await provider.content(fileId);
        for (const line of text.split('\n')) {
          if (!line.trim()) continue;
          const r = await ingestLine(db, { batchId: row.id, line, ctx, endpoint, discount });
          counts[r] = (counts[r] ?? 0) + 1;
          out.ingested[r] = (out.ingested[r] ?? 0) + 1;
        }
        await renew();
      }
      if (cancelled) {
        // What the cancelled batch did not answer ends cancelled (what it did answer is kept).
        await sql`UPDATE stage_result r SET status = 'cancelled', finished_at = now()
                    FROM model_batch_request q
                   WHERE q.batch_id = ${row.id}::int AND q.answered_at IS NULL AND r.id = q.result_id AND r.attempts = q.attempt AND r.status = 'running'`.execute(k);
      }
      await sql`UPDATE model_batch b SET ingested_at = now(), updated_at = now(),
                  done_count = (SELECT count(*) FROM model_batch_request q JOIN stage_result r ON r.id = q.result_id AND r.attempts = q.attempt
                                  WHERE q.batch_id = b.id AND q.answered_at IS NOT NULL AND r.status = 'done')::int,
                  failed_count = (SELECT count(*) FROM model_batch_request q JOIN stage_result r ON r.id = q.result_id AND r.attempts = q.attempt
                                  WHERE q.batch_id = b.id AND q.answered_at IS NOT NULL AND r.status = 'failed')::int
            WHERE id = ${row.id}::int`.execute(k);
      log('info', 'batch ingested', { runId, batchId: row.id, providerBatchId: row.provider_batch_id, state: b.status, lines: counts });
    }

    if (cancelled) {
      const left = await k.selectFrom('model_batch').select(sql<number>`count(*)::int`.as('n')).where('run_id', '=', runId).where('ingested_at', 'is', null).executeTakeFirst();
      if ((left?.n ?? 0) === 0) {
        // Claimed but never sent (the run was cancelled first).
        await k
          .updateTable('stage_result')
          .set({ status: 'cancelled', finished_at: sql`now()` })
          .where('run_id', '=', runId)
          .where('status', 'in', ['pending', 'running'])
          .execute();
        await settleRunIfDone(db, runId);
        out.next = 'finished';
      }
      await reconcileRunCounters(db, runId);
      return out;
    }
    if (run.status !== 'queued' && run.status !== 'running') {
      out.next = 'finished';
      return out;
    }
    out.submitted = await submitMissing(db, { runId, stage: run.stage, endpoint, provider, settings: deps.batch, ctx, renew, frameStore: deps.frameStore ?? studioFrameStore });
    if (await settleRunIfDone(db, runId)) {
      out.next = 'finished';
      return out;
    }
    await reconcileRunCounters(db, runId);
    // More than one file's worth was waiting, or an upload failed: go again without the poll wait.
    if (out.submitted.claimed >= deps.batch.maxRequestsPerFile || out.submitted.uploadFailures > 0) out.next = 'soon';
    return out;
  } finally {
    await k
      .updateTable('pipeline_run')
      .set({ batch_lease_until: null })
      .where('id', '=', runId)
      .execute()
      .catch(() => {});
  }
}
