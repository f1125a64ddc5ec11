import http from 'node:http';
import path from 'node:path';
import pg from 'pg';
import { chromium, type Browser, type BrowserContextOptions } from '@playwright/test';
import { CHROMIUM_ARGS } from '../playwright.config';
import { E2E_ADMIN } from '../e2e/users';
import { kb, PAGE_JS_BUDGET_GZIP_BYTES, routeJsSizes } from '../scripts/lib/route-js-size';
import { startBenchServer } from './support/bench-server';
import { syntheticDatabase } from './support/synthetic-items';

// What a user sees when opening each main page cold: a fresh browser context (no cache, no
// service state) per load, signed in, Chromium 1440x900. Per page: the median time to first
// byte (the server's share) and largest contentful paint (LCP) of BENCH_RUNS loads (default 7)
// after one unmeasured warm-up, the
// gzipped JavaScript the browser fetched by then (Resource Timing encodedBodySize; the server
// gzips), and the page's first JavaScript as the build's manifests list it. On the demo
// dataset, then on BENCH_ITEMS (default 310000; 0 skips it) synthetic items seeded into the
// same database (bench/support/synthetic-items.ts).
//
//   npx tsx bench/page-speed.ts          # needs a build in .next-test (NEXT_DIST_DIR)
//   BENCH_ITEMS=0 BENCH_RUNS=9 npx tsx bench/page-speed.ts
//   BENCH_URL=http://127.0.0.1:3000 BENCH_DATABASE_URL=postgres://…/cot_test_… BENCH_EMAIL=… BENCH_PASSWORD=… npx tsx bench/page-speed.ts
//
// Raw baseline, loaded in the same run and alternated with the page's own loads: the page's
// first HTML as the server rendered it for this user, with every <script> removed, served as a
// static file (its stylesheet comes from the app). That is what the browser needs to paint the
// same rows with no application code and no server work; "× raw" is the page's LCP over it.
//
// Targets (issue 15): /items LCP <= 500 ms on the demo and <= 800 ms at 310K items; every page
// <= 250 KB of gzipped JavaScript.

const root = path.resolve(import.meta.dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const ITEMS = Number(process.env.BENCH_ITEMS ?? 310_000);
const distDir = path.join(root, process.env.NEXT_DIST_DIR ?? '.next-test');
const LCP_TARGET_MS: Record<string, { demo: number; large: number }> = { '/items': { demo: 500, large: 800 } };

type PageCase = { route: string; url: string };
type Measured = { lcp: number; ttfb: number; jsBytes: number };

/** Serves the script-free copies of the pages (`/raw/<n>`); everything else goes to the app. */
async function startRawServer(appUrl: string): Promise<{ url: string; put: (html: string) => string; stop: () => Promise<void> }> {
  const pages: string[] = [];
  const app = new URL(appUrl);
  const server = http.createServer((req, res) => {
    const m = /^\/raw\/(\d+)$/.exec(req.url ?? '');
    if (m && pages[Number(m[1])] !== undefined) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(pages[Number(m[1])]);
      return;
    }
    const upstream = http.request({ host: app.hostname, port: app.port, path: req.url, method: req.method, headers: { ...req.headers, host: app.host } }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    put: (html) => `/raw/${pages.push(html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '').replace(/<link[^>]+rel="(?:preload|modulepreload)"[^>]*>/g, '')) - 1}`,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function loadOnce(browser: Browser, state: BrowserContextOptions['storageState'], url: string): Promise<Measured> {
  const context = await browser.newContext({ storageState: state, viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    const response = await page.goto(url, { waitUntil: 'load' });
    if (!response?.ok()) throw new Error(`${url} answered ${response?.status()}`);
    // Data fetched after hydration (what server rendering removes) still counts: wait for it.
    await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => {});
    return await page.evaluate(
      () =>
        new Promise<Measured>((resolve) => {
          let lcp = 0;
          new PerformanceObserver((list) => {
            for (const e of list.getEntries()) lcp = e.startTime;
          }).observe({ type: 'largest-contentful-paint', buffered: true });
          setTimeout(() => {
            const scripts = performance.getEntriesByType('resource').filter((e) => new URL(e.name).pathname.endsWith('.js')) as PerformanceResourceTiming[];
            const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
            resolve({ lcp, ttfb: nav?.responseStart ?? 0, jsBytes: scripts.reduce((a, e) => a + e.encodedBodySize, 0) });
          }, 200);
        }),
    );
  } finally {
    await context.close();
  }
}

async function measure(browser: Browser, state: BrowserContextOptions['storageState'], baseUrl: string, label: string, cases: PageCase[], large: boolean) {
  const built = new Map(routeJsSizes(distDir).map((r) => [r.route, r.gzipBytes]));
  const raw = await startRawServer(baseUrl);
  console.log(`\n${label}: median of ${RUNS} cold loads (fresh context each), Chromium 1440x900; raw = the same HTML without scripts, served static`);
  console.log(
    `${'page'.padEnd(14)} ${'TTFB'.padStart(8)} ${'LCP'.padStart(9)} ${'target'.padStart(8)} ${'raw LCP'.padStart(9)} ${'× raw'.padStart(6)} ${'JS fetched'.padStart(11)} ${'JS (build)'.padStart(11)} ${'target'.padStart(9)}`,
  );
  try {
  for (const c of cases) {
    await loadOnce(browser, state, baseUrl + c.url); // warm the server (first render of a route loads its code)
    const fetcher = await browser.newContext({ storageState: state });
    const html = await fetcher.request.get(baseUrl + c.url).then((r) => r.text());
    await fetcher.close();
    const rawPath = raw.put(html);
    const runs: Measured[] = [];
    const rawRuns: Measured[] = [];
    for (let i = 0; i < RUNS; i++) {
      runs.push(await loadOnce(browser, state, baseUrl + c.url));
      rawRuns.push(await loadOnce(browser, state, raw.url + rawPath));
    }
    const lcp = median(runs.map((r) => r.lcp));
    const rawLcp = median(rawRuns.map((r) => r.lcp));
    const ttfb = median(runs.map((r) => r.ttfb));
    const js = median(runs.map((r) => r.jsBytes));
    const target = LCP_TARGET_MS[c.route]?.[large ? 'large' : 'demo'];
    const b = built.get(c.route);
    const jsOk = (b ?? js) <= PAGE_JS_BUDGET_GZIP_BYTES;
    console.log(
      `${c.route.padEnd(14)} ${`${ttfb.toFixed(0)} ms`.padStart(8)} ${`${lcp.toFixed(0)} ms`.padStart(9)} ${(target ? `${target} ms` : '—').padStart(8)}${target ? (lcp <= target ? ' ✓' : ' ✗') : '  '} ${`${rawLcp.toFixed(0)} ms`.padStart(9)} ${`${(lcp / rawLcp).toFixed(2)}×`.padStart(6)} ${kb(js).padStart(11)} ${(b === undefined ? '—' : kb(b)).padStart(11)} ${kb(PAGE_JS_BUDGET_GZIP_BYTES).padStart(9)}${jsOk ? ' ✓' : ' ✗'}`,
    );
  }
  } finally {
    await raw.stop();
  }
}

async function pagesFor(databaseUrl: string, datasetId: number): Promise<PageCase[]> {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    const { rows } = await c.query<{ id: number }>('SELECT id FROM item WHERE dataset_id = $1 ORDER BY id LIMIT 1', [datasetId]);
    return [
      { route: '/items', url: `/items?dataset=${datasetId}` },
      { route: '/items/[id]', url: `/items/${rows[0]!.id}?dataset=${datasetId}` },
      { route: '/runs', url: '/runs' },
      { route: '/dashboard', url: `/dashboard?dataset=${datasetId}` },
      { route: '/exports', url: '/exports' },
      { route: '/datasets', url: '/datasets' },
    ];
  } finally {
    await c.end();
  }
}

async function main(): Promise<void> {
  const server = await startBenchServer();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const signIn = await browser.newContext();
    const res = await signIn.request.post(`${server.url}/api/auth/sign-in/email`, {
      data: { email: process.env.BENCH_EMAIL ?? E2E_ADMIN.email, password: process.env.BENCH_PASSWORD ?? E2E_ADMIN.password },
    });
    if (!res.ok()) throw new Error(`Could not sign in for the benchmark: ${res.status()} ${await res.text()}`);
    const state = await signIn.storageState();
    await signIn.close();

    const c = new pg.Client({ connectionString: server.databaseUrl });
    await c.connect();
    const demo = (await c.query<{ id: number }>(`SELECT id FROM dataset WHERE name = 'demo'`)).rows[0];
    await c.end();
    // A server of BENCH_URL may hold only the synthetic items (e.g. a database kept for the benches).
    if (demo) await measure(browser, state, server.url, 'demo dataset', await pagesFor(server.databaseUrl, demo.id), false);
    else console.log('\nno demo dataset on this server: demo pages skipped');

    if (ITEMS > 0) {
      process.env.BENCH_DATABASE_URL = server.databaseUrl;
      const big = await syntheticDatabase(ITEMS);
      await measure(browser, state, server.url, `${big.items.toLocaleString('en-US')} synthetic items`, await pagesFor(server.databaseUrl, big.datasetId), true);
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
