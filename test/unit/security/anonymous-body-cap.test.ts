import { describe, expect, it } from 'vitest';
import { anonymousBodyRefusal } from '@/lib/http/anonymous-body-cap';

const CAP = 8 * 1024;
const r = (url: string, headers: Record<string, string>) => anonymousBodyRefusal({ method: 'POST', url, headers }, CAP);

describe('the anonymous body cap (web server, before the body is read)', () => {
  it('refuses a large or undeclared body without credentials', () => {
    expect(r('/api/auth/sign-in/email', { 'content-length': String(9 * 1024 * 1024) })?.status).toBe(413);
    expect(r('/api/items/1/edits', { 'transfer-encoding': 'chunked' })?.status).toBe(411);
    expect(r('/api/auth/sign-in/email', { 'content-length': '120' })).toBeNull();
  });

  it('caps /api/auth/** even with a cookie (a forged one costs nothing), but not signed-in work elsewhere', () => {
    expect(r('/api/auth/sign-in/email', { 'content-length': String(CAP + 1), cookie: 'cot.session_token=forged' })?.status).toBe(413);
    expect(r('/api/imports/uploads/abc', { 'content-length': String(50 * 1024 * 1024), cookie: 'cot.session_token=abc' })).toBeNull();
    expect(r('/api/imports/uploads/abc', { 'content-length': String(50 * 1024 * 1024), authorization: 'Bearer cot_x' })).toBeNull();
  });
});
