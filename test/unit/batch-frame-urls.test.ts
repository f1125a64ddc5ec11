import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batchFrames, parseBatchSettings } from '@/lib/pipeline/batch/batch-settings';
import { framesAsUrls, frameUrlKey, readSignedFrame, signFrameToken, storeFrame, verifyFrameToken } from '@/lib/pipeline/batch/frame-urls';
import { AppError } from '@/lib/errors';
import { parseConfig } from '@/lib/config';

const key = frameUrlKey('x'.repeat(40));
const hash = crypto.createHash('sha256').update('a frame').digest('hex');
const now = new Date('2026-01-01T00:00:00Z');
const in48h = new Date(now.getTime() + 48 * 3600_000);

describe('frame tokens', () => {
  it('verify while unexpired, naming the frame hash', () => {
    const t = signFrameToken(key, hash, in48h);
    expect(t).toMatch(/^[0-9a-f]{64}\.\d+\.[A-Za-z0-9_-]{43}$/);
    expect(verifyFrameToken(key, t, now)).toEqual({ ok: true, hash });
    expect(verifyFrameToken(key, t, new Date(in48h.getTime() - 1000))).toEqual({ ok: true, hash });
  });

  it('are refused once expired', () => {
    const t = signFrameToken(key, hash, in48h);
    expect(verifyFrameToken(key, t, in48h)).toEqual({ ok: false, reason: 'expired' });
  });

  it('are refused when tampered with: another frame, a later expiry, another signature, another key', () => {
    const t = signFrameToken(key, hash, in48h);
    const [h, exp, sig] = t.split('.') as [string, string, string];
    const other = crypto.createHash('sha256').update('another frame').digest('hex');
    expect(verifyFrameToken(key, `${other}.${exp}.${sig}`, now)).toEqual({ ok: false, reason: 'signature' });
    expect(verifyFrameToken(key, `${h}.${Number(exp) + 3600}.${sig}`, now)).toEqual({ ok: false, reason: 'signature' });
    expect(verifyFrameToken(key, `${h}.${exp}.${sig.slice(0, -1)}${sig.endsWith('A') ? 'B' : 'A'}`, now)).toEqual({ ok: false, reason: 'signature' });
    expect(verifyFrameToken(frameUrlKey('y'.repeat(40)), t, now)).toEqual({ ok: false, reason: 'signature' });
  });

  it('name a hash, never a path', () => {
    for (const bad of ['', '..', '../auth-secret', `${'../'.repeat(3)}etc.1.x`, `${hash}/../x.1.${'a'.repeat(43)}`, `${hash.toUpperCase()}.1.${'a'.repeat(43)}`])
      expect(verifyFrameToken(key, bad, now)).toEqual({ ok: false, reason: 'malformed' });
    expect(() => signFrameToken(key, '../x', in48h)).toThrow();
  });
});

describe('frames as URLs', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'cot-frame-urls-'));
  });
  afterAll(async () => fs.rm(dataDir, { recursive: true, force: true }));

  it('replaces each JPEG data URL by a signed link that serves the same bytes; the rest is untouched', async () => {
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 1, 2, 3, 0xff, 0xd9]);
    const data = `data:image/jpeg;base64,${jpeg.toString('base64')}`;
    const out = await framesAsUrls(
      [
        { role: 'system', content: 'sys' },
        { role: 'user', content: [{ type: 'text', text: '[00:00:00]' }, { type: 'image_url', image_url: { url: data } }, { type: 'image_url', image_url: { url: data } }, { type: 'image_url', image_url: { url: 'https://x/y.png' } }] },
      ],
      { publicUrl: 'https://studio.example.com/', dataDir, key, expiresAt: in48h },
    );
    expect(out[0]).toEqual({ role: 'system', content: 'sys' });
    const parts = out[1]!.content as { type: string; image_url?: { url: string } }[];
    expect(parts[0]).toEqual({ type: 'text', text: '[00:00:00]' });
    const url = parts[1]!.image_url!.url;
    expect(url).toMatch(/^https:\/\/studio\.example\.com\/api\/frames\/[0-9a-f]{64}\.\d+\.[\w-]{43}$/);
    expect(parts[2]!.image_url!.url).toBe(url);
    expect(parts[3]!.image_url!.url).toBe('https://x/y.png');
    const token = url.split('/').pop()!;
    expect(await readSignedFrame(token, { dataDir, key, now })).toEqual(jpeg);
    // Stored once, by content.
    expect(await storeFrame(dataDir, jpeg)).toBe(token.split('.')[0]);
  });

  it('refuses a tampered or expired token with FORBIDDEN; no token at all or a frame no longer stored is NOT_FOUND', async () => {
    const jpeg = Buffer.from('another jpeg');
    const h = await storeFrame(dataDir, jpeg);
    const t = signFrameToken(key, h, in48h);
    await expect(readSignedFrame(t, { dataDir, key, now: in48h })).rejects.toMatchObject({ code: 'FORBIDDEN', message: 'This frame link has expired' });
    await expect(readSignedFrame(`${t}x`, { dataDir, key, now })).rejects.toBeInstanceOf(AppError);
    await expect(readSignedFrame('../../auth-secret', { dataDir, key, now })).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'No such frame link' });
    await expect(readSignedFrame(t.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')), { dataDir, key, now })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const gone = signFrameToken(key, crypto.createHash('sha256').update('never stored').digest('hex'), in48h);
    await expect(readSignedFrame(gone, { dataDir, key, now })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('COT_<STAGE>_BATCH_FRAMES', () => {
  it('defaults to inline; url per stage with COT_ORIGIN; link lifetime at least the batch window', () => {
    const d = parseBatchSettings({});
    expect(batchFrames(d.settings, 'revise')).toBe('inline');
    expect(d.settings).toMatchObject({ frameUrlHours: 48, publicUrl: null });
    const s = parseBatchSettings({ COT_REVISE_BATCH_FRAMES: 'url', COT_ORIGIN: 'https://studio.example.com/x', COT_BATCH_FRAME_URL_HOURS: '72' });
    expect(s.problems).toEqual([]);
    expect(batchFrames(s.settings, 'revise')).toBe('url');
    expect(batchFrames(s.settings, 'represent')).toBe('inline');
    expect(s.settings).toMatchObject({ frameUrlHours: 72, publicUrl: 'https://studio.example.com' });
    expect(parseBatchSettings({ COT_BATCH_FRAME_URL_HOURS: '12' }).problems.join()).toMatch(/COT_BATCH_FRAME_URL_HOURS/);
    expect(parseBatchSettings({ COT_EVIDENCE_BATCH_FRAMES: 'links' }).problems).toEqual(['COT_EVIDENCE_BATCH_FRAMES: must be inline or url']);
  });

  it('url mode without a public URL is an error naming both variables, also at start-up', () => {
    expect(parseBatchSettings({ COT_REPRESENT_BATCH_FRAMES: 'url' }).problems.join()).toMatch(/COT_REPRESENT_BATCH_FRAMES=url needs COT_ORIGIN/);
    expect(() => parseConfig({ COT_REPRESENT_BATCH_FRAMES: 'url' })).toThrow(/COT_REPRESENT_BATCH_FRAMES=url needs COT_ORIGIN/);
    expect(() => parseConfig({ COT_REPRESENT_BATCH_FRAMES: 'url', COT_ORIGIN: 'https://studio.example.com' })).not.toThrow();
  });
});
