import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDataset, startHarness, type Harness } from '../support/pipeline-harness';

// A worker killed with kill -9 in the middle of a run loses nothing and duplicates nothing:
// its jobs come back when their lease expires and another worker finishes them.
const root = path.resolve(import.meta.dirname, '../..');
let h: Harness;
const children: ChildProcess[] = [];

beforeAll(async () => {
  h = await startHarness({ server: { delayMs: 150 } });
});
afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await h?.stop();
});

function startWorkerProcess(): ChildProcess {
  // `node --import tsx`, not the tsx CLI: the CLI runs the script in a child process, and
  // kill -9 must hit the worker itself.
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'workers/index.ts')], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: h.databaseUrl,
      COT_DEFAULT_BASE_URL: h.server.url,
      COT_DEFAULT_MODEL: 'scripted-model',
      COT_DEFAULT_CONCURRENCY: '4',
      // Short leases so the test does not wait minutes for the killed worker's jobs and slots.
      COT_JOB_EXPIRE_SECONDS: '4',
      COT_SLOT_LEASE_SECONDS: '3',
      QUEUE_MAINTENANCE_SECONDS: '1',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr?.on('data', (d: Buffer) => process.stderr.write(`[worker ${child.pid}] ${d}`));
  children.push(child);
  return child;
}

async function until(cond: () => Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('a worker killed with kill -9 mid-run', () => {
  it('loses no result and duplicates none', { timeout: 180_000 }, async () => {
    const N = 40;
    const { dataset, itemIds } = await seedDataset(h.db, { items: Array.from({ length: N }, () => ({})), withRepresentation: true });
    // Jobs carry their lease (expiry) from the run's creation.
    const run = await h.createRun({ stage: 'draft', dataset: dataset.id }, { ...h.settings, jobExpireSeconds: 4 });

    const first = startWorkerProcess();
    const doneCount = () => h.db.stageResult.count({ where: { runId: run.id, status: 'done' } });
    await until(async () => (await doneCount()) >= 8 && h.server.inFlight > 0, 90_000, 'the first worker to be mid-run');
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    const atKill = await doneCount();
    const running = await h.db.stageResult.count({ where: { runId: run.id, status: 'running' } });
    expect(atKill).toBeLessThan(N);
    expect(running).toBeGreaterThan(0);

    startWorkerProcess();
    const finished = await h.waitForRun(run.id, 120_000).catch(async (e: Error) => {
      const jobs = await h.db.$queryRawUnsafe(`SELECT state::text, count(*)::int AS n FROM pgboss.job WHERE name = 'stage.draft' GROUP BY 1`);
      const res = await h.db.$queryRawUnsafe(`SELECT status::text, attempts, count(*)::int AS n FROM stage_result WHERE run_id = $1 GROUP BY 1, 2`, run.id);
      throw new Error(`${e.message}; jobs ${JSON.stringify(jobs)}; results ${JSON.stringify(res)}`);
    });

    expect(finished).toMatchObject({ status: 'completed', total: N, done: N, failed: 0 });
    const results = await h.results(run.id);
    expect(results.every((r) => r.status === 'done')).toBe(true);
    // The results that were in flight when the worker died were taken over (a second attempt).
    expect(results.filter((r) => r.attempts >= 2).length).toBeGreaterThanOrEqual(1);
    // 0 lost: every item has its draft; 0 duplicated: exactly one draft per item.
    const drafts = await h.db.cotVersion.groupBy({ by: ['itemId'], where: { itemId: { in: itemIds }, kind: 'draft' }, _count: { _all: true } });
    expect(drafts).toHaveLength(N);
    expect(drafts.every((d) => d._count._all === 1)).toBe(true);
    const items = await h.db.item.findMany({ where: { id: { in: itemIds } }, select: { currentDraftId: true } });
    expect(items.every((i) => i.currentDraftId !== null)).toBe(true);
    expect(new Set(results.map((r) => r.outputVersionId)).size).toBe(N);
    console.log(`kill -9 test: ${atKill} done and ${running} in flight at the kill; ${N} done, 0 lost, 0 duplicated after takeover`);
  });
});
