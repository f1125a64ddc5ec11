import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { authSecret } from '../../auth/secret';
import { config } from '../../config';
import { AppError } from '../../errors';
import type { ChatMessage, ChatPart } from '../../models/chat';

// Batch API frames as URLs (README "Batch API mode", COT_<STAGE>_BATCH_FRAMES=url): instead of
// a data URL per frame, a request line names `<COT_ORIGIN>/api/frames/<token>`, which the
// provider fetches while it runs the batch. The frame's JPEG is kept under
// <data dir>/frame-cache/batch/<sha256>.jpg (content-addressed: the frames of one video shared
// by many items are stored once). The token is `<sha256 hex>.<expiry, unix seconds>.<HMAC>`:
// it names the frame by its hash, never by a path, and only the studio can mint one (the key is
// derived from the session secret, lib/auth/secret.ts). /api/frames/[token] answers anyone
// holding an unexpired, untampered token, and nothing else.

/** What url mode needs: the public base URL, where frames are stored, the signing key, expiry. */
export type FrameUrlOptions = { publicUrl: string; dataDir: string; key: Buffer; expiresAt: Date };

const HASH = /^[0-9a-f]{64}$/;
const TOKEN = /^([0-9a-f]{64})\.([0-9]{1,12})\.([A-Za-z0-9_-]{43})$/;

/** The frame-URL signing key: derived from the studio's secret, so it is never the session key itself. */
export function frameUrlKey(secret: string): Buffer {
  return crypto.createHmac('sha256', secret).update('cot-studio batch frame urls v1').digest();
}

/** This studio's frame store: <data dir>/frame-cache/batch, links signed with a key from its secret. */
export function studioFrameStore(): { dataDir: string; key: Buffer } {
  return { dataDir: config().dataDir, key: frameUrlKey(authSecret()) };
}

function mac(key: Buffer, hash: string, exp: number): string {
  return crypto.createHmac('sha256', key).update(`frame:${hash}.${exp}`).digest('base64url');
}

export function signFrameToken(key: Buffer, hash: string, expiresAt: Date): string {
  if (!HASH.test(hash)) throw new Error('A frame token names a SHA-256 hash');
  const exp = Math.floor(expiresAt.getTime() / 1000);
  return `${hash}.${exp}.${mac(key, hash, exp)}`;
}

/** The frame hash a token names, or why it is refused. */
export function verifyFrameToken(key: Buffer, token: string, now: Date = new Date()): { ok: true; hash: string } | { ok: false; reason: 'malformed' | 'signature' | 'expired' } {
  const m = TOKEN.exec(token);
  if (!m) return { ok: false, reason: 'malformed' };
  const [, hash, expText, sig] = m as unknown as [string, string, string, string];
  const exp = Number(expText);
  const want = Buffer.from(mac(key, hash, exp));
  const got = Buffer.from(sig);
  if (want.length !== got.length || !crypto.timingSafeEqual(want, got)) return { ok: false, reason: 'signature' };
  if (exp * 1000 <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, hash };
}

function framePath(dataDir: string, hash: string): string {
  return path.join(dataDir, 'frame-cache', 'batch', `${hash}.jpg`);
}

/** Keeps a JPEG for serving; returns its hash (written once, atomically: a reader never sees half a frame). */
export async function storeFrame(dataDir: string, jpeg: Buffer): Promise<string> {
  const hash = crypto.createHash('sha256').update(jpeg).digest('hex');
  const file = framePath(dataDir, hash);
  try {
    await fs.access(file);
    return hash;
  } catch {
    // not stored yet
  }
  await fs.mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  await fs.writeFile(tmp, jpeg);
  await fs.rename(tmp, file);
  return hash;
}

const JPEG_DATA_URL = 'data:image/jpeg;base64,';

/**
 * The messages with every JPEG data URL replaced by a signed frame URL (other parts untouched).
 * Returns the same messages when there is nothing to replace.
 */
export async function framesAsUrls(messages: ChatMessage[], o: FrameUrlOptions): Promise<ChatMessage[]> {
  const base = o.publicUrl.replace(/\/+$/, '');
  const urlOf = new Map<string, string>();
  const swap = async (p: ChatPart): Promise<ChatPart> => {
    if (p.type !== 'image_url' || !p.image_url.url.startsWith(JPEG_DATA_URL)) return p;
    const data = p.image_url.url;
    let url = urlOf.get(data);
    if (!url) {
      const hash = await storeFrame(o.dataDir, Buffer.from(data.slice(JPEG_DATA_URL.length), 'base64'));
      url = `${base}/api/frames/${signFrameToken(o.key, hash, o.expiresAt)}`;
      urlOf.set(data, url);
    }
    return { ...p, image_url: { ...p.image_url, url } };
  };
  const out: ChatMessage[] = [];
  for (const m of messages) {
    if (typeof m.content === 'string') out.push(m);
    else {
      const content: ChatPart[] = [];
      for (const p of m.content) content.push(await swap(p));
      out.push({ ...m, content } as ChatMessage);
    }
  }
  return out;
}

/**
 * The JPEG a frame token names (GET /api/frames/[token]). FORBIDDEN for a tampered or expired
 * token; NOT_FOUND for a string that is no token at all, or a frame no longer stored.
 */
export async function readSignedFrame(token: string, o: { dataDir: string; key: Buffer; now?: Date }): Promise<Buffer> {
  const v = verifyFrameToken(o.key, token, o.now);
  // Not shaped like a token: no such link (404, as any unknown path; the route-guard e2e test
  // requests /api/frames/1 and expects a public route not to answer 401/403). A token-shaped
  // string whose signature does not verify, or whose time is up: refused (403).
  if (!v.ok && v.reason === 'malformed') throw new AppError('NOT_FOUND', 'No such frame link');
  if (!v.ok) throw new AppError('FORBIDDEN', v.reason === 'expired' ? 'This frame link has expired' : 'Invalid frame link');
  try {
    return await fs.readFile(framePath(o.dataDir, v.hash));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new AppError('NOT_FOUND', 'This frame is no longer stored');
    throw e;
  }
}
