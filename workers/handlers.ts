import type PgBoss from 'pg-boss';
import { prisma } from '@/lib/db/client';
import { parsePayload } from '@/lib/queue/contract';
import { probeVideos } from '@/lib/media/probe-videos';
import { config } from '@/lib/config';
import { runImportJob } from '@/lib/import/run-import-job';
import { runExportJob } from '@/lib/export/run-export-job';
import { runCurationScan } from '@/lib/dedup/scan/run-scan';
import { wrapHandler, type WorkerState } from './wrap-handler';
import { startStageWorkers } from './stage-workers';
import { startBatchWorker } from './batch-worker';
import { batchSettings } from '@/lib/pipeline/batch/batch-settings';

/** Registers every job handler; returns the queue names this worker serves. */
export async function registerHandlers(boss: PgBoss, state: WorkerState): Promise<string[]> {
  await boss.work(
    'media.probe',
    { batchSize: 1, pollingIntervalSeconds: 1 },
    wrapHandler('media.probe', state, async (job) => {
      const payload = parsePayload('media.probe', job.data);
      return probeVideos(prisma(), payload);
    }),
  );
  await boss.work(
    'import.run',
    { batchSize: 1, pollingIntervalSeconds: 1 },
    wrapHandler('import.run', state, async (job) => ({ status: (await runImportJob(prisma(), parsePayload('import.run', job.data))).status })),
  );
  await boss.work(
    'export.run',
    { batchSize: 1, pollingIntervalSeconds: 1 },
    wrapHandler('export.run', state, async (job) => ({ status: (await runExportJob(prisma(), parsePayload('export.run', job.data))).status })),
  );
  await boss.work(
    'dedup.scan',
    { batchSize: 1, pollingIntervalSeconds: 1 },
    wrapHandler('dedup.scan', state, async (job) => ({ status: (await runCurationScan(prisma(), { ...parsePayload('dedup.scan', job.data), settings: config().rlPool })).status })),
  );
  const stages = await startStageWorkers({ boss, db: prisma(), settings: config().pipeline, state, holder: state.workerId ?? `worker-${process.pid}`, staleSeconds: config().workerStaleSeconds });
  (state.onStop ??= []).push(stages.stop);
  const batch = await startBatchWorker({ boss, db: prisma(), settings: config().pipeline, batch: batchSettings(), state, holder: state.workerId ?? `worker-${process.pid}` });
  return ['media.probe', 'import.run', 'export.run', 'dedup.scan', ...stages.queues, batch];
}
