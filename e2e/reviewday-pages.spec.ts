import { expect, test } from '@playwright/test';
import { queryRows } from './support';
import { REVIEWER_STATE } from './users';

test('a past import’s per-line report reopens from "Recent imports", survives a reload and downloads', async ({ page }) => {
  const errors = [
    { at: 'line 2', field: 'problem_type', message: 'unknown problem_type "essay"' },
    { at: 'line 5', field: 'path', message: 'the path leaves the media root' },
  ];
  const [imp] = await queryRows<{ id: number }>(
    `INSERT INTO import (source, mode, status, total, processed, inserted, rejected, errors, error, options, finished_at)
     VALUES ('/tmp/rd.jsonl', 'all_or_nothing', 'failed', 6, 6, 0, 2, $1::jsonb, '2 bad records: nothing was imported', $2::jsonb, now()) RETURNING id`,
    [JSON.stringify(errors), JSON.stringify({ dataset: 'rd-import', fileName: 'rd.jsonl' })],
  );
  await page.goto('/datasets/import');
  const row = page.locator(`[data-testid="recent-import"][data-import-id="${imp!.id}"]`);
  await row.getByTestId('open-import-report').click();
  await expect(page).toHaveURL(new RegExp(`/datasets/import\\?import=${imp!.id}$`));
  await expect(page.getByTestId('import-errors').locator('tbody tr')).toHaveCount(2);
  await page.reload();
  await expect(page.getByTestId('import-status')).toContainText(`Import #${imp!.id}`);
  await expect(page.getByTestId('import-errors')).toContainText('unknown problem_type "essay"');

  const download = page.waitForEvent('download');
  await row.getByTestId('download-import-report').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`import-${imp!.id}-report.jsonl`);
  const lines = (await (await page.request.get(`/api/imports/${imp!.id}/report`)).text()).trim().split('\n').map((l) => JSON.parse(l));
  expect(lines[0]).toMatchObject({ import: imp!.id, status: 'failed', rejected: 2 });
  expect(lines.slice(1)).toEqual(errors);
});

test('runs show a rate once finished; pages have a favicon; /sign-in sends a signed-in user on', async ({ page, request }) => {
  const [ds] = await queryRows<{ id: number }>(`SELECT id FROM dataset WHERE name = 'demo'`);
  await queryRows(
    `INSERT INTO pipeline_run (dataset_id, stage, status, total, done, failed, started_at, finished_at) VALUES ($1, 'check', 'completed', 120, 120, 0, now() - interval '2 minutes', now())`,
    [ds!.id],
  );
  await page.goto('/runs');
  const firstRow = page.locator('tbody tr').first();
  await expect(firstRow).toContainText('60/min');

  const icon = await request.get('/favicon.ico');
  expect(icon.status()).toBe(200);
  expect(icon.headers()['content-type']).toMatch(/icon/);

  await page.goto('/sign-in?next=/dashboard');
  await expect(page).toHaveURL(/\/dashboard/);
});

test('dates read the same everywhere: relative, with the exact time on hover', async ({ page }) => {
  for (const path of ['/audit', '/runs', '/users']) {
    await page.goto(path);
    const t = page.locator('main time').first();
    await expect(t).toHaveText(/just now|min ago|h ago|yesterday|days ago|^\d{1,2} \w{3}/);
    await expect(t).toHaveAttribute('title', /\d{2} \w{3} \d{4}, \d{2}:\d{2}:\d{2}/);
  }
});

test.describe('as a reviewer', () => {
  test.use({ storageState: REVIEWER_STATE });
  test('the import form is not offered, and says why', async ({ page }) => {
    await page.goto('/datasets');
    await expect(page.getByTestId('import-disabled')).toHaveAttribute('title', /admin role; yours is reviewer/);
    // The import page itself is for admins (it names server paths): a reviewer is told why.
    await page.goto('/datasets/import');
    await expect(page.getByTestId('forbidden')).toContainText('This page needs a role you do not have');
    await expect(page.getByRole('form', { name: 'Import a dataset' })).toHaveCount(0);
  });
});
