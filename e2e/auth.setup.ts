import { expect, test as setup } from '@playwright/test';
import { ADMIN_STATE, E2E_ADMIN, E2E_OUTSIDER, E2E_REVIEWER, OUTSIDER_STATE, REVIEWER_STATE } from './users';

setup('sign in as the e2e admin through the sign-in page', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(E2E_ADMIN.email);
  await page.getByLabel('Password').fill(E2E_ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('user-role')).toHaveText('admin');
  await page.context().storageState({ path: ADMIN_STATE });
});

setup('sign in as the e2e reviewer through the API', async ({ request }) => {
  const res = await request.post('/api/auth/sign-in/email', { data: { email: E2E_REVIEWER.email, password: E2E_REVIEWER.password } });
  expect(res.status()).toBe(200);
  await request.storageState({ path: REVIEWER_STATE });
});

setup('sign in as the e2e outsider (a reviewer assigned no item) through the API', async ({ request }) => {
  const res = await request.post('/api/auth/sign-in/email', { data: { email: E2E_OUTSIDER.email, password: E2E_OUTSIDER.password } });
  expect(res.status()).toBe(200);
  await request.storageState({ path: OUTSIDER_STATE });
});
