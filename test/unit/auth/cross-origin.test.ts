import { describe, expect, it } from 'vitest';
import { isCrossOriginRequest } from '@/lib/auth/cross-origin';

const check = (method: string, h: Record<string, string>, trusted: string[] = []) =>
  isCrossOriginRequest({ method, headers: new Headers({ host: 'studio.example:3000', ...h }), trustedOrigins: trusted });

describe('cross-origin protection', () => {
  it('never blocks safe methods', () => {
    expect(check('GET', { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' })).toBe(false);
    expect(check('HEAD', { 'sec-fetch-site': 'cross-site' })).toBe(false);
  });

  it('trusts the browser’s Sec-Fetch-Site first', () => {
    expect(check('POST', { 'sec-fetch-site': 'same-origin' })).toBe(false);
    expect(check('POST', { 'sec-fetch-site': 'none' })).toBe(false);
    expect(check('POST', { 'sec-fetch-site': 'cross-site' })).toBe(true);
    // Another port or subdomain of the same site is still another origin.
    expect(check('DELETE', { 'sec-fetch-site': 'same-site' })).toBe(true);
  });

  it('falls back to comparing Origin with Host', () => {
    expect(check('POST', { origin: 'http://studio.example:3000' })).toBe(false);
    expect(check('POST', { origin: 'http://studio.example:4000' })).toBe(true);
    expect(check('PATCH', { origin: 'null' })).toBe(true);
  });

  it('lets non-browser clients through (they cannot be forged by a page)', () => {
    expect(check('POST', {})).toBe(false);
  });

  it('accepts configured extra origins', () => {
    expect(check('POST', { origin: 'https://proxy.example', 'sec-fetch-site': 'cross-site' }, ['https://proxy.example'])).toBe(false);
  });
});
