import { expect, test, type Page } from '@playwright/test';
import { queryRows } from './support';

// The RL pool end to end: rollout and blind runs over demo items, the pass-rate filter, an
// evaluation set flagging a training item, and two releases compared. Datasets of our own
// (copies of demo items) so the demo data other specs read stays as it is.

async function copyDemo(label: string, limit: number): Promise<{ id: number; name: string }> {
  const name = `e2e-${label}-${Math.random().toString(36).slice(2, 8)}`;
  const [ds] = await queryRows<{ id: number }>(
    `INSERT INTO dataset (name, media_root, is_evaluation_set, updated_at) SELECT $1, media_root, false, now() FROM dataset WHERE name = 'demo' RETURNING id`,
    [name],
  );
  await queryRows(
    `WITH src AS (SELECT v.* FROM video v JOIN dataset d ON d.id = v.dataset_id WHERE d.name = 'demo' AND v.data_type = 'video' ORDER BY v.id LIMIT $2)
     INSERT INTO video (dataset_id, path, data_type, duration_sec, fps, width, height, frame_count, probed_at) SELECT $1, path, data_type, duration_sec, fps, width, height, frame_count, probed_at FROM src`,
    [ds!.id, limit],
  );
  await queryRows(
    `INSERT INTO item (dataset_id, video_id, problem_id, problem, options, problem_type, data_type, path, data_source, solution, ground_truth, updated_at)
     SELECT DISTINCT ON (v.id) $1, v.id, $2::text || v.id, i.problem, i.options, i.problem_type, i.data_type, i.path, i.data_source, i.solution, i.ground_truth, now()
       FROM video v JOIN item i ON i.path = v.path JOIN dataset d ON d.id = i.dataset_id AND d.name = 'demo'
      WHERE v.dataset_id = $1 ORDER BY v.id, i.id`,
    [ds!.id, label],
  );
  return { id: ds!.id, name };
}

async function runStage(page: Page, stage: 'rollout' | 'blind', datasetId: number) {
  await page.goto('/runs');
  await page.getByTestId('new-run').click();
  await page.getByTestId(`stage-option-${stage}`).click();
  await page.getByTestId('run-dataset').selectOption(String(datasetId));
  await page.getByTestId('run-filter').fill('');
  // The jobs page plans a run (pre-flight) before it starts it.
  await page.getByTestId('plan-run').click();
  await expect(page.getByTestId('run-plan')).toBeVisible();
  const [res] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/runs') && r.request().method() === 'POST'), page.getByTestId('start-run').click()]);
  expect(res.status()).toBe(201);
  const runId = ((await res.json()) as { run: { id: number } }).run.id;
  await expect(page.getByTestId(`run-row-${runId}`).getByTestId('run-status')).toHaveText('completed', { timeout: 60_000 });
}

test('rollout and blind runs, then the items table filters by pass rate', async ({ page }) => {
  const ds = await copyDemo('pool', 6);
  await runStage(page, 'rollout', ds.id);
  await runStage(page, 'blind', ds.id);
  const [stats] = await queryRows<{ rated: number; all_pass: number; blind: number }>(
    `SELECT count(pass_rate)::int AS rated, count(*) FILTER (WHERE pass_rate = 1)::int AS all_pass, count(blind_answerable)::int AS blind FROM item WHERE dataset_id = $1`,
    [ds.id],
  );
  expect(stats).toMatchObject({ rated: 6, blind: 6 });

  await page.goto(`/items?dataset=${ds.id}`);
  await expect(page.getByTestId('item-row')).toHaveCount(6);
  await page.getByTestId('filter-difficulty').selectOption('all-pass');
  await expect(page).toHaveURL(/difficulty=all-pass/);
  await expect(page.getByTestId('items-count')).toHaveText(`${stats!.all_pass} matching`);
  await page.getByTestId('filter-difficulty').selectOption('');
  await page.getByTestId('sort-passRate').click();
  await expect(page.getByTestId('pass-rate').first()).not.toHaveText('—');
  await page.screenshot({ path: '/tmp/rlpool-items-pass-rate.png' });

  await page.goto(`/dashboard?dataset=${ds.id}`);
  await expect(page.getByTestId('pool-dashboard')).toBeVisible();
  await expect(page.getByTestId('pool-counts')).toContainText('blind asked');
  await page.getByTestId('pool-dashboard').screenshot({ path: '/tmp/rlpool-dashboard.png' });
});

test('a dataset marked as an evaluation set flags the training item on the same video', async ({ page }) => {
  const train = await copyDemo('train', 3);
  const evalSet = await copyDemo('eval', 1);
  await page.goto('/datasets');
  await page.getByTestId(`eval-set-${evalSet.id}`).click();
  await expect(page.getByTestId(`eval-set-${evalSet.id}`)).toBeChecked();
  await page.getByTestId(`scan-${train.id}`).click();
  await expect(page.getByTestId(`scan-status-${train.id}`)).toContainText('1 overlap eval', { timeout: 60_000 });
  await page.screenshot({ path: '/tmp/rlpool-datasets.png' });

  await page.goto(`/items?dataset=${train.id}&contaminated=true`);
  await expect(page.getByTestId('item-row')).toHaveCount(1);
  await expect(page.getByTestId('contaminated-flag')).toBeVisible();
  await page.getByTestId('item-row').locator('a').first().click();
  await expect(page.getByTestId('contamination')).toContainText(evalSet.name);
  await page.screenshot({ path: '/tmp/rlpool-item-contamination.png' });
});

test('two releases saved from the releases page are diffed by reason', async ({ page }) => {
  const ds = await copyDemo('rel', 4);
  await queryRows(`UPDATE item SET review_status = 'accepted', reviewed_at = now() WHERE dataset_id = $1`, [ds.id]);
  const save = async (name: string) => {
    await page.goto('/releases');
    await page.getByTestId('release-form').locator('select').first().selectOption(String(ds.id));
    await page.getByTestId('release-form').locator('select').nth(1).selectOption('rl');
    await page.getByTestId('release-name').fill(name);
    await page.getByTestId('release-create').click();
    await expect(page.getByTestId('release-row').filter({ hasText: name })).toContainText(name);
  };
  const r1 = `${ds.name}-v1`;
  const r2 = `${ds.name}-v2`;
  await save(r1);
  await queryRows(`UPDATE item SET review_status = 'rejected' WHERE id = (SELECT min(id) FROM item WHERE dataset_id = $1)`, [ds.id]);
  await save(r2);
  await expect(page.getByTestId('release-row').filter({ hasText: r1 })).toContainText('4');
  await page.getByLabel('From release').selectOption({ label: r1 });
  await page.getByLabel('To release').selectOption({ label: r2 });
  await expect(page.getByTestId('diff-count-removed')).toHaveText('1');
  await expect(page.getByTestId('diff-count-added')).toHaveText('0');
  await page.screenshot({ path: '/tmp/rlpool-releases.png' });
});
