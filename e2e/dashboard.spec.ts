import { expect, test } from '@playwright/test';
import { queryRows } from './support';
import { seedTableDataset } from './table-seed';

test('the dashboard shows a dataset’s stages, decisions, scores and reviewers', async ({ page }) => {
  const ds = await seedTableDataset('e2e-dash', 120);
  const [admin] = await queryRows<{ id: string }>(`SELECT id FROM "user" WHERE role = 'admin' ORDER BY created_at LIMIT 1`);
  // 30 accepted today and 12 rejected yesterday, as decisions with their review rows.
  await queryRows(
    `WITH picked AS (
       SELECT id, row_number() OVER (ORDER BY id) AS k FROM item WHERE dataset_id = $1 ORDER BY id LIMIT 42),
     decided AS (
       UPDATE item i SET review_status = CASE WHEN p.k <= 30 THEN 'accepted' ELSE 'rejected' END::"ReviewStatus",
                         reviewed_by_id = $2, reviewed_at = now(), rev = rev + 1
         FROM picked p WHERE i.id = p.id RETURNING i.id, i.review_status, p.k)
     INSERT INTO review (item_id, status, reviewer_id, item_rev, previous_status, created_at)
     SELECT id, review_status, $2, 0, 'pending', now() - CASE WHEN k <= 30 THEN interval '0' ELSE interval '1 day' END FROM decided`,
    [ds.id, admin!.id],
  );

  // The figures come with the first HTML (rendered on the server), not after hydration.
  const firstHtml = await (await page.request.get(`/dashboard?dataset=${ds.id}`)).text();
  expect(firstHtml).toContain('data-testid="dashboard-stats"');
  expect(firstHtml).toContain('data-testid="hist-draft"');
  await page.goto(`/dashboard?dataset=${ds.id}`);
  const stats = page.getByTestId('dashboard-stats');
  await expect(stats).toContainText('120');
  await expect(stats.getByText('accepted').locator('..')).toContainText('30');
  await expect(stats.getByText('rejected').locator('..')).toContainText('12');
  for (const id of ['chart-stages', 'chart-acceptance', 'hist-draft', 'hist-revision', 'chart-reviewers']) await expect(page.getByTestId(id)).toBeVisible();
  // Draft scores are 0 for every third item and 1 otherwise: two non-empty bins, 40 and 80.
  await expect(page.getByTestId('hist-draft').locator('rect')).not.toHaveCount(0);
  await expect(page.getByTestId('hist-draft')).toContainText('120 scored');
  await page.setViewportSize({ width: 1440, height: 1100 });
  await page.screenshot({ path: 'test-results/screens/dashboard-1440x1100.png', fullPage: true });
});
