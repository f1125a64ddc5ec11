import { execFileSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrismaClient } from '@/generated/prisma/client';
import { ensureEmbeddedPostgres, type EmbeddedHandle } from '@/lib/db/embedded';
import { migrate } from '@/lib/db/migrate';
import { createUser } from '@/lib/auth/users/create-user';
import { createApiToken } from '@/lib/auth/tokens/create-api-token';
import { enqueue, stopQueue } from '@/lib/queue/client';
import { freePort, ROOT, startProcess, stopProcess, waitFor } from '../support/processes';

// Database restart in the middle of work: the web app and a worker run against a PostgreSQL of
// this test's own (never the machine's shared server), which is stopped and started again. Both
// must come back by themselves — no restart, no manual step.

const DIST = process.env.NEXT_DIST_DIR ?? '.next-test';
const dataDir = path.join(ROOT, 'data', `faults-${crypto.randomBytes(3).toString('hex')}`);
let pgPort = 0;
let webPort = 0;
let server: EmbeddedHandle | undefined;
let dbUrl = '';
let token = '';
let web: (ChildProcess & { output: () => string }) | undefined;
let worker: (ChildProcess & { output: () => string }) | undefined;
const admin = { email: 'faults-admin@cot.test', password: 'faults-admin-pw' };

const base = () => `http://127.0.0.1:${webPort}`;
const health = async () => {
  // As an admin (the token): anonymous callers get the bare status only.
  const res = await fetch(`${base()}/api/health`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, body: (await res.json()) as { status: string; workers: { live: number; list: { lastSeenAt: string }[] } } };
};
const me = () => fetch(`${base()}/api/me`, { headers: { authorization: `Bearer ${token}` } });

async function startDb(): Promise<void> {
  server = await ensureEmbeddedPostgres({ dataDir, port: pgPort });
}

beforeAll(async () => {
  if (!fs.existsSync(path.join(ROOT, DIST, 'BUILD_ID'))) {
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules/next/dist/bin/next'), 'build'], {
      cwd: ROOT,
      env: { ...process.env, NEXT_DIST_DIR: DIST, NEXT_SKIP_TYPECHECK: '1', NEXT_TELEMETRY_DISABLED: '1' },
      stdio: 'inherit',
    });
  }
  [pgPort, webPort] = [await freePort(), await freePort()];
  await startDb();
  const adminConn = new pg.Client({ connectionString: server!.url });
  await adminConn.connect();
  await adminConn.query('CREATE DATABASE cot_test_faults');
  await adminConn.end();
  const u = new URL(server!.url);
  u.pathname = '/cot_test_faults';
  dbUrl = u.toString();
  await migrate({ databaseUrl: dbUrl });
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: dbUrl }) });
  const user = await createUser(db, { actorId: null, input: { ...admin, name: 'Faults', role: 'admin' } });
  token = (await createApiToken(db, { userId: user.id, input: { name: 'faults' } })).token;
  await db.dataset.create({ data: { name: 'faults', mediaRoot: dataDir } });
  await db.$disconnect();

  const env = { DATABASE_URL: dbUrl, NEXT_DIST_DIR: DIST, COT_DATA_DIR: dataDir, WORKER_HEARTBEAT_SECONDS: '1', WORKER_STALE_SECONDS: '5', NEXT_TELEMETRY_DISABLED: '1' };
  web = startProcess('web', [path.join(ROOT, 'node_modules/next/dist/bin/next'), 'start', '-p', String(webPort), '-H', '127.0.0.1'], env);
  worker = startProcess('worker', [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'workers/index.ts')], env);
  await waitFor('the web app and a live worker', async () => (await health()).body.workers.live >= 1, { timeoutMs: 90_000 });
});

afterAll(async () => {
  await stopProcess(web);
  await stopProcess(worker);
  await server?.stop().catch(() => {});
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('a database restart', () => {
  it('the web app and the worker recover by themselves', async () => {
    expect((await me()).status).toBe(200);

    await server!.stop();
    // Down: health says so (503), and a guarded route fails closed — never lets anyone in.
    const down = await waitFor('health to report the database down', async () => ((await health()).status === 503 ? true : null), { timeoutMs: 20_000 });
    expect(down).toBe(true);
    const guarded = await me();
    expect(guarded.status).toBe(503);
    const body = await guarded.text();
    expect(body).not.toMatch(/ECONNREFUSED|at .*\.js:\d+|127\.0\.0\.1:\d+/);
    // Let the worker's heartbeat and queue polling fail for a while.
    await new Promise((r) => setTimeout(r, 4000));

    const restartedAt = Date.now();
    await startDb();

    const h = await waitFor(
      'health ok with a heartbeat from after the restart',
      async () => {
        const r = await health();
        return r.status === 200 && r.body.status === 'ok' && r.body.workers.list.some((w) => Date.parse(w.lastSeenAt) > restartedAt) ? r : null;
      },
      { timeoutMs: 60_000 },
    );
    expect(h.body.workers.live).toBeGreaterThanOrEqual(1);
    expect((await me()).status).toBe(200);
    const signIn = await fetch(`${base()}/api/auth/sign-in/email`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(admin) });
    expect(signIn.status).toBe(200);

    // The worker's queue connection works again: a job sent now is picked up and completed.
    process.env.DATABASE_URL = dbUrl;
    const c = new pg.Client({ connectionString: dbUrl });
    await c.connect();
    try {
      const { id: datasetId } = (await c.query<{ id: number }>(`SELECT id FROM dataset WHERE name = 'faults'`)).rows[0]!;
      const jobId = await enqueue('media.probe', { datasetId });
      expect(jobId).toBeTruthy();
      await waitFor('the job to complete', async () => (await c.query(`SELECT state FROM pgboss.job WHERE id = $1`, [jobId])).rows[0]?.state === 'completed', {
        timeoutMs: 60_000,
      });
    } finally {
      await c.end();
      await stopQueue({ graceful: false, timeoutMs: 5000 });
    }
    expect(worker!.exitCode, worker!.output()).toBeNull();
    expect(web!.exitCode, web!.output()).toBeNull();
  });
});
