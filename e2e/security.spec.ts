import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { discoverAppRoutes } from '../test/support/app-routes';
import { queryRows } from './support';
import { E2E_REVIEWER, REVIEWER_STATE, SIGNED_OUT } from './users';

// The outside security test's findings that only a running app shows: security headers and a CSP
// every page works under (3, 5), the web server's anonymous body cap and client address (2, 8),
// the Host check (10), health detail levels and media roots (10).

const pages = discoverAppRoutes(path.join(import.meta.dirname, '..', 'app')).filter((r) => r.kind === 'page');

/** Collects CSP violations (the DOM event and Chromium's console report) from page load on. */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction('__reportCspViolation', (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __reportCspViolation: (v: string) => void }).__reportCspViolation(`${e.violatedDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  return violations;
}

test('every page loads with no CSP violation, and the review page plays its video under the policy', async ({ page }) => {
  test.setTimeout(180_000);
  const violations = await watchCsp(page);
  for (const p of pages) {
    const res = await page.goto(p.samplePath);
    expect(res, p.samplePath).not.toBeNull();
    // Let client code (TanStack queries, hydration) run before moving on.
    await page.waitForTimeout(500);
    const h = res!.headers();
    expect(h['content-security-policy'], p.samplePath).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(h['x-frame-options']).toBe('DENY');
    expect(h['x-content-type-options']).toBe('nosniff');
    expect(h['referrer-policy']).toBe('strict-origin-when-cross-origin');
  }
  // The player (video.js) works: a demo clip plays from the media route.
  const [item] = await queryRows<{ id: number }>(`SELECT id FROM item WHERE data_type = 'video' ORDER BY id LIMIT 1`);
  await page.goto(`/items/${item!.id}`);
  const video = page.locator('[data-testid="video-player"] video, video[data-testid="video-player"]').first();
  await expect(video).toBeAttached();
  await video.evaluate((v: HTMLVideoElement) => {
    v.muted = true;
    return v.play();
  });
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState), { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
  await page.screenshot({ path: '/tmp/security-item-under-csp.png' });
  // Client-side navigation and TanStack queries still run (the items table loads its rows).
  await page.goto('/items');
  await expect(page.getByTestId('items-table').or(page.locator('table')).first()).toBeVisible();
  expect(violations).toEqual([]);
});

test('Users says which changes revoke API tokens', async ({ page }) => {
  await page.goto('/users');
  await expect(page.getByTestId('revocation-note')).toContainText('revokes their API tokens');
  await page.screenshot({ path: '/tmp/security-users.png' });
});

test('API answers and build assets carry the security headers too', async ({ request }) => {
  const api = await request.get('/api/me');
  expect(api.headers()['x-frame-options']).toBe('DENY');
  expect(api.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  const html = await (await request.get('/datasets')).text();
  const asset = /\/_next\/static\/[^"']+\.js/.exec(html)?.[0];
  expect(asset).toBeTruthy();
  const res = await request.get(asset!);
  expect(res.headers()['x-content-type-options']).toBe('nosniff');
});

test('another origin cannot frame the studio', async ({ page, baseURL }) => {
  // localhost and 127.0.0.1 are different origins of the same server.
  const other = baseURL!.replace('127.0.0.1', 'localhost');
  const violations: string[] = [];
  page.on('console', (m) => violations.push(m.text()));
  await page.goto(`${other}/sign-in`);
  await page.setContent(`<iframe id="f" src="${baseURL}/users"></iframe>`);
  await page.waitForTimeout(1500);
  const framed = page.frame({ url: /\/users/ });
  // Chromium refuses to render it: the frame stays empty (no users table inside).
  const rendered = framed ? await framed.locator('[data-testid="users-table"]').count().catch(() => 0) : 0;
  expect(rendered).toBe(0);
});

test.describe('signed out', () => {
  test.use({ storageState: SIGNED_OUT });

  test('a 9 MB anonymous sign-in body is refused unread with 413', async ({ request }) => {
    const res = await request.post('/api/auth/sign-in/email', { headers: { 'content-type': 'application/json' }, data: JSON.stringify({ email: 'x@cot.test', password: 'p'.repeat(9 * 1024 * 1024) }) });
    expect(res.status()).toBe(413);
    expect((await res.json()).error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  test('a failed sign-in is recorded with the real address, not a claimed X-Forwarded-For', async ({ request }) => {
    const email = `nobody-${Date.now()}@cot.test`;
    const res = await request.post('/api/auth/sign-in/email', { headers: { 'x-forwarded-for': '6.6.6.6', 'x-cot-client-address': '7.7.7.7' }, data: { email, password: 'wrong-password' } });
    expect(res.status()).toBe(401);
    const rows = await queryRows<{ ip: string }>(`SELECT data->>'ip' AS ip FROM audit_event WHERE action = 'auth.sign-in-failed' AND subject_id = $1`, [email]);
    expect(rows).toEqual([{ ip: '127.0.0.1' }]);
  });

  test('health tells an anonymous caller its status only', async ({ request }) => {
    const body = await (await request.get('/api/health')).json();
    expect(Object.keys(body)).toEqual(['status']);
  });

  test('a request for another host name is refused (421)', async ({ request }) => {
    const res = await request.get('/api/health', { headers: { host: 'rebound.attacker.test' } });
    expect(res.status()).toBe(421);
  });

  test('sign-in never sends you off-site, whatever `next` says', async ({ page, baseURL }) => {
    await page.goto('/sign-in?next=/%09/evil.example');
    await page.getByLabel('Email').fill(E2E_REVIEWER.email);
    await page.getByLabel('Password').fill(E2E_REVIEWER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByTestId('user-role')).toHaveText('reviewer');
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
    expect(page.url()).not.toContain('evil.example');
  });
});

test.describe('as a reviewer', () => {
  test.use({ storageState: REVIEWER_STATE });

  test('datasets show no server paths, and the import page is refused', async ({ page }) => {
    await page.goto('/datasets');
    await expect(page.getByRole('heading', { name: 'Datasets' })).toBeVisible();
    await expect(page.getByTestId('media-root')).toHaveCount(0);
    await expect(page.getByText('Media root')).toHaveCount(0);
    await page.screenshot({ path: '/tmp/security-datasets-reviewer.png' });
    const res = await page.goto('/datasets/import');
    expect(res!.status()).toBe(403);
  });
});
