import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { queryRows } from './support';

/** Asks for the run's pre-flight, then clicks "Start run"; returns the new run's id from the API's answer. */
async function startRun(page: Page): Promise<number> {
  await page.getByTestId('plan-run').click();
  await expect(page.getByTestId('run-plan')).toBeVisible();
  const [res] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/runs') && r.request().method() === 'POST'), page.getByTestId('start-run').click()]);
  expect(res.status()).toBe(201);
  return ((await res.json()) as { run: { id: number } }).run.id;
}

// A dataset of our own (copies of a few demo items, representations included), so runs here
// never change the demo data other specs look at.
async function seedCopy(opts: { items: number; withRepresentation: boolean }): Promise<{ id: number; name: string }> {
  const name = `e2e-runs-${Math.random().toString(36).slice(2, 8)}`;
  const [ds] = await queryRows<{ id: number }>(
    `INSERT INTO dataset (name, media_root, updated_at) SELECT $1, media_root, now() FROM dataset WHERE name = 'demo' RETURNING id`,
    [name],
  );
  await queryRows(
    `WITH src AS (SELECT v.* FROM video v JOIN dataset d ON d.id = v.dataset_id WHERE d.name = 'demo' AND v.data_type = 'video' ORDER BY v.id LIMIT $2)
     INSERT INTO video (dataset_id, path, data_type, duration_sec, fps, width, height, frame_count, probed_at, representation, representation_model, representation_prompt_version, representation_at)
     SELECT $1, path, data_type, duration_sec, fps, width, height, frame_count, probed_at,
            CASE WHEN $3 THEN representation END, CASE WHEN $3 THEN representation_model END, CASE WHEN $3 THEN representation_prompt_version END, CASE WHEN $3 THEN representation_at END
       FROM src`,
    [ds!.id, opts.items, opts.withRepresentation],
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

test('a draft run started from the jobs page is watched live until it finishes', async ({ page }) => {
  const ds = await seedCopy({ items: 4, withRepresentation: true });
  await page.goto('/runs');
  await page.getByTestId('new-run').click();
  await page.getByTestId('stage-option-draft').click();
  await page.getByTestId('run-dataset').selectOption(String(ds.id));
  await expect(page.getByTestId('run-filter')).toHaveValue('hasDraft=false');
  // Plan before you spend: the pre-flight says what the run will do and cost, and starts nothing.
  await page.getByTestId('plan-run').click();
  const plan = page.getByTestId('run-plan');
  await expect(plan).toContainText('4 items match');
  await expect(plan.getByTestId('plan-to-run')).toHaveText('4');
  await expect(plan).toContainText('Estimate: 4 requests');
  await page.screenshot({ path: '/tmp/runs-preflight.png' });
  const [res] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/runs') && r.request().method() === 'POST'), page.getByTestId('start-run').click()]);
  expect(res.status()).toBe(201);
  const run = { id: ((await res.json()) as { run: { id: number } }).run.id };
  const row = page.getByTestId(`run-row-${run.id}`);
  await expect(row).toBeVisible();
  await expect(row).toContainText('draft');
  await expect(row).toContainText(ds.name);
  // Polling brings the finished state in without a reload.
  await expect(row.getByTestId('run-status')).toHaveText('completed', { timeout: 30_000 });
  await expect(row.getByTestId('run-progress')).toContainText('4 / 4 done');
  await page.screenshot({ path: 'test-results/screens/runs-1440x900.png' });
  // Spend per model from the ledger, in the run's detail.
  await row.click();
  await expect(page.getByTestId('run-spend')).toContainText('scripted-model');
  await page.screenshot({ path: '/tmp/runs-finished-spend.png' });

  const drafts = await queryRows<{ n: number; model: string; prompt: string }>(
    `SELECT count(*)::int AS n, min(v.model) AS model, min(v.prompt_version) AS prompt FROM cot_version v JOIN item i ON i.id = v.item_id WHERE i.dataset_id = $1 AND v.kind = 'draft'`,
    [ds.id],
  );
  expect(drafts[0]).toEqual({ n: 4, model: 'scripted-model', prompt: 'draft/v1' });
  const [audit] = await queryRows<{ n: number }>(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'run.start' AND subject_id = $1`, [String(run.id)]);
  expect(audit!.n).toBe(1);
});

test('failures are grouped by message with samples, and can be retried', async ({ page }) => {
  const ds = await seedCopy({ items: 3, withRepresentation: false });
  await page.goto(`/runs?stage=draft&dataset=${ds.id}&filter=`);
  await expect(page.getByTestId('new-run-form')).toBeVisible();
  const run = { id: await startRun(page) };
  const row = page.getByTestId(`run-row-${run.id}`);
  await expect(row.getByTestId('run-status')).toHaveText('completed', { timeout: 30_000 });
  await expect(row.getByTestId('run-progress')).toContainText('3 failed');
  await expect(row.getByTestId('run-status')).toHaveAttribute('title', 'completed with 3 failed items');
  await expect(row.getByTestId('run-status')).toHaveClass(/amber/);

  await row.click();
  const groups = page.getByTestId('failure-groups');
  await expect(groups).toContainText("The item's video has no representation yet: run represent first");
  await expect(page.getByTestId(`run-detail-${run.id}`)).toContainText('Failures by cause');
  await expect(groups.locator('li > div span').last()).toHaveText('3');
  await expect(groups.getByRole('link').first()).toHaveAttribute('href', /^\/items\/\d+$/);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.screenshot({ path: 'test-results/screens/runs-failures-1280x720.png' });

  await page.getByTestId(`retry-run-${run.id}`).click();
  // The same items fail again (still no representation): a second attempt each.
  await expect.poll(async () => (await queryRows<{ n: number }>(`SELECT count(*)::int AS n FROM stage_result WHERE run_id = $1 AND attempts = 2 AND status = 'failed'`, [run.id]))[0]!.n, { timeout: 30_000 }).toBe(3);
  await expect(row.getByTestId('run-status')).toHaveText('completed');
});

test('every stage runs over a copy of the demo dataset and shows on the jobs page', async ({ page, request }) => {
  test.setTimeout(120_000);
  const name = `e2e-demo-copy-${Math.random().toString(36).slice(2, 8)}`;
  const [ds] = await queryRows<{ id: number }>(`INSERT INTO dataset (name, media_root, updated_at) SELECT $1, media_root, now() FROM dataset WHERE name = 'demo' RETURNING id`, [name]);
  await queryRows(
    `INSERT INTO video (dataset_id, path, data_type, duration_sec, fps, width, height, frame_count, probed_at)
     SELECT $1, v.path, v.data_type, v.duration_sec, v.fps, v.width, v.height, v.frame_count, v.probed_at FROM video v JOIN dataset d ON d.id = v.dataset_id WHERE d.name = 'demo'`,
    [ds!.id],
  );
  await queryRows(
    `INSERT INTO item (dataset_id, video_id, problem_id, problem, options, problem_type, data_type, path, solution, ground_truth, updated_at)
     SELECT $1, v.id, i.problem_id, i.problem, i.options, i.problem_type, i.data_type, i.path, i.solution, i.ground_truth, now()
       FROM item i JOIN dataset d ON d.id = i.dataset_id AND d.name = 'demo' JOIN video v ON v.dataset_id = $1 AND v.path = i.path`,
    [ds!.id],
  );
  const [{ items, videos } = { items: 0, videos: 0 }] = await queryRows<{ items: number; videos: number }>(
    `SELECT (SELECT count(*)::int FROM item WHERE dataset_id = $1) AS items, (SELECT count(*)::int FROM video WHERE dataset_id = $1) AS videos`,
    [ds!.id],
  );

  const runs: number[] = [];
  // In DOMAIN.md's order, with consistency before check (its score feeds the verdict).
  for (const [stage, filter] of [['represent', ''], ['draft', ''], ['revise', ''], ['consistency', 'type=multiple choice'], ['check', '']] as const) {
    const res = await request.post('/api/runs', { data: { stage, dataset: name, filter } });
    expect(res.status(), `${stage}: ${await res.text()}`).toBe(201);
    const id = ((await res.json()) as { run: { id: number } }).run.id;
    runs.push(id);
    await expect.poll(async () => (await queryRows<{ status: string }>(`SELECT status::text FROM pipeline_run WHERE id = $1`, [id]))[0]!.status, { timeout: 60_000 }).toBe('completed');
    const [r] = await queryRows<{ total: number; done: number; failed: number }>(`SELECT total, done, failed FROM pipeline_run WHERE id = $1`, [id]);
    expect(r, stage).toMatchObject({ done: r!.total, failed: 0 });
    expect(r!.total, stage).toBe(stage === 'represent' ? videos : stage === 'consistency' ? r!.total : items);
  }
  const [state] = await queryRows<{ reps: number; drafts: number; revisions: number; verdicts: number; scored: number }>(
    `SELECT (SELECT count(*)::int FROM video WHERE dataset_id = $1 AND representation IS NOT NULL) AS reps,
            (SELECT count(*)::int FROM item WHERE dataset_id = $1 AND current_draft_id IS NOT NULL) AS drafts,
            (SELECT count(*)::int FROM item WHERE dataset_id = $1 AND current_revision_id IS NOT NULL) AS revisions,
            (SELECT count(*)::int FROM item WHERE dataset_id = $1 AND verdict IS NOT NULL) AS verdicts,
            (SELECT count(*)::int FROM item WHERE dataset_id = $1 AND consistency_score IS NOT NULL) AS scored`,
    [ds!.id],
  );
  expect(state).toMatchObject({ reps: videos, drafts: items, revisions: items, verdicts: items });
  expect(state!.scored).toBeGreaterThan(0);

  await page.goto('/runs');
  for (const id of runs) await expect(page.getByTestId(`run-row-${id}`).getByTestId('run-status')).toHaveText('completed');
  await page.screenshot({ path: 'test-results/screens/runs-all-stages-1440x900.png' });
});
