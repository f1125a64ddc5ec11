import { expect, test } from '@playwright/test';
import { queryRows } from './support';

test('the demo dataset is listed with its items', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/datasets$/);
  const demo = page.getByRole('link', { name: 'demo', exact: true });
  await expect(demo).toBeVisible();
  await demo.click();
  const rows = page.getByTestId('items-table').locator('tbody tr');
  const [{ n } = { n: 0 }] = await queryRows<{ n: number }>(`SELECT count(*)::int AS n FROM item i JOIN dataset d ON d.id = i.dataset_id WHERE d.name = 'demo'`);
  expect(n).toBeGreaterThanOrEqual(12);
  await expect(rows).toHaveCount(Math.min(n, 50));
});

test('an item shows its video playing beside the draft and the revision', async ({ page }) => {
  const [item] = await queryRows<{ id: number; draft: string; revision: string }>(
    `SELECT i.id, d.text AS draft, r.text AS revision
       FROM item i JOIN cot_version d ON d.id = i.current_draft_id JOIN cot_version r ON r.id = i.current_revision_id
      WHERE i.data_type = 'video' ORDER BY i.id LIMIT 1`,
  );
  expect(item).toBeDefined();
  await page.goto(`/items/${item!.id}`);

  const video = page.locator('[data-testid="video-player"] video, video[data-testid="video-player"]').first();
  await expect(video).toBeAttached();
  await video.evaluate((v: HTMLVideoElement) => {
    v.muted = true;
    return v.play();
  });
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState)).toBeGreaterThanOrEqual(2);
  const t0 = await video.evaluate((v: HTMLVideoElement) => v.currentTime);
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 10_000 }).toBeGreaterThan(t0 + 0.3);

  const firstLine = (s: string) => s.replace(/<\/?think>/g, '').trim().split('\n')[0]!.slice(0, 60);
  await expect(page.getByTestId('draft-panel')).toContainText(firstLine(item!.draft));
  await expect(page.getByTestId('revision-panel')).toContainText(firstLine(item!.revision));
  await page.screenshot({ path: 'test-results/screens/item-1440x900.png' });
});

test('health reports database, queue and a live worker', async ({ request }) => {
  await expect
    .poll(async () => (await (await request.get('/api/health')).json()).workers.live, { timeout: 20_000 })
    .toBeGreaterThanOrEqual(1);
  const health = await (await request.get('/api/health')).json();
  expect(health.database.ok).toBe(true);
  expect(health.queue.ok).toBe(true);
  expect(health.status).toBe('ok');
});
