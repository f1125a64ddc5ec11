import { describe, expect, it } from 'vitest';
import { forgetVerified, recentlyVerifiedToken, rememberVerified, sessionCookieValue } from '@/lib/auth/verified-sessions';

describe('verified session cookies', () => {
  it('reads the session cookie of the request’s scheme only', () => {
    const header = 'theme=dark; cot.session_token=abc.sig%3D; __Secure-cot.session_token=sec.sig';
    expect(sessionCookieValue(header, false)).toBe('abc.sig%3D');
    expect(sessionCookieValue(header, true)).toBe('sec.sig');
    expect(sessionCookieValue('theme=dark', false)).toBeNull();
    expect(sessionCookieValue('xcot.session_token=nope', false)).toBeNull();
    expect(sessionCookieValue(null, false)).toBeNull();
  });

  it('remembers a verified cookie for a minute, then asks for the library’s check again', () => {
    const t0 = 1_000_000;
    rememberVerified('v1.sig', 'token-1', t0);
    expect(recentlyVerifiedToken('v1.sig', t0 + 59_999)).toBe('token-1');
    expect(recentlyVerifiedToken('v1.sig', t0 + 60_000)).toBeNull();
    expect(recentlyVerifiedToken('v1.sig', t0 + 1)).toBeNull(); // gone, not just stale
    rememberVerified('v2.sig', 'token-2', t0);
    forgetVerified('v2.sig');
    expect(recentlyVerifiedToken('v2.sig', t0)).toBeNull();
    expect(recentlyVerifiedToken('never-seen.sig', t0)).toBeNull();
  });
});
