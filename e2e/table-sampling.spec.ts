import { expect, test } from '@playwright/test';
import { queryRows } from './support';
import { seedTableDataset, statusCounts } from './table-seed';

test('acceptance sampling: draw, decide the sample, watch the interval, accept the rest', async ({ page }) => {
  // Every item has a (right) revision, so no accept here meets a failing answer check, which
  // would leave a random number of sampled items out (e2e/table.spec.ts covers that).
  const ds = await seedTableDataset('e2e-sampling', 300, { revisionEvery: 1_000_000 });
  await page.goto(`/items?dataset=${ds.id}`);
  await page.getByTestId('open-sampling').click();
  const dialog = page.getByTestId('draw-sample');
  await dialog.getByLabel('Confidence').selectOption('0.9');
  await dialog.getByTestId('sample-margin').fill('10');
  await dialog.getByTestId('sample-bar').fill('80');
  // 90% ± 10% needs 67.6 items from an endless population; 56 from 300.
  await expect(dialog.getByTestId('draw-sample-summary')).toHaveText('56 of 300 pending items will be sampled.');
  await dialog.getByTestId('draw-sample-submit').click();

  await expect(page).toHaveURL(new RegExp(`dataset=${ds.id}&sample=\\d+$`));
  const sampleId = Number(new URL(page.url()).searchParams.get('sample'));
  const panel = page.getByTestId('sample-panel');
  await expect(panel.getByTestId('sample-progress')).toHaveText('0 / 56 decided');
  await expect(page.getByTestId('items-count')).toHaveText('56 matching');
  await expect(panel.getByTestId('sample-accept-rest')).toBeDisabled();
  const [drawn] = await queryRows<{ n: number; spread: number }>(
    `SELECT count(*)::int AS n, (max(item_id) - min(item_id))::int AS spread FROM acceptance_sample_item WHERE sample_id = $1`,
    [sampleId],
  );
  expect(drawn?.n).toBe(56);
  expect(drawn!.spread).toBeGreaterThan(150); // spread over the population, not its first rows

  // Decide the sample in the table: accept all but two, reject those two.
  const rows = page.getByTestId('item-row');
  await page.getByTestId('select-page').check();
  await page.getByTestId('select-all-matching').click();
  await rows.nth(0).getByRole('checkbox').uncheck();
  await rows.nth(1).getByRole('checkbox').uncheck();
  await page.getByTestId('bulk-accept').click();
  await page.getByTestId('bulk-accept-revision').click();
  await expect(page.getByTestId('confirm-bulk-count')).toHaveText('54');
  await page.getByTestId('confirm-bulk-apply').click();
  await expect(panel.getByTestId('sample-progress')).toHaveText('54 / 56 decided');
  await expect(panel.getByTestId('sample-verdict')).toHaveText('2 sampled items still to decide.');
  await expect(panel.getByTestId('sample-accept-rest')).toBeDisabled();

  await page.getByTestId('filter-status-pending').click();
  await expect(page.getByTestId('items-count')).toHaveText('2 matching');
  await page.getByTestId('select-page').check();
  await page.getByTestId('bulk-reject').click();
  await page.getByTestId('reject-reason').fill('answer contradicts the video');
  await page.getByTestId('reject-continue').click();
  await expect(page.getByTestId('confirm-bulk-count')).toHaveText('2');
  await page.getByTestId('confirm-bulk-apply').click();

  // 54 good of 56 at 90%: Wilson 89.8%–98.8%, above the 80% bar.
  await expect(panel.getByTestId('sample-progress')).toHaveText('56 / 56 decided');
  await expect(panel.getByTestId('sample-estimate')).toHaveText('96.4%');
  await expect(panel.getByTestId('sample-interval')).toHaveText('(90% Wilson interval 89.8% – 98.8%)');
  await expect(panel.getByTestId('sample-accept-rest')).toBeEnabled();
  await expect(panel.getByTestId('sample-accept-rest')).toHaveText('Accept the rest (244)');
  await page.screenshot({ path: 'test-results/screens/table-sample-1440x900.png' });

  await panel.getByTestId('sample-accept-rest').click();
  await expect(page.getByTestId('confirm-bulk-count')).toHaveText('244');
  await page.getByTestId('confirm-bulk-apply').click();
  await expect(panel.getByTestId('sample-state')).toHaveText('accepted');
  expect(await statusCounts(ds.id)).toEqual({ accepted: 298, rejected: 2 });

  // The estimate, the sample and the bar are kept in the audit event.
  const [audit] = await queryRows<{ data: { count: number; sample: { sampleId: number; size: number; bar: number; good: number; bad: number; low: number } } }>(
    `SELECT data FROM audit_event WHERE action = 'bulk.accept' AND (data->'sample'->>'sampleId')::int = $1`,
    [sampleId],
  );
  expect(audit?.data).toMatchObject({ count: 244, sample: { sampleId, size: 56, bar: 0.8, good: 54, bad: 2 } });
  expect(audit!.data.sample.low).toBeGreaterThan(0.8);
});
