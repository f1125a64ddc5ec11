import { beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../support/db';
import { guardRequest } from '@/lib/auth/guard';
import { createApiToken } from '@/lib/auth/tokens/create-api-token';
import { makeUser, ORIGIN, sessionCookie } from '../auth/helpers';

// Findings 7, 8, 9 and 10 (Host) of the outside security test, at the proxy's decision.

const db = testDb();
const req = (method: string, path: string, headers: Record<string, string> = {}, origin = ORIGIN) =>
  guardRequest(db, { method, url: `${origin}${path}`, headers: new Headers({ host: new URL(origin).host, ...headers }) });

let adminCookie = '';
let adminToken = '';

beforeAll(async () => {
  const admin = await makeUser(db, 'admin');
  adminCookie = await sessionCookie(admin.email, admin.password);
  adminToken = (await createApiToken(db, { userId: admin.id, input: { name: 'hardening' } })).token;
});

describe('an Authorization header that is not a valid token', () => {
  it('is a 401 even beside a valid session cookie, and never skips the cross-site check for the cookie', async () => {
    for (const authorization of ['Bearer x y', 'Basic YWRtaW46YWRtaW4=', 'Bearer', 'Bearer cot_unknown']) {
      const out = await req('POST', '/api/users', { cookie: adminCookie, authorization, 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' });
      expect(out, authorization).toMatchObject({ kind: 'json', status: 401, body: { error: { code: 'UNAUTHORIZED' } } });
    }
    // …also on a public route.
    expect(await req('GET', '/api/health', { authorization: 'Bearer x y' })).toMatchObject({ kind: 'json', status: 401 });
  });

  it('a valid token still works', async () => {
    expect((await req('GET', '/api/me', { authorization: `Bearer ${adminToken}` })).kind).toBe('next');
  });
});

describe('malformed percent-encoding in the path', () => {
  it('is a 400 with the usual error body, on API routes and pages', async () => {
    for (const path of ['/api/items/%c0', '/api/media/4/%ff', '/items/%E0%A4%A', '/api/items/%']) {
      expect(await req('GET', path, { cookie: adminCookie }), path).toMatchObject({ kind: 'json', status: 400, body: { error: { code: 'BAD_REQUEST' } } });
    }
    expect((await req('GET', '/api/media/4/a%20b.mp4', { cookie: adminCookie })).kind).toBe('next');
  });
});

describe('the Host header', () => {
  it('must name the configured origin (COT_ORIGIN) or a loopback name', async () => {
    expect(await req('GET', '/api/health', {}, 'http://evil.example')).toMatchObject({ kind: 'json', status: 421, body: { error: { code: 'MISDIRECTED' } } });
    expect(await req('GET', '/sign-in', {}, 'http://rebound.attacker.test:3000')).toMatchObject({ kind: 'json', status: 421 });
    for (const o of ['http://localhost:3000', 'http://127.0.0.1:3117', 'http://[::1]:8080', ORIGIN]) expect((await req('GET', '/api/health', {}, o)).kind, o).toBe('next');
  });
});

describe('anonymous bodies', () => {
  it('a public endpoint refuses a body over the cap from its declared length', async () => {
    const out = await req('POST', '/api/auth/sign-in/email', { 'content-length': String(9 * 1024 * 1024), 'content-type': 'application/json' });
    expect(out).toMatchObject({ kind: 'json', status: 413, body: { error: { code: 'PAYLOAD_TOO_LARGE' } } });
  });
});
