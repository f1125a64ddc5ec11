import { sql } from 'kysely';
import type { PrismaClient } from '@/generated/prisma/client';
import { kdb } from '@/lib/db/kysely';
import { liveWorkers } from '../workers/heartbeat';
import { QUEUE_SCHEMA } from '../queue/client';

export type Health = {
  status: 'ok' | 'degraded' | 'down';
  database: { ok: boolean; latencyMs: number | null; error?: string };
  queue: { ok: boolean; queued: number | null; active: number | null; error?: string };
  workers: { live: number; staleAfterSeconds: number; list: { id: string; hostname: string; pid: number; lastSeenAt: string; activeJobs: number }[] };
};

// Reads the queue's own tables rather than starting a queue client: health must answer even
// when pg-boss cannot start, and must not start background maintenance in the web process.
export async function getHealth(db: PrismaClient, opts: { staleSeconds: number }): Promise<Health> {
  const started = Date.now();
  let database: Health['database'];
  try {
    await kdb(db).selectNoFrom(sql<number>`1`.as('one')).execute();
    database = { ok: true, latencyMs: Date.now() - started };
  } catch (e) {
    database = { ok: false, latencyMs: null, error: (e as Error).message.split('\n')[0] };
  }

  let queue: Health['queue'] = { ok: false, queued: null, active: null };
  let workers: Health['workers'] = { live: 0, staleAfterSeconds: opts.staleSeconds, list: [] };
  if (database.ok) {
    try {
      const { rows } = await sql<{ state: string; n: number }>`
        SELECT state::text AS state, count(*)::int AS n FROM ${sql.table(`${QUEUE_SCHEMA}.job`)}
         WHERE state IN ('created','retry','active') GROUP BY state`.execute(kdb(db));
      const count = (s: string) => Number(rows.find((r) => r.state === s)?.n ?? 0);
      queue = { ok: true, queued: count('created') + count('retry'), active: count('active') };
    } catch (e) {
      queue = { ok: false, queued: null, active: null, error: 'queue tables not installed yet (start a worker)' };
      void e;
    }
    const list = await liveWorkers(db, opts.staleSeconds);
    workers = {
      live: list.length,
      staleAfterSeconds: opts.staleSeconds,
      list: list.map((w) => ({ id: w.id, hostname: w.hostname, pid: w.pid, lastSeenAt: w.lastSeenAt.toISOString(), activeJobs: w.activeJobs })),
    };
  }
  const status = !database.ok ? 'down' : queue.ok && workers.live > 0 ? 'ok' : 'degraded';
  return { status, database, queue, workers };
}
