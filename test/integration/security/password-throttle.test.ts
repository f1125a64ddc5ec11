import { describe, expect, it } from 'vitest';
import { testDb } from '../../support/db';
import { auth } from '@/lib/auth/better-auth';
import { SIGN_IN_LIMITS } from '@/lib/auth/sign-in-throttle';
import { CLIENT_ADDRESS_HEADER } from '@/lib/http/client-address';
import { makeUser, ORIGIN, sessionCookie, signInRequest, someAddress } from '../auth/helpers';

// Finding 2 of the outside security test: five wrong passwords locked an account for everyone
// (anyone could lock the admin out), the per-address limit believed a client's X-Forwarded-For,
// and change-password was not throttled at all.

const db = testDb();
const from = (address: string, extra: Record<string, string> = {}) => ({ [CLIENT_ADDRESS_HEADER]: address, ...extra });

describe('sign-in throttling', () => {
  it('a stranger failing from their address cannot lock the owner out from another', async () => {
    const owner = await makeUser(db, 'admin');
    const attacker = someAddress();
    for (let i = 0; i < SIGN_IN_LIMITS.pair.max + 3; i++) await signInRequest(owner.email, 'not-the-password', from(attacker));
    expect((await signInRequest(owner.email, owner.password, from(attacker))).status).toBe(429);
    expect((await signInRequest(owner.email, owner.password, from(someAddress()))).status).toBe(200);
  });

  it('a rotating X-Forwarded-For does not escape the per-address limit', async () => {
    const address = someAddress();
    const statuses: number[] = [];
    for (let i = 0; i <= SIGN_IN_LIMITS.address.max; i++) {
      // A different account and a different claimed address every time, from one real address.
      const res = await signInRequest(`nobody-${i}-${address}@cot.test`, 'guess-guess', from(address, { 'x-forwarded-for': `203.0.113.${i}` }));
      statuses.push(res.status);
    }
    expect(statuses.slice(0, SIGN_IN_LIMITS.address.max).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    // Past the limit nothing more is written for that address: at most one throttle entry per window.
    for (let i = 0; i < 5; i++) await signInRequest(`more-${i}-${address}@cot.test`, 'guess-guess', from(address));
    const rows = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM auth_rate_limit WHERE key LIKE ${`%${address}%`}`;
    expect(rows[0]!.n).toBeLessThanOrEqual(2 * SIGN_IN_LIMITS.address.max + 1);
    const audits = await db.auditEvent.count({ where: { action: 'auth.sign-in-throttled', data: { path: ['ip'], equals: address } } });
    expect(audits).toBe(1);
  });

  it('slows guessing from many addresses, yet never refuses the right password from a fresh one', async () => {
    const owner = await makeUser(db, 'reviewer');
    // Fourteen addresses failing once each (a fresh address is never made to wait): the account
    // is 4 past the backoff threshold, so the wait (2^4 s) outlasts a slow test machine.
    const guessers = Array.from({ length: SIGN_IN_LIMITS.account.backoffAfter + 4 }, () => someAddress());
    for (const g of guessers) expect((await signInRequest(owner.email, 'guess-guess', from(g))).status).toBe(401);
    // The account is past its tenth failure: a guesser that already failed must now wait.
    const again = await signInRequest(owner.email, 'guess-guess', from(guessers[0]!));
    expect(again.status).toBe(429);
    expect(Number(again.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // Someone who has not been failing is not made to wait, and the right password works.
    expect((await signInRequest(owner.email, owner.password, from(someAddress()))).status).toBe(200);
  });

  it('stores a bounded identifier, however long the email sent', async () => {
    const long = `${'x'.repeat(100_000)}@cot.test`;
    const address = someAddress();
    const res = await signInRequest(long, 'guess-guess', from(address));
    expect([400, 401]).toContain(res.status);
    const keys = await db.$queryRaw<{ len: number }[]>`SELECT max(length(key))::int AS len FROM auth_rate_limit WHERE key LIKE ${`%${address}%`}`;
    expect(keys[0]!.len).toBeLessThan(400);
    const audit = await db.auditEvent.findMany({ where: { action: 'auth.sign-in-failed', data: { path: ['ip'], equals: address } }, select: { subjectId: true } });
    for (const a of audit) expect(a.subjectId!.length).toBeLessThanOrEqual(254);
  });
});

describe('change-password throttling', () => {
  const changePassword = (cookie: string, address: string, currentPassword: string) =>
    auth({ secure: false }).handler(
      new Request(`${ORIGIN}/api/auth/change-password`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', host: 'studio.test', origin: ORIGIN, cookie, [CLIENT_ADDRESS_HEADER]: address },
        body: JSON.stringify({ currentPassword, newPassword: 'a-brand-new-password' }),
      }),
    );

  it(`refuses the ${SIGN_IN_LIMITS.pair.max + 1}th wrong current password from one address`, async () => {
    const u = await makeUser(db, 'reviewer');
    const cookie = await sessionCookie(u.email, u.password);
    const address = someAddress();
    for (let i = 0; i < SIGN_IN_LIMITS.pair.max; i++) expect((await changePassword(cookie, address, 'wrong-wrong')).status).not.toBe(429);
    const refused = await changePassword(cookie, address, u.password);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBeTruthy();
  });
});
