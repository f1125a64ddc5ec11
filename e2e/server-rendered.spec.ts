import { expect, test } from '@playwright/test';
import { ADMIN_STATE } from './users';
import { queryRows } from './support';

// The items table and the jobs page arrive with their data in the first HTML (server-rendered
// and handed to the browser's queries): with JavaScript off — what a user sees before
// hydration — the rows, the runs and the workers are already there, never "Loading…" or
// "No worker has reported".

test.use({ javaScriptEnabled: false, storageState: ADMIN_STATE });

test('the items table’s first page is in the first HTML', async ({ page }) => {
  const rows = await queryRows<{ id: number; problem_id: string; dataset_id: number }>(
    `SELECT i.id, i.problem_id, i.dataset_id FROM item i JOIN dataset d ON d.id = i.dataset_id WHERE d.name = 'demo' ORDER BY i.id LIMIT 50`,
  );
  await page.goto(`/items?dataset=${rows[0]!.dataset_id}`);
  const table = page.getByTestId('items-table');
  await expect(table.getByTestId('item-row')).toHaveCount(rows.length);
  await expect(table.getByTestId('item-row').first()).toBeVisible();
  await expect(table.getByTestId('item-row').first()).toHaveAttribute('data-item-id', String(rows[0]!.id));
  await expect(table).toContainText(rows[0]!.problem_id);
  await expect(page.getByText('Loading…')).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('items-no-js.png') });
});

test('the jobs page shows the runs and the live worker in the first HTML', async ({ page }) => {
  const [worker] = await queryRows<{ hostname: string }>(`SELECT hostname FROM worker_heartbeat ORDER BY last_seen_at DESC LIMIT 1`);
  expect(worker, 'the e2e server runs a worker').toBeDefined();
  await page.goto('/runs');
  const panel = page.getByTestId('workers-panel');
  await expect(panel).toBeVisible();
  await expect(panel).toContainText(worker!.hostname);
  await expect(panel).not.toContainText('No worker has reported');
  await expect(page.getByText('Loading runs…')).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('runs-no-js.png') });
});
