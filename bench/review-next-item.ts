import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS } from '../playwright.config';
import { cloneDemoDataset } from '../e2e/review-fixtures';
import { E2E_ADMIN } from '../e2e/users';
import { startBenchServer } from './support/bench-server';

// Decision → next item interactive, in Chromium, on the review page.
//
//   npx tsx bench/review-next-item.ts            # 60 decisions (needs a build in .next-test)
//   BENCH_DECISIONS=500 npx tsx bench/review-next-item.ts
//   BENCH_URL=http://127.0.0.1:3000 BENCH_DATABASE_URL=postgres://… BENCH_EMAIL=… BENCH_PASSWORD=… npx tsx bench/review-next-item.ts
//
// A reviewer presses A (accept) on an item; the clock starts at the keydown event and stops
// when the next item is (1) shown — its data rendered — and (2) interactive — its video's
// metadata loaded, so play, seek and frame steps work. The page records both moments as
// performance marks. Baselines measured in the same run: the same item opened by a full page
// load (what the page would cost without client-side navigation and prefetch), and the raw
// work with no UI at all (fetching the item JSON and loading the video metadata in a bare
// <video> element). Without BENCH_URL a server is started like the e2e one: a fresh cot_test_*
// database with the demo dataset, the build in NEXT_DIST_DIR (.next-test), one worker.

const root = path.resolve(import.meta.dirname, '..');
const decisions = Number(process.env.BENCH_DECISIONS ?? 60);
const thinkMs = Number(process.env.BENCH_THINK_MS ?? 300);
const withSteps = process.env.BENCH_STEPS === '1';
const baselineRuns = Number(process.env.BENCH_BASELINE_RUNS ?? 15);
const TARGET_P95_MS = 150;

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  const at = (s.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return s[lo]! + (s[hi]! - s[lo]!) * (at - lo);
}

const stats = (xs: number[]) => ({ n: xs.length, p50: quantile(xs, 0.5), p95: quantile(xs, 0.95), max: Math.max(...xs) });
const ms = (x: number) => `${x.toFixed(1).padStart(7)} ms`;

async function waitReady(page: Page, id: number): Promise<void> {
  await page.waitForSelector(`[data-testid="review-workspace"][data-item-id="${id}"][data-ready="true"]`, { timeout: 30_000 });
  if (withSteps) await page.waitForFunction((itemId) => performance.getEntriesByName(`review:steps:${itemId}`).length > 0, id, { timeout: 30_000 });
}

/** Times since the keydown that started the decision, from the page's performance marks. */
async function marksSince(page: Page, id: number): Promise<{ shown: number; interactive: number }> {
  // No named functions inside evaluate: tsx would wrap them in a helper the page does not have.
  return page.evaluate((itemId) => {
    const w = window as unknown as { __benchKeydownAt: number };
    const after = performance.getEntriesByType('mark').filter((e) => e.startTime >= w.__benchKeydownAt);
    const shown = after.filter((e) => e.name === `review:data:${itemId}`).at(-1)?.startTime;
    const interactive = after.filter((e) => e.name === `review:media:${itemId}`).at(-1)?.startTime;
    // With the steps view on, the item counts as shown once its steps are too (a prefetched item's steps may precede the keydown).
    const steps = performance.getEntriesByName(`review:steps:${itemId}`).at(-1)?.startTime ?? Number.NaN;
    if (shown === undefined || interactive === undefined) throw new Error(`no marks for item ${itemId}`);
    const shownAt = Number.isNaN(steps) ? shown : Math.max(shown, steps);
    return { shown: shownAt - w.__benchKeydownAt, interactive: Math.max(shownAt, interactive) - w.__benchKeydownAt };
  }, id);
}

async function main(): Promise<void> {
  const server = await startBenchServer();
  const { datasetId, items } = await cloneDemoDataset(server.databaseUrl, { name: `bench-next-item-${Date.now()}`, copies: Math.ceil((decisions + 1) / 20) });
  const ids = items.map((i) => i.id);
  const query = `dataset=${datasetId}`;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    // BENCH_STEPS=1: the numbered-steps view is on (features/review/hooks/use-step-review), so each item's steps load too.
    if (withSteps) await page.addInitScript(() => window.localStorage.setItem('cot-studio:steps-view', 'steps'));
    // Signed in like a reviewer (the e2e server creates this account; BENCH_EMAIL/PASSWORD otherwise).
    const signIn = await page.request.post(`${server.url}/api/auth/sign-in/email`, {
      data: { email: process.env.BENCH_EMAIL ?? E2E_ADMIN.email, password: process.env.BENCH_PASSWORD ?? E2E_ADMIN.password },
    });
    if (!signIn.ok()) throw new Error(`Could not sign in for the benchmark: ${signIn.status()} ${await signIn.text()}`);

    // Baseline 1: a full page load of an item, until the same "interactive" mark.
    const fullLoad: number[] = [];
    for (const id of ids.slice(-baselineRuns)) {
      await page.goto(`${server.url}/items/${id}?${query}`);
      await waitReady(page, id);
      fullLoad.push(await page.evaluate((itemId) => performance.getEntriesByName(`review:media:${itemId}`).at(-1)!.startTime, id));
    }

    // Baseline 2: the raw work, no UI: item JSON plus video metadata in a bare element.
    const raw: number[] = [];
    for (const id of ids.slice(-baselineRuns)) {
      raw.push(
        await page.evaluate(async (itemId) => {
          const t0 = performance.now();
          const item = (await (await fetch(`/api/items/${itemId}`, { cache: 'no-store' })).json()) as { dataType: string; media: { src: string } };
          const src = `${item.media.src}?raw=${itemId}-${Math.random()}`;
          await new Promise<void>((resolve, reject) => {
            if (item.dataType === 'image') {
              const img = new Image();
              img.onload = () => resolve();
              img.onerror = () => reject(new Error('image error'));
              img.src = src;
              return;
            }
            const v = document.createElement('video');
            v.muted = true;
            v.preload = 'metadata';
            v.onloadedmetadata = () => resolve();
            v.onerror = () => reject(new Error('media error'));
            v.src = src;
          });
          return performance.now() - t0;
        }, id),
      );
    }

    // The measured path: decide with the keyboard, item after item.
    await page.goto(`${server.url}/items/${ids[0]}?${query}`);
    await waitReady(page, ids[0]!);
    await page.evaluate(() => {
      window.addEventListener('keydown', (e) => ((window as unknown as { __benchKeydownAt: number }).__benchKeydownAt = e.timeStamp), true);
    });
    const shown: number[] = [];
    const interactive: number[] = [];
    for (let i = 0; i < decisions && i + 1 < ids.length; i++) {
      await page.waitForTimeout(thinkMs);
      await page.keyboard.press('a');
      await waitReady(page, ids[i + 1]!);
      const m = await marksSince(page, ids[i + 1]!);
      shown.push(m.shown);
      interactive.push(m.interactive);
    }

    // Every decision reached the database.
    const pg = (await import('pg')).default;
    const client = new pg.Client({ connectionString: server.databaseUrl });
    await client.connect();
    let accepted = 0;
    for (let tries = 0; tries < 50; tries++) {
      accepted = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM item WHERE dataset_id = $1 AND review_status = 'accepted'`, [datasetId])).rows[0]!.n;
      if (accepted >= shown.length) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await client.end();

    const s = stats(shown);
    const it = stats(interactive);
    const full = stats(fullLoad);
    const rw = stats(raw);
    const lines = [
      `review next-item benchmark — ${shown.length} decisions by keyboard (A), ${thinkMs} ms between them, Chromium 1440x900, ${server.url}${withSteps ? ', numbered steps shown' : ''}`,
      `decision → next item shown         p50 ${ms(s.p50)}   p95 ${ms(s.p95)}   max ${ms(s.max)}`,
      `decision → next item interactive   p50 ${ms(it.p50)}   p95 ${ms(it.p95)}   max ${ms(it.max)}   target p95 ≤ ${TARGET_P95_MS} ms: ${it.p95 <= TARGET_P95_MS ? 'met' : 'MISSED'}`,
      `baseline: full page load of an item p50 ${ms(full.p50)}   p95 ${ms(full.p95)}   (${full.n} loads)`,
      `baseline: raw JSON + video metadata p50 ${ms(rw.p50)}   p95 ${ms(rw.p95)}   (${rw.n} fetches, no UI)`,
      `ratio interactive p95 / full page load p95: ${(it.p95 / full.p95).toFixed(2)}×   / raw fetch p95: ${(it.p95 / rw.p95).toFixed(2)}×`,
      `decisions saved: ${accepted}/${shown.length}`,
    ];
    console.log(lines.join('\n'));
    const out = path.join(root, 'bench/out');
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(path.join(out, 'review-next-item.json'), JSON.stringify({ decisions: shown.length, thinkMs, shown: s, interactive: it, fullLoad: full, raw: rw, accepted }, null, 2));
    if (accepted < shown.length) process.exitCode = 1;
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
