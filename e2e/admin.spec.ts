import { expect, test } from '@playwright/test';
import { queryRows } from './support';

// Runs as the e2e admin (the default storage state).

test('an admin adds a reviewer, who can then sign in; disabling ends it', async ({ page, browser }) => {
  const email = `new-reviewer-${Date.now()}@cot.test`;
  await page.goto('/users');
  const form = page.getByTestId('create-user-form');
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Name').fill('New Reviewer');
  await form.getByLabel('Password').fill('first-password-1');
  await form.getByRole('button', { name: 'Add user' }).click();
  const row = page.getByTestId('user-row').filter({ hasText: email });
  await expect(row).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/users-1440x900.png', fullPage: true });

  const other = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const them = await other.newPage();
  await them.goto('/sign-in');
  await them.getByLabel('Email').fill(email);
  await them.getByLabel('Password').fill('first-password-1');
  await them.getByRole('button', { name: 'Sign in' }).click();
  await expect(them.getByTestId('user-role')).toHaveText('reviewer');

  await row.getByRole('button', { name: 'Disable' }).click();
  await expect(row).toContainText('disabled');
  await them.goto('/datasets');
  await expect(them).toHaveURL(/\/sign-in/);
  await other.close();
  const [audit] = await queryRows<{ n: number }>(`SELECT count(*)::int AS n FROM audit_event WHERE action IN ('user.create', 'user.update') AND data->>'email' = $1`, [email]);
  expect(audit!.n).toBe(2);
});

test('an API token is shown once, works as Bearer, and stops working when revoked', async ({ page, playwright, baseURL }) => {
  await page.goto('/account');
  const panel = page.getByTestId('api-tokens-mine');
  await panel.getByLabel('Name').fill('e2e script');
  await panel.getByRole('button', { name: 'Create token' }).click();
  const token = (await page.getByTestId('new-token-value').textContent())!.trim();
  expect(token).toMatch(/^cot_/);
  await page.screenshot({ path: 'test-results/screens/account-1440x900.png', fullPage: true });
  expect(await queryRows(`SELECT 1 FROM api_token WHERE token_hash = encode(sha256($1::bytea), 'hex')`, [token])).toHaveLength(1);
  expect(await queryRows(`SELECT 1 FROM api_token WHERE prefix = $1 OR name = $1`, [token])).toHaveLength(0);

  const cli = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const me = await cli.get('/api/me', { headers: { authorization: `Bearer ${token}` } });
  expect(me.status()).toBe(200);
  expect((await me.json()).role).toBe('admin');

  await page.reload();
  await page.getByTestId('token-row').filter({ hasText: 'e2e script' }).getByRole('button', { name: 'Revoke' }).click();
  await expect(page.getByTestId('token-row').filter({ hasText: 'e2e script' })).toContainText('revoked');
  expect((await cli.get('/api/me', { headers: { authorization: `Bearer ${token}` } })).status()).toBe(401);
  await cli.dispose();
});

test('an assignment with two reviews per item shows agreement', async ({ page }) => {
  const [demo] = await queryRows<{ id: number }>(`SELECT id FROM dataset WHERE name = 'demo'`);
  const reviewers = await queryRows<{ id: string; email: string }>(`SELECT id, email FROM "user" WHERE email IN ('e2e-reviewer@cot.test', 'reviewer@demo.local') ORDER BY email`);
  const items = await queryRows<{ id: number }>(`SELECT id FROM item WHERE dataset_id = $1 AND problem_type = 'OCR' ORDER BY id LIMIT 2`, [demo!.id]);
  expect(items.length).toBe(2);
  // Decisions as the review page would record them: both accept the first item; they split on the second.
  for (const [item, a, b] of [
    [items[0]!.id, 'accepted', 'accepted'],
    [items[1]!.id, 'accepted', 'rejected'],
  ] as const) {
    await queryRows(
      `INSERT INTO review (item_id, status, reviewer_id, item_rev, previous_status) VALUES ($1, $2, $3, 0, 'pending'), ($1, $4, $5, 1, 'pending')`,
      [item, a, reviewers[0]!.id, b, reviewers[1]!.id],
    );
  }

  await page.goto('/assignments');
  const form = page.getByTestId('create-assignment-form');
  await form.getByLabel('Name').fill('OCR double review');
  await form.getByLabel('Filter').fill('type=OCR');
  await form.getByLabel('Reviews per item').fill('2');
  for (const r of reviewers) await form.getByLabel(r.email).check();
  await form.getByRole('button', { name: 'Assign' }).click();
  const row = page.getByTestId('assignment-row').filter({ hasText: 'OCR double review' });
  await expect(row).toContainText('2 reviews each');
  await row.getByRole('button', { name: 'Progress & agreement' }).click();
  await expect(row.getByTestId('agreement-compared')).toHaveText('2');
  await expect(row.getByTestId('agreement-agreement')).toHaveText('50%');
  await expect(row.getByTestId('agreement-complete')).toHaveText('2');
  await page.screenshot({ path: 'test-results/screens/assignments-1440x900.png', fullPage: true });
});

test('the audit page lists sign-ins and admin actions with who and when', async ({ page }) => {
  await page.goto('/audit?category=sign-in');
  await expect(page.getByTestId('audit-row').first()).toContainText('auth.sign-in');
  await page.goto('/audit?category=access');
  await expect(page.getByTestId('audit-row').filter({ hasText: 'user.create' }).first()).toBeVisible();
  await page.goto('/audit');
  await page.screenshot({ path: 'test-results/screens/audit-1440x900.png', fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.screenshot({ path: 'test-results/screens/audit-1280x720.png' });
  await page.goto('/users');
  await page.screenshot({ path: 'test-results/screens/users-1280x720.png' });
  await page.goto('/assignments');
  await page.screenshot({ path: 'test-results/screens/assignments-1280x720.png' });
});
