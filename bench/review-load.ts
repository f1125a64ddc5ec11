import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { createTestDatabase } from '@/test/support/test-database';
import { freePort, ROOT, startProcess, stopProcess, waitFor } from '@/test/support/processes';
import { disconnectPrisma, prisma } from '@/lib/db/client';
import { seedDemo } from '@/demo/seed';
import { getReviewItem } from '@/lib/review/get-review-item';
import { createUser } from '@/lib/auth/users/create-user';
import { createAssignment } from '@/lib/assignments/create-assignment';
import { SCENARIOS, type ReviewerContext } from './review-scenarios';
import { benchFetch } from './support/bench-fetch';

// Load test on loopback: N reviewers (default 50), each signed in with their own session,
// working through their own items for S seconds (default 60) against the production build.
// Baselines measured in the same run, at the same concurrency: the page's own database read
// (getItem, in-process, no HTTP) and GET /api/health (HTTP, no session, one trivial query).
//
//   npx tsx bench/review-load.ts [--scenario review-api|item-page|item-page+media]
//   BENCH_REVIEWERS=50 BENCH_SECONDS=60 BENCH_ITEMS=2000 BENCH_BASELINE_SECONDS=10 BENCH_THINK_MS=1000
//
// Every phase paces each simulated user the same way (THINK_MS between iterations, with ±50%
// jitter so they do not march in step), so the ratios compare like with like.
//
// It makes its own cot_test_* database (TEST_DATABASE_URL's server, else the embedded test
// server) and drops it afterwards; it builds .next-test first if there is no build.

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const REVIEWERS = Number(arg('reviewers') ?? process.env.BENCH_REVIEWERS ?? 50);
const SECONDS = Number(arg('seconds') ?? process.env.BENCH_SECONDS ?? 60);
const BASELINE_SECONDS = Number(process.env.BENCH_BASELINE_SECONDS ?? 10);
const ITEMS = Number(arg('items') ?? process.env.BENCH_ITEMS ?? 2000);
// A reviewer reads, watches and decides between requests. 1 s is a fast pace (a real one is
// several seconds); 0 turns every phase into a closed loop that measures capacity instead.
const THINK_MS = Number(arg('think-ms') ?? process.env.BENCH_THINK_MS ?? 1000);
const SCENARIO = arg('scenario') ?? process.env.BENCH_SCENARIO ?? 'review-api';
const DIST = process.env.NEXT_DIST_DIR ?? '.next-test';
const picked = SCENARIOS[SCENARIO];
if (!picked) throw new Error(`unknown scenario ${SCENARIO}; one of ${Object.keys(SCENARIOS).join(', ')}`);
const scenario = picked;

type Stats = { name: string; n: number; errors: number; conflicts: number; p50: number; p95: number; p99: number; max: number; rps: number; errorSamples: string[] };

class Recorder {
  private readonly lat = new Map<string, number[]>();
  private readonly err = new Map<string, number>();
  private readonly conf = new Map<string, number>();
  private readonly samples = new Map<string, string[]>();
  add(name: string, ms: number, outcome: 'ok' | 'error' | 'conflict', sample?: string) {
    if (!this.lat.has(name)) this.lat.set(name, []);
    this.lat.get(name)!.push(ms);
    if (outcome === 'error') {
      this.err.set(name, (this.err.get(name) ?? 0) + 1);
      const s = this.samples.get(name) ?? [];
      if (s.length < 3 && sample) s.push(sample);
      this.samples.set(name, s);
    }
    if (outcome === 'conflict') this.conf.set(name, (this.conf.get(name) ?? 0) + 1);
  }
  stats(seconds: number): Stats[] {
    return [...this.lat].map(([name, xs]) => {
      const s = [...xs].sort((a, b) => a - b);
      const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0;
      return { name, n: s.length, errors: this.err.get(name) ?? 0, conflicts: this.conf.get(name) ?? 0, p50: q(0.5), p95: q(0.95), p99: q(0.99), max: s[s.length - 1] ?? 0, rps: s.length / seconds, errorSamples: this.samples.get(name) ?? [] };
    });
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function runFor(seconds: number, workers: number, once: (w: number, rec: Recorder) => Promise<void>, thinkMs = THINK_MS): Promise<Recorder> {
  const rec = new Recorder();
  const until = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      if (thinkMs > 0) await sleep(Math.random() * thinkMs);
      while (Date.now() < until) {
        await once(w, rec);
        if (thinkMs > 0) await sleep(thinkMs * (0.5 + Math.random()));
      }
    }),
  );
  return rec;
}

async function seedBenchItems(datasetName: string): Promise<{ datasetId: number; items: { id: number; datasetId: number; path: string }[] }> {
  const db = prisma();
  const demo = await db.dataset.findUniqueOrThrow({ where: { name: 'demo' } });
  const bench = await db.dataset.create({ data: { name: datasetName, mediaRoot: demo.mediaRoot } });
  // Set-based copies of the demo rows, so the table has ITEMS items with videos and CoTs.
  await db.$executeRaw`INSERT INTO video (dataset_id, path, data_type, duration_sec, fps, width, height, frame_count, probed_at, representation, representation_at)
    SELECT ${bench.id}, path, data_type, duration_sec, fps, width, height, frame_count, probed_at, representation, representation_at FROM video WHERE dataset_id = ${demo.id}`;
  await db.$executeRaw`WITH src AS (SELECT i.*, (row_number() OVER (ORDER BY id) - 1)::int AS rn, count(*) OVER ()::int AS n FROM item i WHERE dataset_id = ${demo.id})
    INSERT INTO item (dataset_id, video_id, problem_id, problem, options, problem_type, data_type, path, data_source, solution, ground_truth, field_order, source_index, draft_score, draft_correct, revision_score, revision_correct, cot_length)
    SELECT ${bench.id}, v.id, 'bench-' || g, s.problem, s.options, s.problem_type, s.data_type, s.path, s.data_source, s.solution, s.ground_truth, s.field_order, s.id, s.draft_score, s.draft_correct, s.revision_score, s.revision_correct, s.cot_length
      FROM generate_series(0, ${ITEMS - 1}::int) g JOIN src s ON s.rn = g % s.n LEFT JOIN video v ON v.dataset_id = ${bench.id} AND v.path = s.path`;
  await db.$executeRaw`INSERT INTO cot_version (item_id, kind, text, think, answer, format_ok, answer_score, answer_correct, model, prompt_version)
    SELECT b.id, c.kind, c.text, c.think, c.answer, c.format_ok, c.answer_score, c.answer_correct, c.model, c.prompt_version
      FROM item b JOIN item s ON s.id = b.source_index JOIN cot_version c ON c.id IN (s.current_draft_id, s.current_revision_id) WHERE b.dataset_id = ${bench.id}`;
  await db.$executeRaw`UPDATE item b SET current_draft_id = d.id, current_revision_id = r.id
      FROM cot_version d, cot_version r WHERE b.dataset_id = ${bench.id} AND d.item_id = b.id AND d.kind = 'draft' AND r.item_id = b.id AND r.kind = 'revision'`;
  const items = await db.item.findMany({ where: { datasetId: bench.id }, select: { id: true, datasetId: true, path: true }, orderBy: { id: 'asc' } });
  return { datasetId: bench.id, items };
}

function print(title: string, seconds: number, rec: Recorder): Stats[] {
  const rows = rec.stats(seconds);
  console.log(`\n${title}`);
  console.log('  step                              requests  errors  409s    p50 ms   p95 ms   p99 ms   max ms   req/s');
  for (const r of rows) {
    console.log(
      `  ${r.name.padEnd(32)} ${String(r.n).padStart(9)} ${String(r.errors).padStart(7)} ${String(r.conflicts).padStart(5)} ${r.p50.toFixed(1).padStart(9)}${r.p95.toFixed(1).padStart(9)}${r.p99.toFixed(1).padStart(9)}${r.max.toFixed(1).padStart(9)}${r.rps.toFixed(1).padStart(8)}`,
    );
    for (const s of r.errorSamples) console.log(`    error sample: ${s}`);
  }
  return rows;
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(ROOT, DIST, 'BUILD_ID'))) {
    console.log(`[bench] no build in ${DIST}; building…`);
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules/next/dist/bin/next'), 'build'], {
      cwd: ROOT,
      env: { ...process.env, NEXT_DIST_DIR: DIST, NEXT_SKIP_TYPECHECK: '1', NEXT_TELEMETRY_DISABLED: '1' },
      stdio: 'inherit',
    });
  }
  const tdb = await createTestDatabase('bench');
  process.env.DATABASE_URL = tdb.url;
  let web: ReturnType<typeof startProcess> | undefined;
  try {
    await seedDemo(prisma(), { mediaDir: path.join(ROOT, 'data', 'media') });
    const { datasetId: benchDatasetId, items } = await seedBenchItems('bench');
    const password = 'bench-reviewer-pw';
    const emails = Array.from({ length: REVIEWERS }, (_, i) => `bench-reviewer-${i}@cot.test`);
    const reviewerIds: string[] = [];
    for (const email of emails) reviewerIds.push((await createUser(prisma(), { actorId: null, input: { email, name: email, role: 'reviewer', password } })).id);
    // Reviewers act only within their assignments (lib/assignments/item-access.ts): one covering the bench dataset.
    await createAssignment(prisma(), { actorId: null, input: { name: 'bench', filter: `dataset=${benchDatasetId}`, reviewerIds } });

    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    // BENCH_WEB_CPU_PROF=DIR writes a V8 CPU profile of the web app there (open it in Chrome's DevTools).
    const prof = process.env.BENCH_WEB_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_WEB_CPU_PROF)}`] : [];
    web = startProcess('web', [...prof, path.join(ROOT, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port), '-H', '127.0.0.1'], {
      DATABASE_URL: tdb.url,
      NEXT_DIST_DIR: DIST,
      NEXT_TELEMETRY_DISABLED: '1',
      LOG_LEVEL: 'warn',
    });
    await waitFor('the web app', async () => (await fetch(`${base}/api/health`)).status < 500, { timeoutMs: 60_000 });

    const cookies: string[] = [];
    for (const email of emails) {
      const res = await fetch(`${base}/api/auth/sign-in/email`, { method: 'POST', headers: { 'content-type': 'application/json', origin: base }, body: JSON.stringify({ email, password }) });
      if (res.status !== 200) throw new Error(`sign-in for ${email} failed: ${res.status} ${await res.text()}`);
      cookies.push(res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; '));
    }
    console.log(`[bench] ${REVIEWERS} reviewers signed in; ${items.length} items; scenario ${SCENARIO}: ${scenario.describe}`);
    const os = await import('node:os');
    console.log(`[bench] think time ${THINK_MS} ms (±50%) per reviewer between iterations; Node ${process.version}; ${os.cpus().length} CPU(s), load average ${os.loadavg()[0]!.toFixed(1)}, shared by the load generator, the web app and PostgreSQL`);

    // Warm up (compiles route code paths, fills connection pools), not measured.
    await runFor(3, REVIEWERS, async (w) => void (await (await fetch(`${base}/items/${items[w % items.length]!.id}`, { headers: { cookie: cookies[w]! } })).arrayBuffer()), 0);

    // Baseline 1: the page's own database read, in-process, same concurrency.
    const raw = await runFor(BASELINE_SECONDS, REVIEWERS, async (w, rec) => {
      const it = items[Math.floor(Math.random() * items.length)]!;
      const t = performance.now();
      try {
        await getReviewItem(prisma(), it.id);
        rec.add('getReviewItem (in-process)', performance.now() - t, 'ok');
      } catch (e) {
        rec.add('getReviewItem (in-process)', performance.now() - t, 'error', String(e));
      }
      void w;
    });
    const rawRows = print(`baseline: the review page's database read, ${REVIEWERS} concurrent, ${BASELINE_SECONDS} s`, BASELINE_SECONDS, raw);

    // Baseline 2: the cheapest HTTP round trip through Next.js (no session, one trivial query).
    const health = await runFor(BASELINE_SECONDS, REVIEWERS, async (_w, rec) => {
      const t = performance.now();
      try {
        const res = await benchFetch(`${base}/api/health`);
        await res.arrayBuffer();
        rec.add('GET /api/health', performance.now() - t, res.ok ? 'ok' : 'error', `${res.status}`);
      } catch (e) {
        rec.add('GET /api/health', performance.now() - t, 'error', String(e));
      }
    });
    const healthRows = print(`baseline: GET /api/health over HTTP, ${REVIEWERS} concurrent, ${BASELINE_SECONDS} s`, BASELINE_SECONDS, health);

    // What the proxy's session check adds: the smallest signed-in API call.
    const me = await runFor(BASELINE_SECONDS, REVIEWERS, async (w, rec) => {
      const t = performance.now();
      try {
        const res = await benchFetch(`${base}/api/me`, { headers: { cookie: cookies[w]! } });
        await res.arrayBuffer();
        rec.add('GET /api/me (session check)', performance.now() - t, res.ok ? 'ok' : 'error', `${res.status}`);
      } catch (e) {
        rec.add('GET /api/me (session check)', performance.now() - t, 'error', String(e));
      }
    });
    print(`reference: GET /api/me with a session cookie, ${REVIEWERS} concurrent, ${BASELINE_SECONDS} s`, BASELINE_SECONDS, me);

    // The load: each reviewer works through their own slice of the items.
    const slices = cookies.map((_, i) => items.filter((_, k) => k % REVIEWERS === i));
    const cursor = cookies.map(() => 0);
    const ctxs: ReviewerContext[] = cookies.map((cookie, i) => ({
      base,
      cookie,
      nextItem: () => {
        const s = slices[i]!.length > 0 ? slices[i]! : items;
        return s[cursor[i]!++ % s.length]!;
      },
    }));
    const load = await runFor(SECONDS, REVIEWERS, async (w, rec) => {
      let t = performance.now();
      try {
        for await (const step of scenario.run(ctxs[w]!)) {
          const ms = performance.now() - t;
          const s = step.res.status;
          rec.add(step.name, ms, s === 409 ? 'conflict' : s >= 200 && s < 300 ? 'ok' : 'error', `${s} ${step.res.headers.get('location') ?? ''}`);
          t = performance.now();
        }
      } catch (e) {
        rec.add('network', performance.now() - t, 'error', String(e));
      }
    });
    const rows = print(`load: ${SCENARIO}, ${REVIEWERS} reviewers, ${SECONDS} s`, SECONDS, load);

    const rawP95 = rawRows[0]?.p95 ?? NaN;
    const healthP95 = healthRows[0]?.p95 ?? NaN;
    console.log('\nratios (p95)');
    for (const r of rows) console.log(`  ${r.name.padEnd(32)} ${(r.p95 / rawP95).toFixed(1)}x the in-process read, ${(r.p95 / healthP95).toFixed(1)}x GET /api/health`);
    const errors = rows.reduce((a, r) => a + r.errors, 0);
    const worstP95 = Math.max(...rows.map((r) => r.p95));
    console.log(`\nsummary: ${errors} errors; worst step p95 ${worstP95.toFixed(1)} ms (target <= 100 ms for the review API)`);
    fs.mkdirSync(path.join(ROOT, 'bench', 'out'), { recursive: true });
    fs.writeFileSync(
      path.join(ROOT, 'bench', 'out', `review-load-${SCENARIO}.json`),
      JSON.stringify({ scenario: SCENARIO, reviewers: REVIEWERS, seconds: SECONDS, items: items.length, baseline: { raw: rawRows, health: healthRows }, load: rows }, null, 2),
    );
  } finally {
    await stopProcess(web);
    await disconnectPrisma();
    await tdb.drop();
  }
}

main().catch((e) => {
  console.error(`[bench] failed: ${(e as Error).stack}`);
  process.exit(1);
});
