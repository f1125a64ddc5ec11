import { beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../support/db';
import { guardRequest } from '@/lib/auth/guard';
import { createApiToken } from '@/lib/auth/tokens/create-api-token';
import { revokeApiToken } from '@/lib/auth/tokens/revoke-api-token';
import { updateUser } from '@/lib/auth/users/update-user';
import { makeUser, ORIGIN, sessionCookie } from './helpers';

const db = testDb();
const req = (method: string, path: string, headers: Record<string, string> = {}) =>
  guardRequest(db, { method, url: `${ORIGIN}${path}`, headers: new Headers({ host: 'studio.test', ...headers }) });

let admin: Awaited<ReturnType<typeof makeUser>>;
let reviewer: Awaited<ReturnType<typeof makeUser>>;
let reviewerCookie = '';

beforeAll(async () => {
  admin = await makeUser(db, 'admin');
  reviewer = await makeUser(db, 'reviewer');
  reviewerCookie = await sessionCookie(reviewer.email, reviewer.password);
});

describe('the proxy’s decision', () => {
  it('sends a signed-out page visit to sign in, remembering where it was going', async () => {
    const out = await req('GET', '/items/4?dataset=2');
    expect(out).toMatchObject({ kind: 'redirect', location: `/sign-in?next=${encodeURIComponent('/items/4?dataset=2')}` });
  });

  it('answers a signed-out API call with 401 JSON, whatever identity headers it claims', async () => {
    const out = await req('GET', '/api/users', { 'x-cot-user-id': admin.id, 'x-cot-user-role': 'admin' });
    expect(out).toMatchObject({ kind: 'json', status: 401, body: { error: { code: 'UNAUTHORIZED' } } });
  });

  it('passes a session through with the verified user in the headers, replacing forged ones', async () => {
    const out = await req('GET', '/api/items/3', { cookie: reviewerCookie, 'x-cot-user-id': admin.id, 'x-cot-user-role': 'admin' });
    expect(out.kind).toBe('next');
    if (out.kind !== 'next') return;
    expect(out.requestHeaders.get('x-cot-user-id')).toBe(reviewer.id);
    expect(out.requestHeaders.get('x-cot-user-role')).toBe('reviewer');
  });

  it('strips identity headers even on public routes', async () => {
    const out = await req('GET', '/api/health', { 'x-cot-user-id': admin.id, 'x-cot-user-role': 'admin' });
    expect(out.kind).toBe('next');
    if (out.kind === 'next') expect(out.requestHeaders.get('x-cot-user-role')).toBeNull();
  });

  it('refuses a reviewer an admin API (403) and shows the forbidden page for an admin page', async () => {
    expect(await req('POST', '/api/users', { cookie: reviewerCookie })).toMatchObject({ kind: 'json', status: 403 });
    expect(await req('GET', '/users', { cookie: reviewerCookie })).toMatchObject({ kind: 'rewrite', pathname: '/forbidden', status: 403 });
  });

  it('refuses a cross-site POST that carries a valid session', async () => {
    const out = await req('POST', '/api/items/3/review', { cookie: reviewerCookie, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' });
    expect(out).toMatchObject({ kind: 'json', status: 403 });
    expect(await req('POST', '/api/items/3/review', { cookie: reviewerCookie, origin: ORIGIN, 'sec-fetch-site': 'same-origin' })).toMatchObject({ kind: 'next' });
  });

  it('refuses a sign-in posted from another site (login CSRF), before any password is checked', async () => {
    const out = await req('POST', '/api/auth/sign-in/email', { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' });
    expect(out).toMatchObject({ kind: 'json', status: 403 });
  });

  it('accepts an API token as Bearer, and stops when it is revoked', async () => {
    const t = await createApiToken(db, { userId: admin.id, input: { name: 'ci' } });
    const withToken = () => req('POST', '/api/users', { authorization: `Bearer ${t.token}`, origin: 'https://elsewhere.example' });
    const ok = await withToken();
    expect(ok.kind).toBe('next');
    if (ok.kind === 'next') expect(ok.requestHeaders.get('x-cot-user-id')).toBe(admin.id);
    await revokeApiToken(db, { actor: { id: admin.id, role: 'admin' }, tokenId: t.id });
    expect(await withToken()).toMatchObject({ kind: 'json', status: 401 });
  });

  it('refuses an expired token, and never falls back to the cookie when a token is given', async () => {
    const t = await createApiToken(db, { userId: reviewer.id, input: { name: 'old', expiresInDays: 1 } });
    await db.apiToken.update({ where: { id: t.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await req('GET', '/api/me', { authorization: `Bearer ${t.token}`, cookie: reviewerCookie })).toMatchObject({ kind: 'json', status: 401 });
    expect(await req('GET', '/items', { authorization: 'Bearer cot_not-a-real-token' })).toMatchObject({ kind: 'json', status: 401 });
  });

  it('signs a user out everywhere when an admin disables them (sessions and tokens)', async () => {
    const victim = await makeUser(db, 'reviewer');
    const cookie = await sessionCookie(victim.email, victim.password);
    const t = await createApiToken(db, { userId: victim.id, input: { name: 'x' } });
    expect((await req('GET', '/api/me', { cookie })).kind).toBe('next');
    await updateUser(db, { actorId: admin.id, userId: victim.id, input: { disabled: true } });
    expect(await req('GET', '/api/me', { cookie })).toMatchObject({ kind: 'json', status: 401 });
    expect(await req('GET', '/api/me', { authorization: `Bearer ${t.token}` })).toMatchObject({ kind: 'json', status: 401 });
    expect(await db.session.count({ where: { userId: victim.id } })).toBe(0);
  });

  it('checks a remembered session cookie against the database on every request (role change, expiry, sign-out)', async () => {
    const u = await makeUser(db, 'reviewer');
    const cookie = await sessionCookie(u.email, u.password);
    // The first request verifies the cookie through the library; the next ones take the one-query path.
    expect(await req('POST', '/api/users', { cookie })).toMatchObject({ kind: 'json', status: 403 });
    await db.user.update({ where: { id: u.id }, data: { role: 'admin' } });
    const promoted = await req('POST', '/api/users', { cookie });
    expect(promoted.kind).toBe('next');
    if (promoted.kind === 'next') expect(promoted.requestHeaders.get('x-cot-user-role')).toBe('admin');

    await db.session.updateMany({ where: { userId: u.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await req('GET', '/api/me', { cookie })).toMatchObject({ kind: 'json', status: 401 });

    const again = await sessionCookie(u.email, u.password);
    expect((await req('GET', '/api/me', { cookie: again })).kind).toBe('next');
    await db.session.deleteMany({ where: { userId: u.id } });
    expect(await req('GET', '/api/me', { cookie: again })).toMatchObject({ kind: 'json', status: 401 });
  });

  it('never accepts a cookie value the library has not verified (a tampered signature)', async () => {
    const u = await makeUser(db, 'reviewer');
    const cookie = await sessionCookie(u.email, u.password);
    expect((await req('GET', '/api/me', { cookie })).kind).toBe('next');
    const tampered = cookie.replace(/(cot\.session_token=[^.;]+\.)([^;]+)/, (_m, head: string, sig: string) => head + (sig.startsWith('A') ? 'B' : 'A') + sig.slice(1));
    expect(tampered).not.toBe(cookie);
    expect(await req('GET', '/api/me', { cookie: tampered })).toMatchObject({ kind: 'json', status: 401 });
  });

  it('answers 404 for auth-library endpoints the studio does not use', async () => {
    expect(await req('POST', '/api/auth/sign-up/email', {})).toMatchObject({ kind: 'json', status: 404 });
  });
});
