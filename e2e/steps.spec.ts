import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { queryRows, e2eDatabaseUrl } from './support';
import { cloneDemoDataset } from './review-fixtures';

// Step-level review (issue 13): the evidence stage run over a copy of the demo, a draft reviewed
// step by step on the keyboard next to its contradicted-claim badges, then exported as PRM data.

test('review a demo item step by step by keyboard, see the contradicted step, export prm', async ({ page, request }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  const name = `steps-e2e-${Date.now()}`;
  const { datasetId } = await cloneDemoDataset(e2eDatabaseUrl(), { name });

  // The evidence stage runs like any stage: a run, its jobs, the scripted model answering from the demo's ground truth.
  const res = await request.post('/api/runs', { data: { stage: 'evidence', dataset: name, filter: '' } });
  expect(res.status(), await res.text()).toBe(201);
  const runId = ((await res.json()) as { run: { id: number } }).run.id;
  await expect.poll(async () => (await queryRows<{ status: string }>(`SELECT status::text FROM pipeline_run WHERE id = $1`, [runId]))[0]!.status, { timeout: 90_000 }).toBe('completed');

  // The squares-count item: its draft misses the yellow square (a planted error).
  const [target] = await queryRows<{ id: number; draft_id: number }>(
    `SELECT i.id, i.current_draft_id AS draft_id FROM item i JOIN cot_version d ON d.id = i.current_draft_id
      WHERE i.dataset_id = $1 AND d.text LIKE '%blue, red, green and orange: 4 squares%'`,
    [datasetId],
  );
  await page.goto(`/items/${target!.id}?dataset=${datasetId}`);
  const ws = page.getByTestId('review-workspace');
  await expect(ws).toHaveAttribute('data-ready', 'true');

  // T: numbered steps; the draft shows its contradicted claims in red.
  await page.keyboard.press('t');
  const draftSteps = page.getByTestId('draft-panel').getByTestId('step-list');
  await expect(draftSteps).toBeVisible();
  const contradicted = draftSteps.locator('[data-testid="evidence-badge"][data-verdict="contradicted"]');
  await expect(contradicted.first()).toBeVisible();
  await expect(draftSteps.getByTestId('contradicted-count')).toContainText(/[1-9]\d* contradicted/);
  await expect(page.getByTestId('frames-strip')).toBeVisible();

  // C: to the draft; 1 1 1 1 mark steps 1–4 correct (the cursor moves on), − marks step 5 wrong.
  await page.keyboard.press('c');
  await expect(draftSteps.locator('li[data-selected="true"]')).toHaveAttribute('data-step-index', '0');
  for (let i = 0; i < 4; i++) await page.keyboard.press('1');
  await expect(draftSteps.locator('li[data-selected="true"]')).toHaveAttribute('data-step-index', '4');
  await expect(draftSteps.locator('li[data-step-index="4"] [data-testid="evidence-badge"]')).toHaveAttribute('data-verdict', 'contradicted');
  await expect(page.locator('[data-testid="stage-frame"][data-highlighted="true"]').first()).toBeVisible();
  await page.keyboard.press('-');
  // ↑ back to step 5 (− moved on), N for a note, X to stop at the first error.
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('n');
  await page.getByTestId('step-note-input').fill('misses the yellow square');
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('1');
  await page.keyboard.press('x');
  await expect
    .poll(async () => (await queryRows<{ labelled: number; first_error: number; finish_reason: string }>(`SELECT labelled, first_error, finish_reason FROM step_review WHERE version_id = $1`, [target!.draft_id]))[0])
    .toEqual({ labelled: 5, first_error: 4, finish_reason: 'found_error' });
  const audit = await queryRows<{ action: string }>(`SELECT action FROM audit_event WHERE subject_type = 'item' AND subject_id = $1 ORDER BY id`, [String(target!.id)]);
  expect(audit.map((a) => a.action)).toEqual(['steps.label', 'steps.label', 'steps.label', 'steps.label', 'steps.label', 'steps.note', 'steps.label', 'steps.stop']);
  await page.screenshot({ path: '/tmp/steps-review-steps.png' });

  // The verdicts survive a reload.
  await page.reload();
  await expect(ws).toHaveAttribute('data-ready', 'true');
  const labels = page.getByTestId('draft-panel').getByTestId('step-label');
  await expect(labels).toHaveCount(5);
  await expect(page.getByTestId('draft-panel').locator('li[data-step-index="4"] [data-testid="step-label"]')).toHaveAttribute('data-label', '-1');
  await expect(page.getByTestId('draft-panel').getByTestId('step-note')).toContainText('misses the yellow square');

  // A wrong step pre-fills the reject reason.
  await page.keyboard.press('r');
  const dialog = page.getByTestId('reject-dialog');
  await expect(dialog.locator('input[value="contradicts-video"]')).toBeChecked();
  await expect(dialog.getByTestId('reject-note')).toHaveValue(/Step 5 of \d+ is wrong: misses the yellow square/);
  await page.screenshot({ path: '/tmp/steps-reject-prefill.png' });
  await dialog.getByTestId('reject-confirm').click();
  await expect.poll(async () => (await queryRows<{ s: string }>(`SELECT review_status::text AS s FROM item WHERE id = $1`, [target!.id]))[0]!.s).toBe('rejected');

  // Items table: the step filters find it.
  await page.goto(`/items?dataset=${datasetId}&wrongStep=true&sort=riskScore&dir=desc`);
  await expect(page.getByTestId('item-row')).toHaveCount(1);
  await expect(page.getByTestId('item-row').first()).toHaveAttribute('data-item-id', String(target!.id));
  await page.screenshot({ path: '/tmp/steps-items-filter.png' });

  // Export as process-reward data from the exports page.
  await page.goto(`/exports?dataset=${datasetId}`);
  await page.getByRole('radio', { name: /^PRM/ }).check();
  // The new export's own row (other specs' exports are listed too).
  const [created] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/exports') && r.request().method() === 'POST'),
    page.getByRole('button', { name: 'Export' }).click(),
  ]);
  const exportId = ((await created.json()) as { export: { id: number } }).export.id;
  const row = page.getByTestId(`export-row-${exportId}`);
  await expect(row).toHaveAttribute('data-status', 'completed', { timeout: 30_000 });
  const downloading = page.waitForEvent('download');
  await row.getByRole('link', { name: /\.jsonl$/ }).click();
  const text = fs.readFileSync((await (await downloading).path())!, 'utf8');
  const records = text.trim().split('\n').map((l) => JSON.parse(l) as { first_error_index: number; finish_reason: string; steps: { label: number | null; evidence: { verdict: string } | null }[] });
  expect(records).toHaveLength(1);
  expect(records[0]).toMatchObject({ first_error_index: 4, finish_reason: 'found_error' });
  expect(records[0]!.steps.slice(0, 6).map((s) => s.label)).toEqual([1, 1, 1, 1, -1, null]);
  expect(records[0]!.steps[4]!.evidence).toMatchObject({ verdict: 'contradicted' });
});
