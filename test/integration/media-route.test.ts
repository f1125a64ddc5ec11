import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb, uniq } from '../support/db';
import { GET, HEAD } from '@/app/api/media/[datasetId]/[...path]/route';

const db = testDb();
let tmp = '';
let root = '';
let datasetId = 0;
const CLIP = Buffer.from(Array.from({ length: 100 }, (_, i) => i));

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'media-route-'));
  root = path.join(tmp, 'root');
  const outside = path.join(tmp, 'outside');
  fs.mkdirSync(path.join(root, 'clips', 'a b'), { recursive: true });
  fs.mkdirSync(outside);
  fs.writeFileSync(path.join(root, 'clips', 'clip.mp4'), CLIP);
  fs.writeFileSync(path.join(root, 'clips', 'a b', 'frame.png'), 'png');
  fs.writeFileSync(path.join(root, 'empty.webm'), '');
  fs.writeFileSync(path.join(outside, 'secret.txt'), 'top secret');
  fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(root, 'link.mp4'));
  fs.symlinkSync(outside, path.join(root, 'linkdir'));
  fs.symlinkSync(path.join(root, 'clips', 'clip.mp4'), path.join(root, 'inside-link.mp4'));
  datasetId = (await db.dataset.create({ data: { name: uniq('media'), mediaRoot: root } })).id;
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function get(segments: string[], headers: Record<string, string> = {}, method: 'GET' | 'HEAD' = 'GET', dataset = datasetId) {
  // As an admin (the proxy sets these); reviewers are confined to their assignments' media (test/integration/security/item-scope.test.ts).
  const req = new Request(`http://localhost/api/media/${dataset}/${segments.map(encodeURIComponent).join('/')}`, { method, headers: { 'x-cot-user-id': 'media-test-admin', 'x-cot-user-role': 'admin', ...headers } });
  const ctx = { params: Promise.resolve({ datasetId: String(dataset), path: segments }) };
  return method === 'GET' ? GET(req, ctx) : HEAD(req, ctx);
}

const bytes = async (r: Response) => Buffer.from(await r.arrayBuffer());

describe('media route: whole files and ranges', () => {
  it('serves the whole file with type, length, ranges and caching validators', async () => {
    const r = await get(['clips', 'clip.mp4']);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('video/mp4');
    expect(r.headers.get('content-length')).toBe('100');
    expect(r.headers.get('accept-ranges')).toBe('bytes');
    expect(r.headers.get('etag')).toMatch(/^"[^"]+"$/);
    expect(new Date(r.headers.get('last-modified')!).getTime()).toBeGreaterThan(0);
    expect(await bytes(r)).toEqual(CLIP);
  });

  it('answers a closed range with 206 and the exact bytes', async () => {
    const r = await get(['clips', 'clip.mp4'], { range: 'bytes=10-19' });
    expect(r.status).toBe(206);
    expect(r.headers.get('content-range')).toBe('bytes 10-19/100');
    expect(r.headers.get('content-length')).toBe('10');
    expect(await bytes(r)).toEqual(CLIP.subarray(10, 20));
  });

  it('answers an open range to the end of the file', async () => {
    const r = await get(['clips', 'clip.mp4'], { range: 'bytes=90-' });
    expect(r.status).toBe(206);
    expect(r.headers.get('content-range')).toBe('bytes 90-99/100');
    expect(await bytes(r)).toEqual(CLIP.subarray(90));
  });

  it('answers a suffix range with the last bytes, and clips a range running past the end', async () => {
    const suffix = await get(['clips', 'clip.mp4'], { range: 'bytes=-5' });
    expect(suffix.status).toBe(206);
    expect(suffix.headers.get('content-range')).toBe('bytes 95-99/100');
    expect(await bytes(suffix)).toEqual(CLIP.subarray(95));
    const past = await get(['clips', 'clip.mp4'], { range: 'bytes=98-500' });
    expect(past.headers.get('content-range')).toBe('bytes 98-99/100');
  });

  it('answers 416 with the size for a range that starts past the end', async () => {
    for (const range of ['bytes=100-', 'bytes=500-600']) {
      const r = await get(['clips', 'clip.mp4'], { range });
      expect(r.status).toBe(416);
      expect(r.headers.get('content-range')).toBe('bytes */100');
    }
    expect((await get(['empty.webm'], { range: 'bytes=-5' })).status).toBe(416);
  });

  it('revalidates with 304 and honours If-Range only while the file is unchanged', async () => {
    const etag = (await get(['clips', 'clip.mp4'])).headers.get('etag')!;
    expect((await get(['clips', 'clip.mp4'], { 'if-none-match': etag })).status).toBe(304);
    expect((await get(['clips', 'clip.mp4'], { 'if-none-match': `"other", ${etag}` })).status).toBe(304);
    expect((await get(['clips', 'clip.mp4'], { range: 'bytes=0-1', 'if-range': etag })).status).toBe(206);
    const stale = await get(['clips', 'clip.mp4'], { range: 'bytes=0-1', 'if-range': '"stale"' });
    expect(stale.status).toBe(200);
    expect(stale.headers.get('content-length')).toBe('100');
  });

  it('answers HEAD with headers only, and serves names that need encoding', async () => {
    const head = await get(['clips', 'clip.mp4'], {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe('100');
    expect((await head.arrayBuffer()).byteLength).toBe(0);
    const png = await get(['clips', 'a b', 'frame.png']);
    expect(png.status).toBe(200);
    expect(png.headers.get('content-type')).toBe('image/png');
  });

  it('follows a symlink that stays inside the root', async () => {
    expect((await get(['inside-link.mp4'])).status).toBe(200);
  });
});

describe('media route: nothing outside the media root', () => {
  const refused = async (segments: string[]) => {
    const r = await get(segments);
    expect([400, 403, 404]).toContain(r.status);
    const body = await r.text();
    expect(body).not.toContain('top secret');
    return r.status;
  };

  it('refuses .. segments', async () => {
    expect(await refused(['..', 'outside', 'secret.txt'])).toBe(403);
    expect(await refused(['clips', '..', '..', 'outside', 'secret.txt'])).toBe(403);
    expect(await refused(['../outside/secret.txt'])).toBe(403);
  });

  it('refuses encoded dots whether decoded once or still encoded', async () => {
    expect(await refused([decodeURIComponent('%2e%2e'), 'outside', 'secret.txt'])).toBe(403);
    expect(await refused([decodeURIComponent('%2e%2e%2foutside%2fsecret.txt')])).toBe(403);
    // Still-encoded segments are names, never decoded a second time.
    expect(await refused(['%2e%2e', 'outside', 'secret.txt'])).toBe(404);
    expect(await refused(['%252e%252e', 'outside', 'secret.txt'])).toBe(404);
  });

  it('refuses absolute paths', async () => {
    expect(await refused([path.join(tmp, 'outside', 'secret.txt')])).toBe(403);
    expect(await refused(['', 'etc', 'passwd'])).toBe(403);
  });

  it('refuses symlinks that lead out of the root, to a file or through a directory', async () => {
    expect(await refused(['link.mp4'])).toBe(403);
    expect(await refused(['linkdir', 'secret.txt'])).toBe(403);
  });

  it('refuses NUL bytes, directories, missing files and unknown datasets', async () => {
    expect(await refused(['clips', 'clip.mp4\0.png'])).toBe(400);
    expect(await refused(['clips'])).toBe(404);
    expect(await refused(['clips', 'missing.mp4'])).toBe(404);
    const r = await get(['clips', 'clip.mp4'], {}, 'GET', 999_999_999);
    expect(r.status).toBe(404);
  });
});
