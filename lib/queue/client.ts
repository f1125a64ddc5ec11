import pg from 'pg';
import PgBoss from 'pg-boss';
import { config } from '../config';
import { JOB_NAMES, QUEUE_POLICY, JOB_SCHEMAS, type JobName, type JobPayload } from './contract';

// One queue client per process, kept on globalThis for the same reason as the Prisma client.
const g = globalThis as unknown as { __cotBoss?: Promise<PgBoss>; __cotBossUrl?: string };

export const QUEUE_SCHEMA = 'pgboss';

async function startBoss(url: string): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString: url, schema: QUEUE_SCHEMA, max: 4, maintenanceIntervalSeconds: config().queueMaintenanceSeconds });
  boss.on('error', (e) => console.error(JSON.stringify({ level: 'error', msg: 'queue error', error: e.message })));
  await boss.start();
  await ensureQueues(boss, url);
  return boss;
}

/**
 * Creates the missing queues holding a session advisory lock: workers started together on a
 * fresh database (bench/scale-out with 2 and 4 workers) deadlocked creating the same queues
 * ("deadlock detected"), so one process at a time checks and creates them.
 */
export async function ensureQueues(boss: PgBoss, url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock(hashtext('cot-studio:queue-setup'))");
    for (const name of JOB_NAMES) {
      // pg-boss 10 refuses send() to a queue that does not exist.
      if (!(await boss.getQueue(name))) await boss.createQueue(name, { name, ...QUEUE_POLICY[name] });
    }
  } finally {
    await client.end(); // ending the session releases the lock
  }
}

export function queue(): Promise<PgBoss> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set; the queue lives in the database.');
  if (!g.__cotBoss || g.__cotBossUrl !== url) {
    g.__cotBoss = startBoss(url);
    g.__cotBossUrl = url;
    g.__cotBoss.catch(() => {
      g.__cotBoss = undefined;
    });
  }
  return g.__cotBoss;
}

export async function stopQueue(opts: { graceful: boolean; timeoutMs: number }): Promise<void> {
  const boss = await g.__cotBoss?.catch(() => undefined);
  g.__cotBoss = undefined;
  await boss?.stop({ graceful: opts.graceful, timeout: opts.timeoutMs, wait: true });
}

/** A connection pg-boss can run its SQL on: pass a transaction's to enqueue atomically with it. */
export type QueueDb = PgBoss.Db;

export async function enqueue<N extends JobName>(
  name: N,
  payload: JobPayload<N>,
  opts: { key?: string; db?: QueueDb; startAfterSeconds?: number } = {},
): Promise<string | null> {
  const data = JOB_SCHEMAS[name].parse(payload) as object;
  const boss = await queue();
  return boss.send(name, data, {
    ...(opts.key ? { singletonKey: opts.key } : {}),
    ...(opts.db ? { db: opts.db } : {}),
    ...(opts.startAfterSeconds ? { startAfter: opts.startAfterSeconds } : {}),
  });
}
