import type PgBoss from 'pg-boss';
import type { PrismaClient } from '@/generated/prisma/client';
import { batchTick, type BatchTickDeps } from '@/lib/pipeline/batch/batch-tick';
import type { BatchSettings } from '@/lib/pipeline/batch/batch-settings';
import type { PipelineSettings } from '@/lib/pipeline/settings';
import { JOB_SCHEMAS } from '@/lib/queue/contract';
import { log } from '@/lib/log';
import { wrapHandler, type WorkerState } from './wrap-handler';

/**
 * Serves `batch.tick`: each job is one step of a batch-mode run (lib/pipeline/batch/batch-tick.ts)
 * and queues the run's next step — after the poll interval (COT_BATCH_POLL_SECONDS) while its
 * batches are at the provider, at once when more is waiting to be sent — until the run is over.
 * Any worker continues a run another one left: the tick holds a lease on the run, and a job of
 * a worker that died expires and is taken by another.
 */
export async function startBatchWorker(o: {
  boss: PgBoss;
  db: PrismaClient;
  settings: PipelineSettings;
  batch: BatchSettings;
  state: WorkerState;
  holder: string;
  provider?: BatchTickDeps['provider'];
}): Promise<string> {
  const deps: BatchTickDeps = { db: o.db, settings: o.settings, batch: o.batch, holder: o.holder, provider: o.provider };
  await o.boss.work(
    'batch.tick',
    { batchSize: 1, pollingIntervalSeconds: 1 },
    wrapHandler('batch.tick', o.state, async (job) => {
      const { runId } = JOB_SCHEMAS['batch.tick'].parse(job.data);
      const r = await batchTick(deps, runId);
      if (r.next !== 'finished') {
        const startAfter = r.next === 'soon' ? 1 : Math.max(1, Math.round(o.batch.pollSeconds));
        // 'short' queue: one waiting tick per run; this one is still active, so it always goes in.
        await o.boss.send('batch.tick', { runId }, { singletonKey: `run:${runId}`, startAfter });
      }
      log('info', 'batch tick', { runId, next: r.next, polled: r.polled, ingested: r.ingested, submitted: r.submitted });
      return { next: r.next };
    }),
  );
  return 'batch.tick';
}
