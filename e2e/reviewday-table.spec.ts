import { expect, test } from '@playwright/test';
import { queryRows } from './support';
import { seedTableDataset } from './table-seed';
import { E2E_ADMIN, E2E_REVIEWER, REVIEWER_STATE } from './users';

const userId = async (email: string) => (await queryRows<{ id: string }>(`SELECT id FROM "user" WHERE email = $1`, [email]))[0]!.id;
const headerOrder = (page: import('@playwright/test').Page) => page.getByTestId('items-table').locator('thead th[data-column]').evaluateAll((ths) => ths.map((t) => t.getAttribute('data-column')));

test('columns: hide, reorder and resize are kept for the user across reloads; cut ids and the failed chip have tooltips', async ({ page }) => {
  const ds = await seedTableDataset('rd-columns', 12);
  await queryRows(`UPDATE item SET last_error = 'draft: the model replied without <think> tags (attempt 3 of 3)' WHERE dataset_id = $1 AND problem_id = 't1'`, [ds.id]);
  await queryRows(`DELETE FROM table_layout WHERE user_id = $1`, [await userId(E2E_ADMIN.email)]);
  await page.goto(`/items?dataset=${ds.id}`);
  await expect(page.getByTestId('item-row')).toHaveCount(12);

  await page.getByTestId('columns').click();
  await page.getByTestId('column-toggle-source').uncheck();
  await page.getByTestId('column-left-status').click(); // status before length
  await page.keyboard.press('Escape');
  await expect.poll(() => headerOrder(page)).toEqual(['id', 'question', 'type', 'draft', 'revision', 'consistency', 'status', 'length', 'reviewer', 'updated', 'pass', 'risk', 'steps']);

  // Drag the Type column's right edge 80 px wider.
  const typeHeader = page.locator('thead th[data-column="type"]');
  const before = (await typeHeader.boundingBox())!.width;
  const edge = (await page.getByTestId('resize-type').boundingBox())!;
  await page.mouse.move(edge.x + edge.width / 2, edge.y + edge.height / 2);
  await page.mouse.down();
  await page.mouse.move(edge.x + 80, edge.y + edge.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect.poll(async () => (await typeHeader.boundingBox())!.width).toBeGreaterThan(before + 60);

  // Kept on the server: a reload shows the same layout.
  await expect
    .poll(async () => (await queryRows<{ layout: { hidden: string[]; widths: Record<string, number> } }>(`SELECT layout FROM table_layout WHERE user_id = $1 AND table_key = 'items'`, [await userId(E2E_ADMIN.email)]))[0]?.layout)
    .toMatchObject({ hidden: ['source'], widths: { type: expect.any(Number) } });
  // The server renders the saved layout, so the first HTML has no hidden column (no jump after hydration).
  const firstHtml = await (await page.request.get(`/items?dataset=${ds.id}`)).text();
  expect(firstHtml).toContain('data-column="type"');
  expect(firstHtml).not.toContain('data-column="source"');
  await page.reload();
  await expect.poll(() => headerOrder(page)).toEqual(['id', 'question', 'type', 'draft', 'revision', 'consistency', 'status', 'length', 'reviewer', 'updated', 'pass', 'risk', 'steps']);

  // Ids carry their full value; the failed chip says what failed.
  const failedRow = page.locator('[data-testid="item-row"]', { has: page.getByTestId('failed-chip') });
  await expect(failedRow.locator('td[data-column="id"]')).toHaveAttribute('title', /problem_id t1 · item \d+/);
  await expect(failedRow.getByTestId('failed-chip')).toHaveAttribute('title', 'Failed: draft: the model replied without <think> tags (attempt 3 of 3)');

  await page.getByTestId('columns').click();
  await page.getByTestId('columns-reset').click();
  await expect.poll(() => headerOrder(page)).toEqual(['id', 'question', 'type', 'source', 'draft', 'revision', 'consistency', 'length', 'status', 'reviewer', 'updated', 'pass', 'risk', 'steps']);
  await expect(page.locator('td[data-column="source"]').first()).toHaveAttribute('title', /STAR|NeXT-QA/);
});

test('saved views: save a filter, sort and columns, share it, pick it from the menu; assign it to reviewers', async ({ page, browser }) => {
  const ds = await seedTableDataset('rd-views', 40);
  await page.goto(`/items?dataset=${ds.id}&type=OCR&sort=draftScore&dir=asc`);
  await expect(page.getByTestId('items-count')).toHaveText('10 matching');
  await page.getByTestId('columns').click();
  await page.getByTestId('column-toggle-reviewer').uncheck();
  await page.keyboard.press('Escape');

  await page.getByTestId('views').click();
  await page.getByTestId('view-name').fill('OCR, worst drafts first');
  await page.getByTestId('view-shared').check();
  await page.getByTestId('view-save').click();
  await expect(page.getByTestId('views-panel').getByTestId('saved-view')).toHaveText(['OCR, worst drafts firstshared']);
  const [saved] = await queryRows<{ filter: string; shared: boolean; columns: { hidden: string[] } }>(`SELECT filter, shared, columns FROM saved_view WHERE dataset_id = $1`, [ds.id]);
  // Kept in canonical form (ascending is the default direction, so it is left out).
  expect(saved).toMatchObject({ filter: `dataset=${ds.id}&type=OCR&sort=draftScore`, shared: true, columns: { hidden: ['reviewer'] } });
  await page.keyboard.press('Escape');

  // Picking the view from anywhere brings back its filter and sort.
  await page.goto(`/items?dataset=${ds.id}`);
  await expect(page.getByTestId('items-count')).toHaveText('40 matching');
  await page.getByTestId('views').click();
  await page.getByTestId('saved-view').click();
  await expect(page).toHaveURL(new RegExp(`\\?dataset=${ds.id}&type=OCR&sort=draftScore$`));
  await expect(page.getByTestId('items-count')).toHaveText('10 matching');
  await expect(page.getByTestId('views')).toContainText('View: OCR, worst drafts first');

  // A reviewer sees the shared view (with its owner) and cannot delete it.
  const reviewer = await browser.newContext({ storageState: REVIEWER_STATE });
  const rp = await reviewer.newPage();
  await rp.goto(`/items?dataset=${ds.id}`);
  await rp.getByTestId('views').click();
  await expect(rp.getByTestId('saved-view')).toContainText(`by ${E2E_ADMIN.name}`);
  await expect(rp.getByTestId('delete-view')).toHaveCount(0);
  await expect(rp.getByTestId('assign-view-open')).toHaveCount(0);
  await reviewer.close();

  // Assign the view to a reviewer: an assignment with exactly this filter.
  await page.getByTestId('assign-view-open').click();
  const dialog = page.getByTestId('assign-view');
  await dialog.getByTestId(`assign-reviewer-${E2E_REVIEWER.email}`).check();
  await dialog.getByTestId('assign-name').fill(`OCR pass ${ds.name}`);
  await dialog.getByTestId('assign-view-save').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('toast')).toContainText('to 1 reviewer.');
  const [assignment] = await queryRows<{ filter: string; reviewer_id: string }>(
    `SELECT a.filter, r.reviewer_id FROM assignment a JOIN assignment_reviewer r ON r.assignment_id = a.id WHERE a.name = $1`,
    [`OCR pass ${ds.name}`],
  );
  expect(assignment).toEqual({ filter: `dataset=${ds.id}&type=OCR&sort=draftScore`, reviewer_id: await userId(E2E_REVIEWER.email) });
});

test('a finished sample can be closed, "Sample…" works again, and its decided list offers a way out', async ({ page }) => {
  const ds = await seedTableDataset('rd-sample', 40);
  await page.goto(`/items?dataset=${ds.id}`);
  await page.getByTestId('open-sampling').click();
  const dialog = page.getByTestId('draw-sample');
  await dialog.getByLabel('Confidence').selectOption('0.9');
  await dialog.getByTestId('sample-margin').fill('20');
  await dialog.getByTestId('draw-sample-submit').click();
  await expect(page).toHaveURL(/sample=\d+/);
  const sampleId = Number(new URL(page.url()).searchParams.get('sample'));
  await expect(page.getByTestId('open-sampling')).toBeDisabled();

  // Decide every sampled item, then look at its pending list: not a dead end.
  await queryRows(`UPDATE item SET review_status = 'accepted' WHERE id IN (SELECT item_id FROM acceptance_sample_item WHERE sample_id = $1)`, [sampleId]);
  await page.goto(`/items?dataset=${ds.id}&sample=${sampleId}&status=pending`);
  await expect(page.getByTestId('sample-decided')).toContainText(`Every item of sample #${sampleId} is decided.`);
  await page.getByTestId('sample-decided-all').click();
  await expect(page).toHaveURL(new RegExp(`dataset=${ds.id}&sample=${sampleId}$`));
  await expect(page.getByTestId('item-row').first()).toBeVisible();

  await page.getByTestId('sample-close').click();
  await expect(page).toHaveURL(new RegExp(`/items\\?dataset=${ds.id}&status=pending`));
  await expect(page.getByTestId('open-sampling')).toBeEnabled();
  const [row] = await queryRows<{ state: string }>(`SELECT state::text FROM acceptance_sample WHERE id = $1`, [sampleId]);
  expect(row?.state).toBe('closed');
  await page.getByTestId('open-sampling').click();
  await expect(page.getByTestId('draw-sample')).toBeVisible();
});

test.describe('as a reviewer', () => {
  test.use({ storageState: REVIEWER_STATE });

  test('the bulk dialog says the selection was narrowed to their assignments, with both counts; nothing selected means no action', async ({ page }) => {
    const ds = await seedTableDataset('rd-narrow', 20);
    const [a] = await queryRows<{ id: number }>(`INSERT INTO assignment (dataset_id, name, filter) VALUES ($1, 'rd OCR', $2) RETURNING id`, [ds.id, `dataset=${ds.id}&type=OCR`]);
    await queryRows(`INSERT INTO assignment_reviewer (assignment_id, reviewer_id) VALUES ($1, $2)`, [a!.id, await userId(E2E_REVIEWER.email)]);
    await page.goto(`/items?dataset=${ds.id}`);
    await expect(page.getByTestId('item-row')).toHaveCount(20);
    await page.getByTestId('select-page').check();
    await page.getByTestId('bulk-reject').click();
    await page.getByTestId('reject-reason').fill('blurry');
    await page.getByTestId('reject-continue').click();
    // 20 items, types cycle over four: 5 are OCR.
    await expect(page.getByTestId('confirm-bulk-count')).toHaveText('5');
    await expect(page.getByTestId('confirm-bulk-narrowed')).toHaveText('Narrowed to your assignments: 5 of the 20 selected items are in your assigned work; 15 outside it stay as they are.');
    await page.getByRole('button', { name: 'Cancel' }).click();

    // Everything unticked again: no bulk action is offered on nothing.
    await page.goto(`/items?dataset=${ds.id}&source=STAR`);
    await expect(page.getByTestId('item-row')).toHaveCount(10);
    await page.getByTestId('select-page').check();
    for (const row of await page.getByTestId('item-row').all()) await row.getByRole('checkbox').uncheck();
    await expect(page.getByTestId('bulk-bar')).toHaveCount(0);
  });
});
