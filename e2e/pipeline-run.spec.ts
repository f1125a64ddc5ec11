import { expect, test } from '@playwright/test';
import { queryRows } from './support';

// "Run the missing stages first": a check run over items with no representation is planned,
// the plan offers a pipeline run, its own pre-flight shows each stage, and once started each
// item moves through represent → draft → revise → check until the pipeline run finishes.

async function seedWithoutRepresentations(items: number): Promise<{ id: number; name: string }> {
  const name = `e2e-pipeline-${Math.random().toString(36).slice(2, 8)}`;
  const [ds] = await queryRows<{ id: number }>(`INSERT INTO dataset (name, media_root, updated_at) SELECT $1, media_root, now() FROM dataset WHERE name = 'demo' RETURNING id`, [name]);
  await queryRows(
    `WITH src AS (SELECT v.* FROM video v JOIN dataset d ON d.id = v.dataset_id WHERE d.name = 'demo' AND v.data_type = 'video' ORDER BY v.id LIMIT $2)
     INSERT INTO video (dataset_id, path, data_type, duration_sec, fps, width, height, frame_count, probed_at)
     SELECT $1, path, data_type, duration_sec, fps, width, height, frame_count, probed_at FROM src`,
    [ds!.id, items],
  );
  await queryRows(
    `INSERT INTO item (dataset_id, video_id, problem_id, problem, options, problem_type, data_type, path, solution, ground_truth, updated_at)
     SELECT DISTINCT ON (v.id) $1, v.id, 'q' || v.id, i.problem, i.options, i.problem_type, i.data_type, i.path, i.solution, i.ground_truth, now()
       FROM video v JOIN item i ON i.path = v.path JOIN dataset d ON d.id = i.dataset_id AND d.name = 'demo'
      WHERE v.dataset_id = $1 ORDER BY v.id, i.id`,
    [ds!.id],
  );
  return { id: ds!.id, name };
}

test('a pipeline run is planned from a run that cannot start yet, started, and watched to the end', async ({ page }) => {
  test.setTimeout(120_000);
  const ds = await seedWithoutRepresentations(3);
  await page.goto(`/runs?stage=check&dataset=${ds.id}&filter=`);
  await expect(page.getByTestId('new-run-form')).toBeVisible();
  await page.getByTestId('plan-run').click();
  await expect(page.getByTestId('run-plan')).toContainText('cannot run yet');

  // The offer, then the pipeline run's own pre-flight: per stage, what runs, tokens, cost, time.
  await page.getByTestId('plan-pipeline-run').click();
  const plan = page.getByTestId('pipeline-plan');
  await expect(plan).toBeVisible();
  for (const stage of ['represent', 'draft', 'revise', 'check']) await expect(plan.getByTestId(`pipeline-plan-${stage}`)).toContainText(`${stage}3`);
  await expect(plan.getByTestId('pipeline-plan-draft')).toContainText('scripted-model');
  await page.screenshot({ path: 'test-results/screens/pipeline-preflight.png' });
  // Nothing started yet.
  expect((await queryRows<{ n: number }>(`SELECT count(*)::int AS n FROM pipeline_run WHERE dataset_id = $1`, [ds.id]))[0]!.n).toBe(0);

  const [res] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/runs/pipeline') && r.request().method() === 'POST'), page.getByTestId('start-pipeline-run').click()]);
  expect(res.status()).toBe(201);
  const progress = page.getByTestId('pipeline-progress');
  await expect(progress).toBeVisible();
  await expect(progress).toHaveAttribute('data-status', 'completed', { timeout: 90_000 });
  for (const stage of ['represent', 'draft', 'revise', 'check']) await expect(progress.getByTestId(`pipeline-stage-${stage}-finished`)).toHaveText('3/3');
  // The e2e endpoints have no price: spend says so instead of "$0".
  await expect(progress.getByTestId('pipeline-spend')).toContainText('no price set');
  await page.screenshot({ path: 'test-results/screens/pipeline-finished.png' });

  // Every item was checked; every stage's run is on the jobs page.
  const [state] = await queryRows<{ checked: number; runs: number; dups: number }>(
    `SELECT (SELECT count(*)::int FROM stage_result r JOIN pipeline_run p ON p.id = r.run_id WHERE p.dataset_id = $1 AND p.stage = 'check' AND r.status = 'done') AS checked,
            (SELECT count(*)::int FROM pipeline_run WHERE dataset_id = $1 AND chain_id IS NOT NULL) AS runs,
            (SELECT count(*)::int FROM (SELECT item_id FROM cot_version v JOIN item i ON i.id = v.item_id WHERE i.dataset_id = $1 AND v.kind = 'draft' GROUP BY 1 HAVING count(*) > 1) d) AS dups`,
    [ds.id],
  );
  expect(state).toEqual({ checked: 3, runs: 4, dups: 0 });
  const [first] = await queryRows<{ id: number }>(`SELECT min(id)::int AS id FROM pipeline_run WHERE dataset_id = $1`, [ds.id]);
  await expect(page.getByTestId(`run-row-${first!.id}`)).toContainText('represent');
});
