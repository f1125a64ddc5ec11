import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb, uniq } from '../../support/db';
import { probeVideos } from '@/lib/media/probe-videos';
import { resolveClip } from '@/lib/pipeline/visual-input';

// Finding 4 of the outside security test: an imported `path` that was a URL (http://127.0.0.1:…)
// was fetched by the worker's ffprobe and its status stored — an oracle for internal hosts.

const db = testDb();
let server: http.Server;
let base = '';
const hits: string[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    hits.push(req.url ?? '');
    res.writeHead(404).end('no such video');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

async function datasetWithVideo(url: string, remoteMediaPrefixes: string[] = []) {
  const ds = await db.dataset.create({ data: { name: uniq('remote'), mediaRoot: '/tmp', remoteMediaPrefixes } });
  await db.video.create({ data: { datasetId: ds.id, path: url } });
  return ds.id;
}

describe('remote media', () => {
  it('is never fetched from an internal host the dataset does not list', async () => {
    const url = `${base}/internal/secret.mp4`;
    const datasetId = await datasetWithVideo(url);
    expect(await probeVideos(db, { datasetId })).toEqual({ probed: 0, failed: 1 });
    expect(hits.filter((h) => h.startsWith('/internal/'))).toEqual([]);
    const v = await db.video.findFirstOrThrow({ where: { datasetId } });
    expect(v.probeError).toMatch(/not under one of the dataset’s allowed remote media prefixes; nothing was fetched/);
    expect(v.probeError).not.toMatch(/404|no such video/);
    await expect(resolveClip('/tmp', url, [])).rejects.toThrow(/allowed remote media prefixes/);
  });

  it('nor from a listed host reached through a credentials trick or a sibling path', async () => {
    const datasetId = await datasetWithVideo(`http://media.example@127.0.0.1:${new URL(base).port}/ok/x.mp4`, ['http://media.example/']);
    await probeVideos(db, { datasetId });
    const sibling = await datasetWithVideo(`${base}/okay-not/x.mp4`, [`${base}/ok`]);
    await probeVideos(db, { datasetId: sibling });
    expect(hits).toEqual([]);
  });

  it('is fetched when the dataset lists the prefix (an internal address only when listed literally)', async () => {
    const datasetId = await datasetWithVideo(`${base}/ok/clip.mp4`, [`${base}/ok/`]);
    await probeVideos(db, { datasetId });
    expect(hits).toContain('/ok/clip.mp4');
    expect(await resolveClip('/tmp', `${base}/ok/clip.mp4`, [`${base}/ok/`])).toBe(`${base}/ok/clip.mp4`);
  });
});
