import { expect, test } from '@playwright/test';
import { queryRows } from './support';
import { seedTableDataset, statusCounts } from './table-seed';

test('filter, select everything matching, bulk accept exactly the confirmed count, then undo', async ({ page }) => {
  const ds = await seedTableDataset('e2e-table', 200);
  await page.goto(`/items?dataset=${ds.id}`);
  await expect(page.getByTestId('items-count')).toHaveText('200 matching');

  // Filters go to the URL, so the view can be shared and the review page follows it.
  await page.getByTestId('filter-status-pending').click();
  await page.getByTestId('filter-draft-correct').selectOption('false');
  await expect(page).toHaveURL(new RegExp(`dataset=${ds.id}&status=pending&draftCorrect=false`));
  const [{ n: matching } = { n: 0 }] = await queryRows<{ n: number }>(
    `SELECT count(*)::int AS n FROM item WHERE dataset_id = $1 AND review_status = 'pending' AND draft_correct = false`,
    [ds.id],
  );
  expect(matching).toBe(66);
  await expect(page.getByTestId('items-count')).toHaveText(`${matching} matching`);
  const rows = page.getByTestId('item-row');
  await expect(rows).toHaveCount(50);
  await expect(rows.first().getByRole('link').first()).toHaveAttribute('href', new RegExp(`^/items/\\d+\\?dataset=${ds.id}&status=pending&draftCorrect=false$`));

  // Keyset pages: next and back.
  await page.getByTestId('page-next').click();
  await expect(page.getByTestId('page-range')).toHaveText(`Rows 51–66 of 66`);
  await expect(rows).toHaveCount(16);
  await page.getByTestId('page-prev').click();
  await expect(page.getByTestId('page-range')).toHaveText(`Rows 1–50 of 66`);

  // Select the page, then everything matching, minus one row.
  await page.getByTestId('select-page').check();
  await expect(page.getByTestId('selection-summary')).toHaveText('50 selected');
  await page.getByTestId('select-all-matching').click();
  await expect(page.getByTestId('selection-summary')).toHaveText('All 66 matching items selected');
  const unticked = Number(await rows.first().getAttribute('data-item-id'));
  await rows.first().getByRole('checkbox').uncheck();
  await expect(page.getByTestId('selection-summary')).toHaveText('All 65 matching items selected (1 unticked)');
  await page.screenshot({ path: 'test-results/screens/table-selection-1440x900.png' });

  await page.getByTestId('bulk-accept').click();
  await page.getByTestId('bulk-accept-revision').click();
  const dialog = page.getByTestId('confirm-bulk');
  // The 13 items without a revision would take their draft, whose answer is wrong: left out
  // unless "include them" is ticked, which counts again on the server.
  await expect(dialog.getByTestId('confirm-bulk-count')).toHaveText('52');
  await expect(dialog.getByTestId('confirm-bulk-mismatched')).toContainText('13 of the 65 have a failing answer check');
  await page.screenshot({ path: 'test-results/screens/table-confirm-mismatched-1440x900.png' });
  // The box follows the server's recount, so it is clicked (not .check()) and the new count awaited.
  await dialog.getByTestId('confirm-bulk-include-mismatched').click();
  await expect(dialog.getByTestId('confirm-bulk-count')).toHaveText('65');
  await expect(dialog.getByTestId('confirm-bulk-mismatched')).toContainText('and are included');
  await page.screenshot({ path: 'test-results/screens/table-confirm-1440x900.png' });

  // While the confirmation is open, a new item starts matching the filter: it must not change.
  const [late] = await queryRows<{ id: number }>(
    `INSERT INTO item (dataset_id, problem_id, problem, problem_type, data_type, path, solution, draft_correct)
     VALUES ($1, 'late', 'Arrived after the count', 'OCR', 'video', './v.mp4', '', false) RETURNING id`,
    [ds.id],
  );
  await dialog.getByTestId('confirm-bulk-apply').click();
  await expect(page.getByTestId('toast')).toContainText('Accept 65 items: done.');
  expect(await statusCounts(ds.id)).toEqual({ accepted: 65, pending: 136 });
  const [untickedRow, lateRow] = await queryRows<{ id: number; review_status: string }>(`SELECT id, review_status::text FROM item WHERE id = ANY($1::int[]) ORDER BY id`, [[unticked, late!.id]]);
  expect([untickedRow?.review_status, lateRow?.review_status]).toEqual(['pending', 'pending']);
  // The accepted version is the revision when there is one, else the draft; one decision each.
  const [check] = await queryRows<{ wrong: number; reviews: number }>(
    `SELECT count(*) FILTER (WHERE accepted_version_id IS DISTINCT FROM COALESCE(current_revision_id, current_draft_id))::int AS wrong,
            (SELECT count(*)::int FROM review r JOIN item x ON x.id = r.item_id WHERE x.dataset_id = $1) AS reviews
       FROM item WHERE dataset_id = $1 AND review_status = 'accepted'`,
    [ds.id],
  );
  expect(check).toEqual({ wrong: 0, reviews: 65 });
  await expect(page.getByTestId('items-count')).toHaveText('2 matching');

  // Undo from the history: every item goes back.
  const history = page.getByTestId('bulk-history-row').first();
  await expect(history).toContainText('Accept 65 items');
  await history.getByTestId('bulk-undo').click();
  await page.getByTestId('confirm-undo-apply').click();
  await expect(page.getByTestId('toast')).toContainText('65 items restored');
  expect(await statusCounts(ds.id)).toEqual({ pending: 201 });
  await expect(page.getByTestId('items-count')).toHaveText('67 matching');
  await expect(history.getByTestId('bulk-history-undone')).toBeVisible();
  const [audit] = await queryRows<{ n: number }>(
    `SELECT count(*)::int AS n FROM audit_event WHERE action IN ('bulk.accept', 'bulk.undo') AND (data->>'datasetId')::int = $1`,
    [ds.id],
  );
  expect(audit?.n).toBe(2);
});

test('sorting by a column follows the header and the URL', async ({ page }) => {
  const ds = await seedTableDataset('e2e-table-sort', 60);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(`/items?dataset=${ds.id}&sort=updatedAt&dir=desc`);
  const rows = page.getByTestId('item-row');
  await expect(rows).toHaveCount(50);
  // The seed makes item t1 the most recently updated and t60 the oldest.
  await expect(rows.first().getByRole('link').first()).toHaveText('t1');
  await page.screenshot({ path: 'test-results/screens/table-1280x720.png' });
  await page.getByTestId('sort-updatedAt').click();
  await expect(page).toHaveURL(new RegExp(`dataset=${ds.id}&sort=updatedAt$`));
  await expect(rows.first().getByRole('link').first()).toHaveText('t60');
});
