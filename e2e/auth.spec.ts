import { expect, test } from '@playwright/test';
import { queryRows } from './support';
import { E2E_REVIEWER, REVIEWER_STATE, SIGNED_OUT } from './users';

test.describe('signed out', () => {
  test.use({ storageState: SIGNED_OUT });

  test('a page sends you to sign in, then back where you were going', async ({ page }) => {
    await page.goto('/items');
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fitems$/);
    await page.getByLabel('Email').fill(E2E_REVIEWER.email);
    await page.getByLabel('Password').fill(E2E_REVIEWER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/items$/);
    await expect(page.getByTestId('user-role')).toHaveText('reviewer');
    await expect(page.getByTestId('items-table')).toBeVisible();
    const [row] = await queryRows<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_event a JOIN "user" u ON u.id = a.actor_id WHERE a.action = 'auth.sign-in' AND u.email = $1`,
      [E2E_REVIEWER.email],
    );
    expect(row!.n).toBeGreaterThanOrEqual(1);
  });

  test('a wrong password is refused, says so, and is audited', async ({ page }) => {
    const email = 'reviewer@demo.local';
    const [before] = await queryRows<{ n: number }>(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'auth.sign-in-failed' AND subject_id = $1`, [email]);
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByTestId('sign-in-form').getByRole('alert')).toHaveText('Wrong email or password.');
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.screenshot({ path: 'test-results/screens/sign-in-1280x720.png' });
    await expect(page).toHaveURL(/\/sign-in/);
    expect((await page.context().cookies()).filter((c) => c.name.includes('session_token'))).toHaveLength(0);
    const [after] = await queryRows<{ n: number }>(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'auth.sign-in-failed' AND subject_id = $1`, [email]);
    expect(after!.n).toBe(before!.n + 1);
  });

  test('the API answers 401 without a session, and ignores forged identity headers', async ({ request }) => {
    const res = await request.get('/api/me', { headers: { 'x-cot-user-id': 'someone', 'x-cot-user-role': 'admin' } });
    expect(res.status()).toBe(401);
    expect((await res.json()).error.code).toBe('UNAUTHORIZED');
  });
});

test.describe('as a reviewer', () => {
  test.use({ storageState: REVIEWER_STATE });

  test('admin pages answer 403 and are not in the nav', async ({ page }) => {
    await page.goto('/datasets');
    await expect(page.getByTestId('user-role')).toHaveText('reviewer');
    await expect(page.getByRole('navigation').getByRole('link', { name: 'Users' })).toHaveCount(0);
    await expect(page.getByRole('navigation').getByRole('link', { name: 'Audit' })).toHaveCount(0);
    const res = await page.goto('/users');
    expect(res?.status()).toBe(403);
    await expect(page.getByTestId('forbidden')).toBeVisible();
    await page.screenshot({ path: 'test-results/screens/forbidden-1440x900.png' });
  });

  test('admin API calls answer 403 and change nothing', async ({ request }) => {
    const email = `made-by-reviewer-${Date.now()}@cot.test`;
    const res = await request.post('/api/users', { data: { email, name: 'x', role: 'admin', password: 'whatever-123' } });
    expect(res.status()).toBe(403);
    expect(await queryRows(`SELECT 1 FROM "user" WHERE email = $1`, [email])).toHaveLength(0);
  });
});

test.describe('signing out', () => {
  test.use({ storageState: SIGNED_OUT });

  test('ends the session: the next page load asks to sign in again', async ({ page }) => {
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(E2E_REVIEWER.email);
    await page.getByLabel('Password').fill(E2E_REVIEWER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByTestId('user-role')).toHaveText('reviewer');
    const token = (await page.context().cookies()).find((c) => c.name.endsWith('session_token'))!.value.split('.')[0]!;
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    expect(await queryRows(`SELECT 1 FROM session WHERE token = $1`, [decodeURIComponent(token)])).toHaveLength(0);
    await page.goto('/datasets');
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fdatasets$/);
  });
});

test.describe('cross-site requests', () => {
  test.use({ storageState: REVIEWER_STATE });

  test('a state-changing request from another site is refused even with a valid session', async ({ request }) => {
    const name = `csrf-${Date.now()}`;
    const evil = await request.post('/api/tokens', { data: { name }, headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } });
    expect(evil.status()).toBe(403);
    expect(await queryRows(`SELECT 1 FROM api_token WHERE name = $1`, [name])).toHaveLength(0);
    const same = await request.post('/api/tokens', { data: { name }, headers: { 'sec-fetch-site': 'same-origin' } });
    expect(same.status()).toBe(201);
  });
});
