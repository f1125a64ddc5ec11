import { describe, expect, it } from 'vitest';
import { testDb } from '../../support/db';
import { SIGN_IN_LIMITS } from '@/lib/auth/sign-in-throttle';
import { auth } from '@/lib/auth/better-auth';
import { updateUser } from '@/lib/auth/users/update-user';
import { CLIENT_ADDRESS_HEADER } from '@/lib/http/client-address';
import { makeUser, signInRequest, someAddress } from './helpers';

const db = testDb();

describe('signing in', () => {
  it('sets an httpOnly, SameSite=Lax session cookie and records the sign-in', async () => {
    const u = await makeUser(db, 'reviewer');
    const res = await signInRequest(u.email, u.password);
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('cot.session_token='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i);
    expect(await db.auditEvent.count({ where: { action: 'auth.sign-in', actorId: u.id } })).toBe(1);
  });

  it('marks the cookie Secure (with the __Secure- prefix) over https', async () => {
    const u = await makeUser(db, 'reviewer');
    const res = await auth({ secure: true }).handler(
      new Request('https://studio.test/api/auth/sign-in/email', {
        method: 'POST',
        headers: { 'content-type': 'application/json', host: 'studio.test' },
        body: JSON.stringify({ email: u.email, password: u.password }),
      }),
    );
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie().find((c) => c.startsWith('__Secure-cot.session_token='))).toMatch(/; Secure/i);
  });

  it('stores the password only as a scrypt hash', async () => {
    const u = await makeUser(db, 'reviewer', 'a-very-plain-password');
    const account = await db.account.findFirstOrThrow({ where: { userId: u.id, providerId: 'credential' } });
    expect(account.password).not.toContain('a-very-plain-password');
    expect(account.password).toMatch(/^[0-9a-f]{32}:[0-9a-f]{128}$/);
  });

  it('refuses a wrong password with 401 and records the failure', async () => {
    const u = await makeUser(db, 'reviewer');
    const res = await signInRequest(u.email, 'wrong-password');
    expect(res.status).toBe(401);
    expect(res.headers.getSetCookie().filter((c) => c.includes('session_token=') && !/Max-Age=0/i.test(c))).toHaveLength(0);
    expect(await db.auditEvent.count({ where: { action: 'auth.sign-in-failed', subjectId: u.email } })).toBe(1);
  });

  it('refuses a disabled account even with the right password', async () => {
    const a = await makeUser(db, 'admin');
    const u = await makeUser(db, 'reviewer');
    await updateUser(db, { actorId: a.id, userId: u.id, input: { disabled: true } });
    const res = await signInRequest(u.email, u.password);
    expect(res.status).toBe(403);
    expect(await db.session.count({ where: { userId: u.id } })).toBe(0);
  });

  it(`throttles an (account, address) pair after ${SIGN_IN_LIMITS.pair.max} failures, even against parallel guesses, with Retry-After`, async () => {
    const u = await makeUser(db, 'reviewer');
    const from = { [CLIENT_ADDRESS_HEADER]: someAddress() };
    const tries = await Promise.all(Array.from({ length: 12 }, () => signInRequest(u.email, 'guess-guess', from)));
    const statuses = tries.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(SIGN_IN_LIMITS.pair.max);
    expect(statuses.filter((s) => s === 429)).toHaveLength(12 - SIGN_IN_LIMITS.pair.max);
    // From that address the right password is refused too while the window lasts: a guesser learns nothing.
    const right = await signInRequest(u.email, u.password, from);
    expect(right.status).toBe(429);
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(60);
    // The counter is in the database, so another web process (here: the https instance) agrees.
    const other = await auth({ secure: true }).handler(
      new Request('https://studio.test/api/auth/sign-in/email', { method: 'POST', headers: { 'content-type': 'application/json', ...from }, body: JSON.stringify({ email: u.email, password: u.password }) }),
    );
    expect(other.status).toBe(429);
  });

  it('forgets earlier failures after a successful sign-in', async () => {
    const u = await makeUser(db, 'reviewer');
    const from = { [CLIENT_ADDRESS_HEADER]: someAddress() };
    for (let i = 0; i < SIGN_IN_LIMITS.pair.max - 1; i++) expect((await signInRequest(u.email, 'nope-nope', from)).status).toBe(401);
    expect((await signInRequest(u.email, u.password, from)).status).toBe(200);
    for (let i = 0; i < SIGN_IN_LIMITS.pair.max - 1; i++) expect((await signInRequest(u.email, 'nope-nope', from)).status).toBe(401);
    expect((await signInRequest(u.email, u.password, from)).status).toBe(200);
  });
});
