import { expect, test, type Page } from '@playwright/test';
import { e2eDatabaseUrl, queryRows } from './support';
import { cloneDemoDataset, type ClonedItem } from './review-fixtures';

async function freshDataset(tag: string) {
  return cloneDemoDataset(e2eDatabaseUrl(), { name: `rd-review-${tag}-${Date.now()}` });
}

async function expectOn(page: Page, id: number) {
  await expect(page.getByTestId('review-workspace')).toHaveAttribute('data-item-id', String(id));
  await expect(page.getByTestId('review-workspace')).toHaveAttribute('data-ready', 'true');
}

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

test('guidelines: an admin writes markdown (HTML stays text), reviewers toggle it with G beside the item and reach it from the help', async ({ page }) => {
  const { datasetId, items } = await freshDataset('guide');
  await page.goto(`/datasets/${datasetId}/guidelines`);
  await page.getByTestId('guidelines-text').fill('## When to accept\n\n- The CoT cites **what the video shows**\n- Times like 00:12 match\n\n<img src=x onerror="window.__pwned=1"> [bad](javascript:alert(1))');
  await expect(page.getByTestId('guidelines-preview').locator('strong')).toHaveText('what the video shows');
  await page.getByTestId('guidelines-save').click();
  await expect(page.getByTestId('guidelines-status')).toContainText('Saved');
  const [row] = await queryRows<{ guidelines: string }>(`SELECT guidelines FROM dataset WHERE id = $1`, [datasetId]);
  expect(row?.guidelines).toContain('## When to accept');

  await page.goto(`/items/${items[0]!.id}?dataset=${datasetId}`);
  await expectOn(page, items[0]!.id);
  await page.keyboard.press('g');
  const panel = page.getByTestId('guidelines-panel');
  await expect(panel.getByRole('heading', { name: 'When to accept' })).toBeVisible();
  await expect(panel.locator('li')).toHaveCount(2);
  await expect(panel).toContainText('<img src=x onerror="window.__pwned=1">');
  await expect(panel.locator('img')).toHaveCount(0);
  await expect(panel.locator('a[href^="javascript"]')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  // Decisions still work with the panel open (skip: an accept may first ask about a failing answer check).
  await page.keyboard.press('s');
  await expectOn(page, items[1]!.id);
  await expect(panel).toBeVisible();
  await page.keyboard.press('g');
  await expect(panel).toBeHidden();

  await page.keyboard.press('?');
  await page.getByTestId('help-overlay').getByTestId('help-guidelines').click();
  await expect(page.getByTestId('help-overlay')).toBeHidden();
  await expect(panel).toBeVisible();
});

test('active time is sent with each decision, kept on the review row and shown as pace on the dashboard', async ({ page }) => {
  const { datasetId, items } = await freshDataset('time');
  const [i0] = items as [ClonedItem];
  await page.goto(`/items/${i0.id}?dataset=${datasetId}`);
  await expectOn(page, i0.id);
  for (let i = 0; i < 6; i++) {
    await page.mouse.move(200 + i * 10, 300);
    await page.waitForTimeout(500);
  }
  await page.keyboard.press('a');
  await expect
    .poll(async () => (await queryRows<{ active_ms: number | null }>(`SELECT active_ms FROM review WHERE item_id = $1`, [i0.id]))[0]?.active_ms ?? null)
    .toBeGreaterThanOrEqual(2000);
  const [r] = await queryRows<{ active_ms: number }>(`SELECT active_ms FROM review WHERE item_id = $1`, [i0.id]);
  expect(r!.active_ms).toBeLessThan(60_000);

  await page.goto(`/dashboard?dataset=${datasetId}`);
  const pace = page.getByTestId('reviewer-pace');
  await expect(pace.getByTestId('reviewer-pace-row')).toHaveCount(1);
  await expect(pace.getByTestId('pace-median')).toHaveText(/^\d+(\.\d)? s$/);
  await expect(pace.getByTestId('pace-per-hour')).toHaveText(/^[\d,.]+$/);
});

test('J pressed right after arriving on an item is queued, not lost', async ({ page }) => {
  const { datasetId, items } = await freshDataset('queue');
  const [, i1, i2] = items as [ClonedItem, ClonedItem, ClonedItem];
  await page.goto(`/items/${i2.id}?dataset=${datasetId}`);
  await expectOn(page, i2.id);
  // K lands on an item whose own neighbors are not loaded yet; J at once must still move on.
  await page.keyboard.press('k');
  await page.keyboard.press('j');
  await expectOn(page, i2.id);
  await page.keyboard.press('k');
  await expectOn(page, i1.id);
});

test('Ctrl+Enter on an edit that fails the format says why; notices stay one at a time, off the CoTs', async ({ page }) => {
  const { datasetId, items } = await freshDataset('edit');
  const [i0, , , i3] = items as [ClonedItem, ClonedItem, ClonedItem, ClonedItem];
  await page.goto(`/items/${i0.id}?dataset=${datasetId}`);
  await expectOn(page, i0.id);
  await page.keyboard.press('e');
  const editor = page.getByTestId('editor-text');
  await editor.fill('The ball is red, so the answer is B.');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('editor-format-refusal')).toHaveText('Not accepted: It must start with <think>.');
  await editor.fill('<think>The ball is red.</think>\n<answer>B</answer>\n');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('editor-format-refusal')).toHaveText('Not accepted: Nothing may follow </answer> (a trailing space or newline counts).');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('cot-editor')).toHaveCount(0);

  // Three quick decisions: one notice, in the action bar, over neither CoT.
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('s');
    await page.waitForTimeout(150);
  }
  await expectOn(page, i3.id);
  await expect(page.getByTestId('toast')).toHaveCount(1);
  await expect(page.getByTestId('toast')).toContainText('Skipped');
  const toast = (await page.getByTestId('toast').boundingBox())!;
  for (const panel of ['draft-panel', 'revision-panel']) expect(overlaps(toast, (await page.getByTestId(panel).boundingBox())!)).toBe(false);
  const bar = (await page.getByTestId('action-bar').boundingBox())!;
  expect(toast.y).toBeGreaterThanOrEqual(bar.y);
  expect(toast.y + toast.height).toBeLessThanOrEqual(bar.y + bar.height + 0.5);
});
