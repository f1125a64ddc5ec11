import { expect, test } from '@playwright/test';
import { queryRows } from './support';

// Batch API mode from the jobs page, against the e2e server's scripted model server (its Batch
// endpoint: validating → in_progress → completed). scripts/e2e-server.ts sets
// COT_BATCH_POLL_SECONDS=1, so the worker polls every second.

test('a draft run through the Batch API: planned at the batch price, its batch watched until done', async ({ page }) => {
  const name = `e2e-batch-${Math.random().toString(36).slice(2, 8)}`;
  const [ds] = await queryRows<{ id: number }>(`INSERT INTO dataset (name, media_root, updated_at) SELECT $1, media_root, now() FROM dataset WHERE name = 'demo' RETURNING id`, [name]);
  await queryRows(
    `WITH src AS (SELECT v.* FROM video v JOIN dataset d ON d.id = v.dataset_id WHERE d.name = 'demo' AND v.data_type = 'video' AND v.representation IS NOT NULL ORDER BY v.id LIMIT 3)
     INSERT INTO video (dataset_id, path, data_type, duration_sec, fps, width, height, frame_count, probed_at, representation, representation_model, representation_prompt_version, representation_at)
     SELECT $1, path, data_type, duration_sec, fps, width, height, frame_count, probed_at, representation, representation_model, representation_prompt_version, representation_at FROM src`,
    [ds!.id],
  );
  await queryRows(
    `INSERT INTO item (dataset_id, video_id, problem_id, problem, options, problem_type, data_type, path, solution, ground_truth, updated_at)
     SELECT DISTINCT ON (v.id) $1, v.id, 'q' || v.id, i.problem, i.options, i.problem_type, i.data_type, i.path, i.solution, i.ground_truth, now()
       FROM video v JOIN item i ON i.path = v.path JOIN dataset d ON d.id = i.dataset_id AND d.name = 'demo'
      WHERE v.dataset_id = $1 ORDER BY v.id, i.id`,
    [ds!.id],
  );

  await page.goto('/runs');
  await page.getByTestId('new-run').click();
  // Only chat stages can go through the Batch API.
  await page.getByTestId('stage-option-check').click();
  await expect(page.getByTestId('run-batch-mode')).toBeDisabled();
  await page.getByTestId('stage-option-draft').click();
  await page.getByTestId('run-dataset').selectOption(String(ds!.id));
  await page.getByTestId('run-batch-mode').check();
  await page.getByTestId('plan-run').click();
  const plan = page.getByTestId('run-plan');
  await expect(plan).toContainText('3 items match');
  await expect(plan).toContainText('Estimate through the Batch API: 3 requests');
  await expect(plan).toContainText('results within 24 h');
  await page.screenshot({ path: 'test-results/screens/runs-batch-plan-1440x900.png' });
  const [res] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/runs') && r.request().method() === 'POST'), page.getByTestId('start-run').click()]);
  expect(res.status()).toBe(201);
  const run = ((await res.json()) as { run: { id: number; mode: string } }).run;
  expect(run.mode).toBe('batch');

  const row = page.getByTestId(`run-row-${run.id}`);
  await row.click();
  const panel = page.getByTestId(`run-batches-${run.id}`);
  await expect(panel.getByTestId('run-batch-row')).toHaveCount(1, { timeout: 20_000 });
  await expect(panel.getByTestId('run-batch-state')).toHaveText('completed', { timeout: 30_000 });
  await expect(row.getByTestId('run-status')).toHaveText('completed', { timeout: 20_000 });
  await expect(panel).toContainText(/batch_\d+/);
  await expect(row.getByTestId('run-mode-batch')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/runs-batch-1440x900.png', fullPage: true });
  const [calls] = await queryRows<{ n: number; batch: number }>(`SELECT count(*)::int AS n, count(*) FILTER (WHERE mode = 'batch')::int AS batch FROM model_call WHERE run_id = $1`, [run.id]);
  expect(calls).toEqual({ n: 3, batch: 3 });
});
