import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { queryRows } from './support';

// Import a file whose records carry `process` through the import page, then review an imported
// CoT on the review page by keyboard: it stands in the draft's column, labelled Imported.
test('an imported CoT is reviewed like a draft: labelled Imported, accepted with D', async ({ page }) => {
  const [demo] = await queryRows<{ media_root: string; path: string; data_type: string }>(
    `SELECT d.media_root, v.path, v.data_type::text FROM dataset d JOIN video v ON v.dataset_id = d.id WHERE d.name = 'demo' AND v.data_type = 'video' ORDER BY v.id LIMIT 1`,
  );
  const dataset = `e2e-imported-${Date.now().toString(36)}`;
  const records = [
    {
      problem_id: 1,
      problem: 'What colour is the ball?',
      options: ['A. red', 'B. blue'],
      problem_type: 'multiple choice',
      data_type: 'video',
      path: demo!.path,
      data_source: 'e2e',
      process: '<think>Let me think. The ball at the beginning of the video is blue.</think>\n<answer>B</answer>',
      solution: '<answer>B</answer>',
    },
    // No "./" and no <answer> in the solution: imported, with warnings on the page.
    { problem_id: 2, problem: 'How many?', options: [], problem_type: 'numerical', data_type: 'video', path: demo!.path.replace(/^\.\//, ''), data_source: 'e2e', process: '<think>Three.</think>', solution: '3' },
  ];
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-imported-')), 'with-process.jsonl');
  fs.writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n') + '\n');

  await page.goto('/datasets/import');
  await page.getByLabel('Dataset', { exact: true }).fill(dataset);
  await page.getByLabel('Media root').fill(demo!.media_root);
  await page.getByLabel('Records file').setInputFiles(file);
  await page.getByRole('button', { name: 'Import' }).click();
  const status = page.getByTestId('import-status');
  await expect(status).toHaveAttribute('data-status', 'completed', { timeout: 30_000 });
  await expect(status).toContainText('2 imported CoTs');
  await expect(status).toContainText("1 record with a path without the leading './'");
  await expect(status).toContainText('1 record with a solution without a complete <answer>');
  await status.getByTestId('import-record-warnings').locator('summary').click();
  await page.screenshot({ path: '/tmp/importexport-import-warnings.png' });

  const [item] = await queryRows<{ id: number; current_draft_id: number }>(
    `SELECT i.id, i.current_draft_id FROM item i JOIN dataset d ON d.id = i.dataset_id WHERE d.name = $1 AND i.problem_id = '1'`,
    [dataset],
  );
  await page.goto(`/items/${item!.id}`);
  const workspace = page.getByTestId('review-workspace');
  await expect(workspace).toHaveAttribute('data-ready', 'true');
  const panel = page.getByTestId('draft-panel');
  await expect(panel.getByRole('heading', { name: 'Imported' })).toBeVisible();
  await expect(panel).toContainText('The ball at the beginning of the video is blue.');
  await expect(page.getByTestId('accept-draft')).toContainText('Accept imported');
  await expect(page.getByTestId('review-workspace')).toContainText('Imported');
  await page.screenshot({ path: '/tmp/importexport-review-imported.png' });

  await page.keyboard.press('d');
  await expect
    .poll(async () => (await queryRows<{ review_status: string; accepted_version_id: number }>(`SELECT review_status, accepted_version_id FROM item WHERE id = $1`, [item!.id]))[0])
    .toEqual({ review_status: 'accepted', accepted_version_id: item!.current_draft_id });

  // The source changes (a re-import with a rethought process): the decision is stale, the new
  // imported CoT is the draft, and the review page says why the item is pending again.
  fs.writeFileSync(file, [{ ...records[0], process: '<think>Hmm, wait. The ball is blue at the end too.</think>\n<answer>B</answer>' }].map((r) => JSON.stringify(r)).join('\n') + '\n');
  const res = await page.request.post('/api/imports', { data: { dataset, source: { kind: 'path', path: file } } });
  expect(res.status()).toBe(201);
  const importId = (await res.json()).import.id as number;
  await expect.poll(async () => (await (await page.request.get(`/api/imports/${importId}`)).json()).import.status, { timeout: 30_000 }).toBe('completed');
  await page.goto(`/items/${item!.id}`);
  await expect(workspace).toHaveAttribute('data-ready', 'true');
  await expect(page.getByTestId('stale-reason')).toContainText('source changed since the decision');
  await expect(panel).toContainText('The ball is blue at the end too.');
  await page.screenshot({ path: '/tmp/importexport-review-stale.png' });
});

test('the exports page offers trainer presets and keeping failing answer checks; the manifest counts them', async ({ page }) => {
  await page.goto('/exports');
  await page.getByLabel('Trainer preset').selectOption('llama-factory');
  // LLaMA-Factory reads sharegpt only: the format follows the preset.
  await expect(page.getByRole('radio', { name: /ShareGPT/ })).toBeChecked();
  await page.getByTestId('export-include-mismatched').check();
  await page.screenshot({ path: '/tmp/importexport-exports-form.png' });
  const [created] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/exports') && r.request().method() === 'POST'), page.getByRole('button', { name: 'Export' }).click()]);
  expect(created.status()).toBe(201);
  const row = (await created.json()).export as { id: number; options: Record<string, unknown> };
  expect(row.options).toMatchObject({ trainer: 'llama-factory', includeMismatched: true });
  await expect(page.getByTestId(`export-row-${row.id}`)).toHaveAttribute('data-status', 'completed', { timeout: 30_000 });
  await expect(page.getByTestId(`export-row-${row.id}`)).toContainText('for llama-factory');
  const manifest = (await (await page.request.get(`/api/exports/${row.id}`)).json()).export.manifest;
  expect(manifest).toMatchObject({ format: 'sharegpt', options: { trainer: 'llama-factory', includeMismatched: true }, mismatched: { excluded: 0 } });
});
