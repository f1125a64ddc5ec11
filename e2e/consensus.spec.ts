import { expect, test, type Browser, type APIRequestContext, type Page } from '@playwright/test';
import { e2eDatabaseUrl, queryRows } from './support';
import { cloneDemoDataset } from './review-fixtures';

// The answer guard, consensus review with adjudication, and "Next for me" queues, driven as
// users would: keyboard on the review and adjudication pages, each reviewer in their own browser.

async function freshDataset(tag: string) {
  return cloneDemoDataset(e2eDatabaseUrl(), { name: `consensus-e2e-${tag}-${Date.now()}` });
}

async function expectOn(page: Page, id: number) {
  await expect(page).toHaveURL(new RegExp(`/items/${id}(\\?|$)`));
  await expect(page.getByTestId('review-workspace')).toHaveAttribute('data-item-id', String(id));
  await expect(page.getByTestId('review-workspace')).toHaveAttribute('data-ready', 'true');
}

const workspaceItem = async (page: Page) => Number(await page.getByTestId('review-workspace').getAttribute('data-item-id'));

/** A new reviewer (created by the admin through the API), signed in in a browser context of their own. */
async function newReviewer(browser: Browser, admin: APIRequestContext, name: string): Promise<{ id: string; page: Page }> {
  const email = `${name.toLowerCase()}-${Date.now()}@cot.test`;
  const password = 'consensus-password-1';
  const created = await admin.post('/api/users', { data: { email, name, role: 'reviewer', password } });
  expect(created.status()).toBe(201);
  const [row] = await queryRows<{ id: string }>(`SELECT id FROM "user" WHERE email = $1`, [email]);
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const signIn = await context.request.post('/api/auth/sign-in/email', { data: { email, password } });
  expect(signIn.status()).toBe(200);
  return { id: row!.id, page: await context.newPage() };
}

test('a CoT whose answer check fails is accepted only through the second step, with a reason', async ({ page }) => {
  const { datasetId, items } = await freshDataset('guard');
  const item = items[0]!;
  // The revision argues for a wrong answer.
  await queryRows(`UPDATE cot_version SET answer = 'Z', answer_score = 0, answer_correct = false WHERE id = $1`, [item.revisionId]);
  await queryRows(`UPDATE item SET revision_score = 0, revision_correct = false WHERE id = $1`, [item.id]);

  // The API refuses it without the explicit flag and reason.
  const refused = await page.request.post(`/api/items/${item.id}/decision`, { data: { action: 'accept', versionId: item.revisionId, expectedRev: 0 } });
  expect(refused.status()).toBe(422);
  expect((await refused.json()).error.code).toBe('ANSWER_CHECK_FAILED');

  await page.goto(`/items/${item.id}?dataset=${datasetId}`);
  await expectOn(page, item.id);
  await expect(page.getByTestId('revision-panel').getByTestId('answer-check')).toContainText('✗ wrong');
  await page.keyboard.press('a');
  const dialog = page.getByTestId('accept-anyway-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('“Z” fails the answer check');
  await page.screenshot({ path: '/tmp/consensus-accept-anyway.png' });
  // Escape backs out: nothing was decided.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect((await queryRows<{ review_status: string }>(`SELECT review_status FROM item WHERE id = $1`, [item.id]))[0]!.review_status).toBe('pending');

  await page.keyboard.press('a');
  await expect(page.getByTestId('accept-anyway-confirm')).toBeDisabled();
  await page.getByTestId('accept-anyway-reason').fill('the ground truth letter is wrong in the source');
  await page.keyboard.press('Enter');
  await expectOn(page, items[1]!.id);
  await expect
    .poll(async () => (await queryRows<{ review_status: string; reason: string | null }>(`SELECT i.review_status, r.reason FROM item i JOIN review r ON r.item_id = i.id WHERE i.id = $1`, [item.id]))[0])
    .toEqual({ review_status: 'accepted', reason: 'accepted although its answer check fails: the ground truth letter is wrong in the source' });
});

test('two reviewers: their queues never overlap, a disagreement goes to adjudication, the admin settles it by keyboard', async ({ browser, page, request }) => {
  // Three signed-in browsers and five pages: longer than one review spec.
  test.setTimeout(180_000);
  const { datasetId } = await freshDataset('adjudicate');
  const r1 = await newReviewer(browser, request, 'Rita');
  const r2 = await newReviewer(browser, request, 'Sam');
  const assignmentName = `pair ${Date.now()}`;
  const assignment = await request.post('/api/assignments', {
    data: { name: assignmentName, filter: `dataset=${datasetId}`, requiredReviews: 2, reviewerIds: [r1.id, r2.id] },
  });
  expect(assignment.status()).toBe(201);

  // Both open "Next for me" at the same moment: each gets a different item, claimed for them.
  await Promise.all([r1.page.goto('/queue'), r2.page.goto('/queue')]);
  await expect(r1.page).toHaveURL(/\/items\/\d+\?queue=1/);
  await expect(r2.page).toHaveURL(/\/items\/\d+\?queue=1/);
  const x = await workspaceItem(r1.page);
  const y = await workspaceItem(r2.page);
  expect(x).not.toBe(y);
  await expect(r1.page.getByTestId('claim-mine')).toContainText('Claimed for you');

  // Anyone else opening Rita's item sees that she is on it.
  await page.goto(`/items/${x}`);
  await expect(page.getByTestId('claim-other')).toContainText('Being reviewed by Rita');
  await page.screenshot({ path: '/tmp/consensus-claim-banner.png' });

  // Rita accepts the revision; Sam passes his item over (J) and is served Rita's item next: it
  // still needs a second review. He rejects it.
  await expectOn(r1.page, x);
  await r1.page.keyboard.press('a');
  await expect.poll(async () => (await queryRows<{ votes: Record<string, string> | null }>(`SELECT votes FROM item WHERE id = $1`, [x]))[0]!.votes ?? {}).toHaveProperty(r1.id);
  await expect.poll(() => workspaceItem(r1.page)).not.toBe(x);
  await expectOn(r2.page, y);
  await r2.page.keyboard.press('j');
  await expectOn(r2.page, x);
  await r2.page.keyboard.press('r');
  await r2.page.keyboard.press('2');
  await r2.page.keyboard.press('Enter');
  await expect.poll(async () => (await queryRows<{ review_status: string }>(`SELECT review_status FROM item WHERE id = $1`, [x]))[0]!.review_status).toBe('needs_adjudication');

  // The admin sees both decisions side by side and takes Rita's (key 1).
  await page.goto(`/adjudication?dataset=${datasetId}`);
  const votes = page.getByTestId('adjudication-vote');
  await expect(votes).toHaveCount(2);
  await expect(votes.nth(0)).toContainText('Rita');
  await expect(votes.nth(0)).toContainText('accepted revision');
  await expect(votes.nth(1)).toContainText('Sam');
  await expect(votes.nth(1)).toContainText('rejected');
  await page.screenshot({ path: '/tmp/consensus-adjudication.png' });
  await page.keyboard.press('1');
  await expect(page.getByTestId('adjudication-message')).toContainText('Accepted Rita');
  const [settled] = await queryRows<{ review_status: string; adjudicated: boolean }>(`SELECT review_status, adjudicated_at IS NOT NULL AS adjudicated FROM item WHERE id = $1`, [x]);
  expect(settled).toEqual({ review_status: 'accepted', adjudicated: true });

  // Progress & agreement: raw agreement beside Cohen's kappa, per assignment and reviewer pair.
  await page.goto('/assignments');
  const row = page.getByTestId('assignment-row').filter({ hasText: assignmentName });
  await row.getByRole('button', { name: 'Progress & agreement' }).click();
  await expect(row.getByTestId('agreement-rule')).toContainText('all N reviewers agree');
  await expect(row.getByTestId('agreement-pairs')).toContainText('rita-');
  await expect(row.getByText("Cohen's κ").first()).toBeVisible();
  await row.scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/consensus-agreement.png' });

  // The items table filters the new status.
  await page.goto(`/items?dataset=${datasetId}&status=needs_adjudication`);
  await expect(page.getByTestId('items-count')).toHaveText('0 matching');
  await r1.page.context().close();
  await r2.page.context().close();
});
