import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { queryRows } from './support';

const FIXTURE = path.resolve(import.meta.dirname, '../test/fixtures/import/round-trip.jsonl');
const fixtureRecords = () => fs.readFileSync(FIXTURE, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
const unique = (p: string) => `${p}-${Date.now().toString(36)}`;

async function importByPath(request: APIRequestContext, dataset: string): Promise<number> {
  const res = await request.post('/api/imports', { data: { dataset, mediaRoot: '/tmp/e2e-media', source: { kind: 'path', path: FIXTURE } } });
  expect(res.status()).toBe(201);
  const id = (await res.json()).import.id as number;
  await expect.poll(async () => (await (await request.get(`/api/imports/${id}`)).json()).import.status, { timeout: 30_000 }).toBe('completed');
  return id;
}

test('uploading a JSONL file imports it with progress, and the items are in the database', async ({ page }) => {
  const dataset = unique('e2e-upload');
  await page.goto('/datasets');
  await page.getByRole('link', { name: 'Import dataset' }).click();
  await expect(page).toHaveURL(/\/datasets\/import$/);
  await page.getByLabel('Dataset', { exact: true }).fill(dataset);
  await page.getByLabel('Media root').fill('/tmp/e2e-media');
  await page.getByLabel('Records file').setInputFiles(FIXTURE);
  await page.getByRole('button', { name: 'Import' }).click();

  const status = page.getByTestId('import-status');
  await expect(status).toHaveAttribute('data-status', 'completed', { timeout: 30_000 });
  await expect(status).toContainText('9 new');
  await expect(status.getByRole('link', { name: /Open the items/ })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/import-1440x900.png' });
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.screenshot({ path: 'test-results/screens/import-1280x720.png' });

  const rows = await queryRows<{ problem_id: string; n_versions: number }>(
    `SELECT i.problem_id, (SELECT count(*)::int FROM cot_version c WHERE c.item_id = i.id) AS n_versions
       FROM item i JOIN dataset d ON d.id = i.dataset_id WHERE d.name = $1 ORDER BY i.id`,
    [dataset],
  );
  expect(rows.map((r) => r.problem_id)).toEqual(fixtureRecords().map((r) => String(r.problem_id)));
  expect(rows.filter((r) => r.n_versions > 0)).toHaveLength(fixtureRecords().filter((r) => 'process' in r).length);
  await expect(page.getByTestId('recent-imports')).toContainText(dataset);
});

test('a file with a bad record is refused whole, and the page lists the line and field', async ({ page }) => {
  const dataset = unique('e2e-bad');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-bad-'));
  const file = path.join(dir, 'bad.jsonl');
  const [first, second] = fixtureRecords();
  fs.writeFileSync(file, `${JSON.stringify(first)}\n${JSON.stringify({ ...second, problem_type: 'essay' })}\n`);

  await page.goto('/datasets/import');
  await page.getByLabel('Dataset', { exact: true }).fill(dataset);
  await page.getByLabel('Media root').fill('/tmp/e2e-media');
  await page.getByLabel('Records file').setInputFiles(file);
  await page.getByRole('button', { name: 'Import' }).click();

  const status = page.getByTestId('import-status');
  await expect(status).toHaveAttribute('data-status', 'failed', { timeout: 30_000 });
  await expect(status).toContainText('nothing was imported');
  const errors = page.getByTestId('import-errors');
  await expect(errors).toContainText('line 2');
  await expect(errors).toContainText('problem_type');
  await expect(errors).toContainText('got "essay"');
  expect(await queryRows(`SELECT 1 FROM dataset WHERE name = $1`, [dataset])).toHaveLength(0);
  await page.screenshot({ path: 'test-results/screens/import-refused-1440x900.png' });

  // The same file again, keeping the good record: no second upload needed.
  await status.getByRole('button', { name: 'Import the 1 good record' }).click();
  await expect(page.getByTestId('import-status')).toHaveAttribute('data-status', 'completed', { timeout: 30_000 });
  const rows = await queryRows<{ problem_id: string }>(`SELECT i.problem_id FROM item i JOIN dataset d ON d.id = i.dataset_id WHERE d.name = $1`, [dataset]);
  expect(rows.map((r) => r.problem_id)).toEqual([String(first!.problem_id)]);
});

test('a file on the server can be imported by its path', async ({ page }) => {
  const dataset = unique('e2e-path');
  await page.goto('/datasets/import');
  await page.getByLabel('Dataset', { exact: true }).fill(dataset);
  await page.getByLabel('Media root').fill('/tmp/e2e-media');
  await page.getByLabel('A file on the server').check();
  await page.getByLabel('Server path').fill(FIXTURE);
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByTestId('import-status')).toHaveAttribute('data-status', 'completed', { timeout: 30_000 });
  const [{ n } = { n: 0 }] = await queryRows<{ n: number }>(`SELECT count(*)::int AS n FROM item i JOIN dataset d ON d.id = i.dataset_id WHERE d.name = $1`, [dataset]);
  expect(n).toBe(fixtureRecords().length);
});

test('an export runs as a job and its download returns the imported records, with a manifest', async ({ page, request }) => {
  const dataset = unique('e2e-export');
  await importByPath(request, dataset);
  const [{ id } = { id: 0 }] = await queryRows<{ id: number }>(`SELECT id FROM dataset WHERE name = $1`, [dataset]);

  await page.goto(`/exports?dataset=${id}`);
  await expect(page.getByLabel('Dataset')).toHaveValue(String(id));
  await page.getByRole('radio', { name: /^RL/ }).check();
  await page.getByRole('checkbox', { name: 'pending' }).check();
  await page.getByRole('button', { name: 'Export' }).click();

  const row = page.locator('[data-testid^="export-row-"]').first();
  await expect(row).toHaveAttribute('data-status', 'completed', { timeout: 30_000 });
  await expect(row).toContainText(String(fixtureRecords().length));
  await page.screenshot({ path: 'test-results/screens/exports-1440x900.png' });

  const downloading = page.waitForEvent('download');
  await row.getByRole('link', { name: /\.jsonl$/ }).click();
  const download = await downloading;
  const text = fs.readFileSync((await download.path())!, 'utf8');
  const exported = text.trim().split('\n').map((l) => JSON.parse(l));
  const expected = fixtureRecords().map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => k !== 'process')));
  expect(exported).toEqual(expected);

  const manifestRes = await request.get(`${new URL(download.url()).pathname}?manifest=1`);
  const manifest = await manifestRes.json();
  expect(manifest).toMatchObject({ format: 'rl', records: expected.length, filters: { status: ['accepted', 'pending'] } });
});
