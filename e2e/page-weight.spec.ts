import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { ffmpegPath } from '../lib/media/ffmpeg-path';
import { PAGE_JS_BUDGET_GZIP_BYTES, kb, routeJsSizes } from '../scripts/lib/route-js-size';
import { cloneDemoDataset } from './review-fixtures';
import { e2eDatabaseUrl, queryRows } from './support';

// Page weight: every page's first JavaScript stays within the budget (read from the build the
// e2e server runs), and video.js's HLS/DASH code reaches the browser only for a stream.

const distDir = path.resolve(import.meta.dirname, '..', process.env.NEXT_DIST_DIR ?? '.next-test');
/** A string only the HLS/DASH code (@videojs/http-streaming's playlist parser) contains. */
const STREAMING_MARKER = '#EXT-X-TARGETDURATION';

test('every page loads at most 250 KB of gzipped JavaScript before it is interactive', () => {
  const sizes = routeJsSizes(distDir);
  expect(sizes.map((s) => s.route)).toEqual(expect.arrayContaining(['/items', '/items/[id]', '/runs', '/dashboard', '/exports', '/datasets']));
  const over = sizes.filter((s) => s.gzipBytes > PAGE_JS_BUDGET_GZIP_BYTES).map((s) => `${s.route}: ${kb(s.gzipBytes)}`);
  expect(over, `pages over ${kb(PAGE_JS_BUDGET_GZIP_BYTES)} of gzipped JS`).toEqual([]);
  // The streaming code is built, as a chunk of its own that no page loads up front.
  const chunks = fs.readdirSync(path.join(distDir, 'static', 'chunks')).filter((f) => f.endsWith('.js'));
  const streaming = chunks.filter((f) => fs.readFileSync(path.join(distDir, 'static', 'chunks', f), 'utf8').includes(STREAMING_MARKER));
  expect(streaming).toHaveLength(1);
  for (const s of sizes) expect(s.files.map((f) => path.basename(f)), s.route).not.toContain(streaming[0]);
});

/** The JavaScript bodies the page fetched, as they arrive. */
function scriptsOf(page: Page): string[] {
  const bodies: string[] = [];
  page.on('response', (res) => {
    if (res.request().resourceType() === 'script') void res.text().then((t) => bodies.push(t), () => {});
  });
  return bodies;
}

test('the review page plays MP4 without the HLS/DASH code and loads it for an HLS stream', async ({ browser }) => {
  test.setTimeout(120_000);
  const { datasetId, items } = await cloneDemoDataset(e2eDatabaseUrl(), { name: `page-weight-${Date.now()}` });
  const mp4 = items.find((i) => i.dataType === 'video')!;

  // An HLS rendition of the same item's video in a media root of its own.
  const [source] = await queryRows<{ media_root: string; path: string }>(
    `SELECT d.media_root, v.path FROM item i JOIN video v ON v.id = i.video_id JOIN dataset d ON d.id = i.dataset_id WHERE i.id = $1`,
    [mp4.id],
  );
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cot-hls-'));
  execFileSync(ffmpegPath(), ['-v', 'error', '-i', path.resolve(source!.media_root, source!.path), '-c', 'copy', '-f', 'hls', '-hls_time', '1', '-hls_playlist_type', 'vod', path.join(root, 'clip.m3u8')]);
  const [hls] = await queryRows<{ id: number }>(
    `WITH d AS (INSERT INTO dataset (name, media_root, updated_at) VALUES ($1, $2, now()) RETURNING id),
          v AS (INSERT INTO video (dataset_id, path, data_type, duration_sec, fps, width, height, frame_count, probed_at, representation, representation_at)
                SELECT d.id, './clip.m3u8', 'video', ov.duration_sec, ov.fps, ov.width, ov.height, ov.frame_count, now(), ov.representation, ov.representation_at
                  FROM d, item oi JOIN video ov ON ov.id = oi.video_id WHERE oi.id = $3 RETURNING id, dataset_id)
     INSERT INTO item (dataset_id, video_id, problem_id, problem, options, problem_type, data_type, path, data_source, solution, ground_truth, current_draft_id, current_revision_id, updated_at)
     SELECT v.dataset_id, v.id, 'hls-1', oi.problem, oi.options, oi.problem_type, 'video', './clip.m3u8', oi.data_source, oi.solution, oi.ground_truth, NULL, NULL, now()
       FROM v, item oi WHERE oi.id = $3 RETURNING id`,
    [`page-weight-hls-${Date.now()}`, root, mp4.id],
  );

  const mp4Page = await browser.newPage();
  const mp4Scripts = scriptsOf(mp4Page);
  await mp4Page.goto(`/items/${mp4.id}?dataset=${datasetId}`);
  await expect(mp4Page.locator(`[data-testid="review-workspace"][data-item-id="${mp4.id}"]`)).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  expect(mp4Scripts.length).toBeGreaterThan(3);
  expect(mp4Scripts.some((b) => b.includes(STREAMING_MARKER))).toBe(false);
  await mp4Page.close();

  const hlsPage = await browser.newPage();
  const hlsScripts = scriptsOf(hlsPage);
  await hlsPage.goto(`/items/${hls!.id}`);
  // Ready means the stream's metadata loaded: the HLS code fetched the playlist and a segment.
  await expect(hlsPage.locator(`[data-testid="review-workspace"][data-item-id="${hls!.id}"]`)).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  await expect.poll(() => hlsScripts.some((b) => b.includes(STREAMING_MARKER))).toBe(true);
  await hlsPage.screenshot({ path: test.info().outputPath('hls-review.png') });
  await hlsPage.close();
});
