import type PgBoss from 'pg-boss';
import { prisma } from '@/lib/db/client';
import { parsePayload } from '@/lib/queue/contract';
import { probeVideos } from '@/lib/media/probe-videos';
import { wrapHandler, type WorkerState } from './wrap-handler';

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
  return ['media.probe'];
}
