import path from 'node:path';
import { expect, request as playwrightRequest, test, type APIRequestContext } from '@playwright/test';
import { discoverAppRoutes } from '../test/support/app-routes';
import { accessFor, decide } from '../lib/auth/permissions';
import { OUTSIDER_STATE, REVIEWER_STATE, SIGNED_OUT } from './users';

// Every page and route handler under app/, found on disk now (so routes merged from other
// branches are covered), is requested without credentials and as a reviewer. Each must have
// an explicit entry in the permission table, refuse the anonymous request (401 for APIs, a
// redirect to sign-in for pages) and refuse the reviewer where the table says so (403).
// Every route about one item (its page, API routes and media) is also requested by a reviewer
// whose assignment matches no item: the handler must refuse them (lib/assignments/item-access.ts).

/** Routes about one item or its media: reviewers reach them only within their assignments. */
const ITEM_ROUTE = /^\/(api\/)?items\/\[id\]|^\/api\/media\//;

const routes = discoverAppRoutes(path.join(import.meta.dirname, '..', 'app'));

test.use({ storageState: SIGNED_OUT });

let reviewer: APIRequestContext;
let outsider: APIRequestContext;
test.beforeAll(async ({ baseURL }) => {
  reviewer = await playwrightRequest.newContext({ baseURL, storageState: REVIEWER_STATE });
  outsider = await playwrightRequest.newContext({ baseURL, storageState: OUTSIDER_STATE });
});
test.afterAll(async () => {
  await reviewer.dispose();
  await outsider.dispose();
});

test('every item route is checked against an identity outside the assignment', () => {
  expect(routes.filter((r) => ITEM_ROUTE.test(r.pattern)).map((r) => r.pattern)).toEqual(
    expect.arrayContaining(['/items/[id]', '/api/items/[id]', '/api/items/[id]/decision', '/api/items/[id]/edits', '/api/items/[id]/undo', '/api/items/[id]/history', '/api/items/[id]/neighbors', '/api/media/[datasetId]/[...path]']),
  );
});

test('the route list is discovered from app/', () => {
  expect(routes.length).toBeGreaterThan(10);
  expect(routes.map((r) => r.pattern)).toEqual(expect.arrayContaining(['/items/[id]', '/api/media/[datasetId]/[...path]', '/api/health', '/sign-in']));
});

for (const route of routes) {
  for (const method of route.methods) {
    test(`${method} ${route.pattern} (${route.file})`, async ({ request }) => {
      const { access, rule } = accessFor(method, route.samplePath);
      expect(rule, `${route.file}: ${method} ${route.pattern} has no entry in lib/auth/permissions.ts ROUTE_RULES`).not.toBeNull();

      const send = (ctx: APIRequestContext, headers: Record<string, string> = {}) =>
        ctx.fetch(route.samplePath, { method, maxRedirects: 0, headers, ...(['POST', 'PUT', 'PATCH'].includes(method) ? { data: {} } : {}) });

      // Signed out, even when claiming to be an admin through the identity headers.
      const anon = await send(request, { 'x-cot-user-id': 'forged', 'x-cot-user-role': 'admin' });
      if (access === 'public') {
        expect([401, 403]).not.toContain(anon.status());
      } else if (access === 'closed') {
        expect(anon.status()).toBe(404);
      } else if (route.kind === 'page' && method === 'GET') {
        expect(anon.status()).toBe(307);
        expect(anon.headers()['x-cot-denied-by']).toBe('proxy');
        expect(anon.headers()['location']).toContain(`/sign-in?next=${encodeURIComponent(route.samplePath)}`);
      } else {
        expect(anon.status()).toBe(401);
        expect(anon.headers()['x-cot-denied-by']).toBe('proxy');
        if (method !== 'HEAD') expect((await anon.json()).error.code).toBe('UNAUTHORIZED');
      }

      // Signed in as a reviewer: refused exactly where the table refuses reviewers.
      if (decide(access, 'reviewer') === 'forbidden') {
        const res = await send(reviewer);
        expect(res.status()).toBe(403);
        expect(res.headers()['x-cot-denied-by']).toBe('proxy');
      } else if (decide(access, 'reviewer') === 'allow') {
        // The proxy lets the reviewer through (the handler may still refuse, e.g. out-of-scope bulk work).
        const res = await send(reviewer);
        expect(res.status()).not.toBe(401);
        expect(res.headers()['x-cot-denied-by']).toBeUndefined();
      }

      // A reviewer outside the item's assignments: refused by the handler, whatever the method.
      if (ITEM_ROUTE.test(route.pattern) && decide(access, 'reviewer') === 'allow') {
        const res = await send(outsider);
        if (route.kind === 'page') {
          expect(await res.text()).toContain('data-testid="outside-assignment"');
        } else {
          expect(res.status(), `${method} ${route.samplePath} as a reviewer outside the assignment`).toBe(403);
          if (method !== 'HEAD') expect((await res.json()).error.code).toBe('FORBIDDEN');
        }
      }
    });
  }
}
