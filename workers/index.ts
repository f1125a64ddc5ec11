import crypto from 'node:crypto';
import os from 'node:os';
import { config } from '@/lib/config';
import { resolveDatabaseUrl } from '@/lib/db/resolve-url';
import { migrate } from '@/lib/db/migrate';
import { disconnectPrisma, prisma } from '@/lib/db/client';
import { queue, stopQueue } from '@/lib/queue/client';
import { beat, forgetWorker } from '@/lib/workers/heartbeat';
import { log } from '@/lib/log';
import { registerHandlers } from './handlers';
import type { WorkerState } from './wrap-handler';

// A worker process: any number of them, on any number of machines, share one database.
async function main(): Promise<void> {
  try {
    // Model endpoints and settings are validated before anything starts.
    config();
  } catch (e) {
    console.error(`worker not started: ${(e as Error).message}`);
    process.exit(1);
  }
  const db = await resolveDatabaseUrl();
  process.env.DATABASE_URL = db.url;
  await migrate({ databaseUrl: db.url, onLog: (l) => log('info', l) });

  const workerId = `${os.hostname()}-${process.pid}-${crypto.randomBytes(3).toString('hex')}`;
  const boss = await queue();
  const state: WorkerState = { active: 0, workerId, onStop: [] };
  const stages = await registerHandlers(boss, state);
  const client = prisma();

  const heartbeat = async () => {
    try {
      await beat(client, { id: workerId, stages, activeJobs: state.active });
    } catch (e) {
      log('warn', 'heartbeat failed', { error: (e as Error).message });
    }
  };
  await heartbeat();
  const timer = setInterval(heartbeat, config().workerHeartbeatSeconds * 1000);
  log('info', 'worker ready', { workerId, queues: stages });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log('info', 'worker stopping: finishing in-flight jobs', { signal, active: state.active });
    clearInterval(timer);
    await Promise.all((state.onStop ?? []).map((stop) => stop(30_000).catch((e: unknown) => log('warn', 'stage workers did not stop cleanly', { error: String(e) }))));
    // In-flight jobs get 30 s to finish; anything still running after that is released
    // by pg-boss's expiry and picked up by another worker.
    await stopQueue({ graceful: true, timeoutMs: 30_000 }).catch((e) => log('warn', 'queue stop failed', { error: String(e) }));
    await forgetWorker(client, workerId).catch(() => {});
    await disconnectPrisma();
    await db.stop();
    log('info', 'worker stopped', { workerId });
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((e) => {
  log('error', 'worker failed to start', { error: (e as Error).message });
  process.exit(1);
});
