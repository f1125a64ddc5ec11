import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { discoverAppRoutes, exportedMethods } from '@/test/support/app-routes';

describe('route discovery for the route-guard test', () => {
  it('reads the HTTP methods a route module exports, however it exports them', () => {
    expect(exportedMethods('export async function GET() {}\nexport function POST() {}').sort()).toEqual(['GET', 'POST']);
    expect(exportedMethods('export const { GET, POST } = toNextJsHandler(auth);').sort()).toEqual(['GET', 'POST']);
    expect(exportedMethods('export const DELETE = (req) => x;\nexport const dynamic = "force-dynamic";')).toEqual(['DELETE']);
    expect(exportedMethods('const serve = 1; export { serve as PATCH, helper };')).toEqual(['PATCH']);
    expect(exportedMethods('function GET() {}')).toEqual([]);
  });

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'app-routes-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('finds pages and handlers through groups, slots and dynamic segments, skipping private folders', () => {
    const files: Record<string, string> = {
      'page.tsx': '',
      '(admin)/users/page.tsx': '',
      'items/[id]/page.tsx': '',
      'items/@panel/page.tsx': '',
      'api/media/[datasetId]/[...path]/route.ts': 'export function GET() {}\nexport function HEAD() {}',
      'docs/[[...slug]]/page.tsx': '',
      '_components/page.tsx': '',
      'items/(..)photo/page.tsx': '',
      'items/[id]/layout.tsx': '',
    };
    for (const [f, body] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
      fs.writeFileSync(path.join(dir, f), body);
    }
    const found = discoverAppRoutes(dir).map((r) => `${r.kind} ${r.pattern} -> ${r.samplePath} [${r.methods.join(',')}]`);
    expect(found).toEqual([
      'page / -> / [GET]',
      'route /api/media/[datasetId]/[...path] -> /api/media/1/sample/file.mp4 [GET,HEAD]',
      'page /docs/[[...slug]] -> /docs [GET]',
      'page /items -> /items [GET]',
      'page /items/[id] -> /items/1 [GET]',
      'page /users -> /users [GET]',
    ]);
  });
});
