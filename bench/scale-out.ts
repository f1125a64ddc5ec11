import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { disconnectPrisma, prisma } from '@/lib/db/client';
import { parsePipelineSettings } from '@/lib/pipeline/settings';
import { stopQueue } from '@/lib/queue/client';
import { createRun } from '@/lib/runs/create-run';
import { createTestDatabase } from '@/test/support/test-database';
import { representation } from '@/test/support/scripted-model-server';

// `npx tsx bench/scale-out.ts [--jobs N | --full] [--workers 1,2,4] [--concurrency 64]`
// (or BENCH_JOBS / BENCH_WORKERS): a scale-out rehearsal. Draft jobs against the zero-latency
// scripted server (its own process) with 1, 2 and 4 worker processes on this machine and one
// PostgreSQL, each on a fresh dataset of N items. Prints per worker count: jobs/s (and the
// ratio to one worker), queue latency p95 (job created → its result taken), PostgreSQL's share
// of the machine's CPU, and connections per worker, with a raw baseline in the same run (the
// same requests straight to the server: no queue, no database). Default 20 000 jobs; --full
// (or BENCH_JOBS=100000) runs 100 000.
const root = path.resolve(import.meta.dirname, '..');
const arg = (name: string, env: string, dflt: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1]! : (process.env[env] ?? dflt);
};
const JOBS = process.argv.includes('--full') ? 100_000 : Number(arg('--jobs', 'BENCH_JOBS', '20000'));
const WORKER_COUNTS = arg('--workers', 'BENCH_WORKERS', '1,2,4').split(',').map(Number);
const CONCURRENCY = Number(arg('--concurrency', 'BENCH_CONCURRENCY', '64'));
const children: ChildProcess[] = [];

function node(script: string, env: Record<string, string>, onLine?: (l: string) => void): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, script), ...(script.includes('scripted') ? ['--port', '0'] : [])], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
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

/** CPU ticks (user + system) of every process named `postgres`, and of the whole machine. */
function cpuTicks(): { postgres: number; total: number } {
  let postgres = 0;
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      if (comm !== 'postgres') continue;
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      postgres += Number(f[11]) + Number(f[12]);
    } catch {
      // The process ended meanwhile.
    }
  }
  const cpu = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.split(/\s+/).slice(1).map(Number);
  const total = cpu.slice(0, 8).reduce((a, b) => a + b, 0);
  return { postgres, total };
}

async function seed(n: number, label: string): Promise<string> {
  const db = prisma();
  const name = `scale-${label}-${Date.now().toString(36)}`;
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

/**
 * The raw baseline, in the same run: the same number of chat completions sent straight to the
 * scripted server from this process at the workers' concurrency — no queue, no database. What
 * a worker adds per job (claim, save, ledger, acks) is the gap between this and jobs/s.
 */
async function rawBaseline(serverUrl: string, n: number, concurrency: number): Promise<number> {
  const body = JSON.stringify({ model: 'scripted-model', messages: [{ role: 'user', content: 'Which shape moves first? A. circle B. square' }] });
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        next++;
        const res = await fetch(`${serverUrl.replace(/\/$/, '')}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        await res.json();
      }
    }),
  );
  return n / ((performance.now() - t0) / 1000);
}

async function liveWorkers(): Promise<number> {
  return prisma().workerHeartbeat.count({ where: { lastSeenAt: { gte: new Date(Date.now() - 5_000) } } });
}

async function main(): Promise<void> {
  const load = () => os.loadavg().map((x) => x.toFixed(1)).join(' ');
  console.log(`bench/scale-out — ${JOBS} draft jobs per worker count · ${os.cpus().length} cores · node ${process.version} · load average ${load()}`);
  const database = await createTestDatabase('bench');
  process.env.DATABASE_URL = database.url;
  const dbName = new URL(database.url).pathname.slice(1);
  let serverUrl = '';
  node('test/support/scripted-model-server.ts', {}, (l) => {
    const m = /on (http:\/\/\S+)/.exec(l);
    if (m) serverUrl = m[1]!;
  });
  while (!serverUrl) await new Promise((r) => setTimeout(r, 50));
  const env = { DATABASE_URL: database.url, COT_DEFAULT_BASE_URL: serverUrl, COT_DEFAULT_MODEL: 'scripted-model', COT_DEFAULT_CONCURRENCY: String(CONCURRENCY), WORKER_HEARTBEAT_SECONDS: '1' };
  const settings = parsePipelineSettings(env).settings;
  const rows: string[] = [];
  let single = 0;
  try {
    const raw = await rawBaseline(serverUrl, Math.min(JOBS, 20_000), CONCURRENCY);
    console.log(`  raw baseline: ${raw.toFixed(0)} chat completions/s straight to the scripted server (no queue, no database) · load average ${load()}`);
    for (const k of WORKER_COUNTS) {
      const name = await seed(JOBS, `w${k}`);
      const workers = Array.from({ length: k }, () => node('workers/index.ts', env));
      while ((await liveWorkers()) < k) await new Promise((r) => setTimeout(r, 200));
      // Connections the workers hold, sampled while they work (the bench's own are excluded).
      const own = (await prisma().$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND pid = pg_backend_pid()`, dbName))[0]!.n;
      let maxConnections = 0;
      const c0 = cpuTicks();
      const t0 = performance.now();
      const run = await createRun(prisma(), settings, { stage: 'draft', dataset: name }, { actorId: null });
      for (;;) {
        const [a] = await prisma().$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND backend_type = 'client backend'`, dbName);
        maxConnections = Math.max(maxConnections, a!.n);
        const r = await prisma().pipelineRun.findUniqueOrThrow({ where: { id: run.id } });
        if (r.status === 'completed') break;
        await new Promise((res) => setTimeout(res, 500));
      }
      const seconds = (performance.now() - t0) / 1000;
      const c1 = cpuTicks();
      const [lat] = await prisma().$queryRawUnsafe<{ p95: number; done: number }[]>(
        `SELECT percentile_cont(0.95) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM (r.started_at - p.created_at)))::float8 AS p95, count(*)::int AS done
           FROM stage_result r JOIN pipeline_run p ON p.id = r.run_id WHERE r.run_id = $1::int AND r.status = 'done'`,
        run.id,
      );
      const jobsPerSec = lat!.done / seconds;
      if (k === WORKER_COUNTS[0]) single = jobsPerSec / WORKER_COUNTS[0];
      const pgShare = (c1.postgres - c0.postgres) / Math.max(1, c1.total - c0.total);
      // The bench's own pool connections (1 when idle here) are not the workers'.
      const perWorker = Math.max(0, maxConnections - Math.max(1, own)) / k;
      const pgCores = (pgShare * os.cpus().length).toFixed(2);
      rows.push(
        `${String(k).padStart(7)} | ${jobsPerSec.toFixed(0).padStart(6)} | ${(jobsPerSec / single).toFixed(2).padStart(8)} | ${(jobsPerSec / raw).toFixed(3).padStart(10)} | ${lat!.p95.toFixed(1).padStart(11)} | ${`${(pgShare * 100).toFixed(0)}% (${pgCores} cores)`.padStart(17)} | ${perWorker.toFixed(1).padStart(10)}`,
      );
      console.log(`  ${k} worker(s): ${lat!.done} done in ${seconds.toFixed(1)} s · load average ${load()}`);
      await Promise.all(workers.map(stopChild));
      await prisma().workerHeartbeat.deleteMany({});
    }
    console.log(`raw baseline: ${raw.toFixed(0)} requests/s (same server, same concurrency, no queue or database)`);
    console.log('workers | jobs/s | vs 1 (×) | vs raw (×) | queue p95 s | PG CPU            | conns/worker');
    for (const r of rows) console.log(r);
    console.log(
      'queue p95 = run creation → result taken: with every job queued at once it measures the backlog, i.e. N / throughput.\n' +
        `PG CPU = PostgreSQL processes' share of all CPU time on this ${os.cpus().length}-core machine during the run (and in cores).\n` +
        'Absolute figures are inflated when the machine is shared: compare the ratios, and note the load average printed above.',
    );
    console.log(`load average at the end: ${load()}`);
  } finally {
    for (const c of children) await stopChild(c);
    await stopQueue({ graceful: false, timeoutMs: 1000 }).catch(() => {});
    await disconnectPrisma();
    await database.drop();
  }
}

main().catch((e) => {
  console.error(e);
  for (const c of children) c.kill('SIGKILL');
  process.exit(1);
});
