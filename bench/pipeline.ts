import { spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { disconnectPrisma, prisma } from '@/lib/db/client';
import { chatComplete } from '@/lib/models/chat';
import { parseModelEndpoints } from '@/lib/models/model-config';
import { parsePipelineSettings } from '@/lib/pipeline/settings';
import { stopQueue } from '@/lib/queue/client';
import { createRun } from '@/lib/runs/create-run';
import { createTestDatabase } from '@/test/support/test-database';
import { representation } from '@/test/support/scripted-model-server';

// `npx tsx bench/pipeline.ts [--items N] [--busy-items N]` (or BENCH_ITEMS / BENCH_BUSY_ITEMS):
// draft-stage jobs through the whole path — run creation (rows + jobs in one transaction),
// pg-boss, a real worker process, the stage pump and its shared slot limiter, the OpenAI SDK,
// the scripted model server (its own process), and the save — on a fresh cot_test_* database.
//   1. throughput with a zero-latency server (aim >= 200 jobs/s), against a raw baseline: the
//      same SDK calls to the same server with no database at all;
//   2. how full the configured concurrency stays with a 200 ms server (aim >= 95% busy).
const root = path.resolve(import.meta.dirname, '..');
const arg = (name: string, env: string, dflt: number) => {
  const i = process.argv.indexOf(name);
  return Number(i > 0 ? process.argv[i + 1] : (process.env[env] ?? dflt));
};
const ITEMS = arg('--items', 'BENCH_ITEMS', 3000);
const CONCURRENCY = arg('--concurrency', 'BENCH_CONCURRENCY', 64);
const BUSY_CONCURRENCY = arg('--busy-concurrency', 'BENCH_BUSY_CONCURRENCY', 16);
const BUSY_ITEMS = arg('--busy-items', 'BENCH_BUSY_ITEMS', BUSY_CONCURRENCY * 50);
const children: ChildProcess[] = [];

function node(script: string, env: Record<string, string>, onLine?: (l: string) => void): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, script), ...(script.includes('scripted') ? ['--port', '0'] : [])], {
    cwd: root,
    // BENCH_WORKER_LOG=debug prints the workers' pump stats (fetch, claim, slot wait, request times).
    env: { ...process.env, LOG_LEVEL: process.env.BENCH_WORKER_LOG ?? 'warn', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  child.stdout?.setEncoding('utf8').on('data', (d: string) => d.split('\n').filter(Boolean).forEach((l) => onLine?.(l)));
  children.push(child);
  return child;
}

async function stopChild(c: ChildProcess): Promise<void> {
  if (c.exitCode !== null) return;
  c.kill('SIGTERM');
  await new Promise((r) => c.once('exit', r));
}

type Stats = { requests: number; maxInFlight: number; busyMs: number; steadyBusy: number; firstStartAt: number | null; lastEndAt: number | null };
const control = async (url: string, what: string): Promise<Stats> => (await fetch(`${url.replace(/\/v1$/, '')}/__${what}`)).json() as Promise<Stats>;

async function seed(n: number, label: string): Promise<string> {
  const db = prisma();
  const name = `bench-${label}-${Date.now().toString(36)}`;
  const videos = Math.max(1, Math.ceil(n / 4));
  const [ds] = await db.$queryRawUnsafe<{ id: number }[]>(`INSERT INTO dataset (name, media_root, updated_at) VALUES ($1, '/nonexistent', now()) RETURNING id`, name);
  await db.$executeRawUnsafe(
    `INSERT INTO video (dataset_id, path, duration_sec, representation, representation_model, representation_prompt_version, representation_at)
     SELECT $1::int, './v' || g || '.mp4', 3, $2::jsonb, 'seed', 'seed/v0', now() FROM generate_series(1, $3::int) g`,
    ds!.id,
    JSON.stringify(representation(['00:00:00', '00:00:01', '00:00:02'], 3)),
    videos,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO item (dataset_id, video_id, problem_id, problem, options, problem_type, data_type, path, solution, ground_truth, updated_at)
     SELECT $1::int, v.id, g::text, 'Which shape moves first?', ARRAY['A. circle', 'B. square'], 'multiple choice', 'video', v.path, '<answer>A</answer>', 'A', now()
       FROM generate_series(1, $2::int) g JOIN video v ON v.dataset_id = $1::int AND v.path = './v' || (1 + g % $3::int) || '.mp4'`,
    ds!.id,
    n,
    videos,
  );
  return name;
}

async function waitForRun(runId: number): Promise<{ done: number; failed: number; startedAt: Date | null; finishedAt: Date | null }> {
  for (;;) {
    const r = await prisma().pipelineRun.findUniqueOrThrow({ where: { id: runId } });
    if (r.status === 'completed' || r.status === 'cancelled' || r.status === 'failed') return r;
    await new Promise((res) => setTimeout(res, 50));
  }
}

async function waitForWorker(): Promise<void> {
  for (;;) {
    const n = await prisma().workerHeartbeat.count({ where: { lastSeenAt: { gte: new Date(Date.now() - 10_000) } } });
    if (n > 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function rawBaseline(url: string, requests: number, concurrency: number): Promise<number> {
  const endpoint = parseModelEndpoints({ COT_DRAFT_BASE_URL: url, COT_DRAFT_MODEL: 'scripted-model' }).endpoints.draft!;
  const messages = [{ role: 'user' as const, content: 'Which shape moves first? Provide only the single option letter' }];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < requests) await chatComplete(endpoint, messages);
    }),
  );
  return requests / ((performance.now() - started) / 1000);
}

async function main(): Promise<void> {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  // Other work on the machine changes these figures a lot: the load average is printed with them.
  const load = () => os.loadavg().map((x) => x.toFixed(1)).join(' ');
  console.log(`bench/pipeline — draft jobs through the whole path · ${os.cpus().length} cores · node ${process.version} · load average ${load()}`);
  const database = await createTestDatabase('bench');
  process.env.DATABASE_URL = database.url;
  let serverUrl = '';
  const server = node('test/support/scripted-model-server.ts', {}, (l) => {
    const m = /on (http:\/\/\S+)/.exec(l);
    if (m) serverUrl = m[1]!;
  });
  while (!serverUrl) await new Promise((r) => setTimeout(r, 50));
  const workerEnv = (concurrency: number) => ({ DATABASE_URL: database.url, COT_DEFAULT_BASE_URL: serverUrl, COT_DEFAULT_MODEL: 'scripted-model', COT_DEFAULT_CONCURRENCY: String(concurrency), WORKER_HEARTBEAT_SECONDS: '1' });
  try {
    // 0. Raw baseline: the model calls alone, same client, same server, no database.
    await rawBaseline(serverUrl, 300, CONCURRENCY);
    const raw = await rawBaseline(serverUrl, Math.max(2000, ITEMS), CONCURRENCY);
    console.log(`raw baseline     OpenAI SDK → zero-latency server, ${CONCURRENCY} at once, no database: ${raw.toFixed(0)} requests/s`);

    // 1. Throughput.
    const settings = parsePipelineSettings(workerEnv(CONCURRENCY)).settings;
    const showStats = (l: string) => l.includes('stage pump stats') && console.log(`  worker: ${l}`);
    const worker = node('workers/index.ts', workerEnv(CONCURRENCY), showStats);
    await waitForWorker();
    const warm = await seed(200, 'warm');
    await waitForRun((await createRun(prisma(), settings, { stage: 'draft', dataset: warm }, { actorId: null })).id);
    const name = await seed(ITEMS, 'throughput');
    const t0 = performance.now();
    const run = await createRun(prisma(), settings, { stage: 'draft', dataset: name }, { actorId: null });
    const t1 = performance.now();
    const done = await waitForRun(run.id);
    const t2 = performance.now();
    const jobsPerSec = done.done / ((t2 - t1) / 1000);
    console.log(`run creation     ${ITEMS} results + ${ITEMS} jobs in one transaction: ${(t1 - t0).toFixed(0)} ms`);
    console.log(
      `throughput       ${done.done} done, ${done.failed} failed in ${((t2 - t1) / 1000).toFixed(2)} s = ${jobsPerSec.toFixed(0)} jobs/s ` +
        `(${pct(jobsPerSec / raw)} of the raw baseline) — aim >= 200/s: ${jobsPerSec >= 200 ? 'met' : 'NOT met'}`,
    );
    await stopChild(worker);

    // 2. Concurrency kept busy with a 200 ms server.
    await fetch(`${serverUrl.replace(/\/v1$/, '')}/__delay?ms=200`);
    const busySettings = parsePipelineSettings(workerEnv(BUSY_CONCURRENCY)).settings;
    const busyWorker = node('workers/index.ts', workerEnv(BUSY_CONCURRENCY), showStats);
    await waitForWorker();
    const busyName = await seed(BUSY_ITEMS, 'busy');
    await control(serverUrl, 'reset');
    const busyRun = await createRun(prisma(), busySettings, { stage: 'draft', dataset: busyName }, { actorId: null });
    const b = await waitForRun(busyRun.id);
    const s = await control(serverUrl, `stats?concurrency=${BUSY_CONCURRENCY}&trim=0.1`);
    const wall = (s.lastEndAt ?? 0) - (s.firstStartAt ?? 0);
    const busy = s.busyMs / (BUSY_CONCURRENCY * wall);
    const ideal = (Math.ceil(BUSY_ITEMS / BUSY_CONCURRENCY) * 200) / 1000;
    console.log(
      `concurrency      ${BUSY_CONCURRENCY} slots, 200 ms server, ${b.done} jobs: ${pct(s.steadyBusy)} busy in steady state (the middle 80% of the run), ` +
        `${pct(busy)} from first request to last reply (${(wall / 1000).toFixed(2)} s; ideal ${ideal.toFixed(2)} s); never more than ${s.maxInFlight} in flight — ` +
        `aim >= 95%: ${s.steadyBusy >= 0.95 ? 'met' : 'NOT met'}`,
    );
    await stopChild(busyWorker);
    console.log(`load average at the end: ${load()}`);
  } finally {
    for (const c of children) await stopChild(c);
    await stopQueue({ graceful: false, timeoutMs: 1000 }).catch(() => {});
    await disconnectPrisma();
    await database.drop();
    void server;
  }
}

main().catch((e) => {
  console.error(e);
  for (const c of children) c.kill('SIGKILL');
  process.exit(1);
});
