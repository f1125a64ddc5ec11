import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { testDb } from '../../support/db';
import { discoverAppRoutes } from '../../support/app-routes';
import { MAX_DB_ID } from '@/lib/http/route-id';
import { POST as startUpload } from '@/app/api/imports/uploads/route';

// Finding 9 of the outside security test: an id of 2^31 or more reached PostgreSQL's `integer`
// columns and came back as an unhandled 500 on about fifteen routes. Every route handler with a
// dynamic segment, found on disk (so new routes are covered), and the list routes that take ids
// in the query string must answer 400 or 404 with the usual error body instead.

testDb();
const TOO_BIG = String(MAX_DB_ID + 1);
const ADMIN = { 'x-cot-user-id': 'route-ids-admin', 'x-cot-user-role': 'admin' };
const routes = discoverAppRoutes(path.join(import.meta.dirname, '..', '..', '..', 'app')).filter((r) => r.kind === 'route');

type Handler = (req: Request, ctx: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

async function call(file: string, method: string, url: string, params: Record<string, string | string[]>): Promise<Response> {
  const mod = (await import(/* @vite-ignore */ path.join(import.meta.dirname, '..', '..', '..', file))) as Record<string, Handler>;
  const body = ['POST', 'PUT', 'PATCH'].includes(method) ? JSON.stringify({ expectedRev: 0, action: 'skip', versionId: Number(TOO_BIG), baseVersionId: Number(TOO_BIG), text: 'x' }) : undefined;
  return mod[method]!(new Request(`http://studio.test${url}`, { method, headers: { ...ADMIN, 'content-type': 'application/json' }, body }), { params: Promise.resolve(params) });
}

describe('ids past the database’s integer range', () => {
  const numeric = routes.filter((r) => /\[(id|datasetId)\]/.test(r.pattern) && !r.pattern.startsWith('/api/users/') && !r.pattern.startsWith('/api/imports/uploads/'));

  it('the routes are discovered', () => {
    expect(numeric.length).toBeGreaterThanOrEqual(15);
  });

  for (const route of numeric) {
    for (const method of route.methods.filter((m) => m !== 'HEAD')) {
      it(`${method} ${route.pattern}`, async () => {
        const params: Record<string, string | string[]> = {};
        for (const m of route.pattern.matchAll(/\[(\.\.\.)?(\w+)\]/g)) params[m[2]!] = m[1] ? ['clip.mp4'] : TOO_BIG;
        const url = route.pattern.replace(/\[\.\.\.\w+\]/, 'clip.mp4').replace(/\[\w+\]/g, TOO_BIG);
        const res = await call(route.file, method, url, params);
        expect([400, 404], `${method} ${url}`).toContain(res.status);
        expect((await res.json()).error.code).toMatch(/BAD_REQUEST|NOT_FOUND/);
      });
    }
  }

  for (const url of [
    `/api/items?dataset=${TOO_BIG}`,
    `/api/items/count?dataset=${TOO_BIG}`,
    `/api/items?dataset=1&sample=${TOO_BIG}`,
    `/api/samples?dataset=${TOO_BIG}`,
    `/api/dashboard?dataset=${TOO_BIG}`,
    `/api/audit?before=${TOO_BIG}`,
  ]) {
    it(`GET ${url}`, async () => {
      const file = routes.find((r) => r.pattern === new URL(url, 'http://x').pathname)!.file;
      const res = await call(file, 'GET', url, {});
      expect(res.status).toBe(400);
      expect((await res.json()).error.message).toMatch(/at most 2147483647/);
    });
  }
});

describe('an upload’s declared size', () => {
  it('is capped (COT_UPLOAD_MAX_BYTES) before anything is written', async () => {
    const res = await startUpload(new Request('http://studio.test/api/imports/uploads', { method: 'POST', headers: { ...ADMIN, 'content-type': 'application/json' }, body: JSON.stringify({ fileName: 'x.jsonl', size: 1e15 }) }));
    expect(res.status).toBe(413);
    expect((await res.json()).error.message).toMatch(/COT_UPLOAD_MAX_BYTES/);
  });
});
