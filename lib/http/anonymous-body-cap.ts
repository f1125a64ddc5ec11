import type { ErrorBody } from './handle';

// Requests without credentials reach only the public endpoints (sign-in, sign-out), whose bodies
// are a few hundred bytes. Next.js buffers up to 10 MB of every body for the proxy before any
// access check, so twenty anonymous 9 MB bodies nearly doubled the server's memory. The studio's
// web server refuses such bodies from their headers, before a byte of them is read.

const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?cot\.session_token=/;

export type BodyRefusal = { status: 411 | 413; body: ErrorBody };

/**
 * Why a request's body is refused, or null. Capped: every request to /api/auth/** (its
 * bodies are tiny), and any request carrying neither a session cookie nor an Authorization
 * header. A capped request must declare its length (no chunked bodies).
 */
export function anonymousBodyRefusal(req: { method?: string; url?: string; headers: Record<string, string | string[] | undefined> }, maxBytes: number): BodyRefusal | null {
  const h = req.headers;
  const hasBody = (h['content-length'] !== undefined && h['content-length'] !== '0') || h['transfer-encoding'] !== undefined;
  if (!hasBody) return null;
  const path = (req.url ?? '/').split('?')[0]!;
  const cookie = Array.isArray(h.cookie) ? h.cookie.join('; ') : (h.cookie ?? '');
  const anonymous = !h.authorization && !SESSION_COOKIE.test(cookie);
  if (!anonymous && !path.startsWith('/api/auth/')) return null;
  const declared = Number(h['content-length']);
  if (h['content-length'] === undefined || !Number.isFinite(declared)) {
    return { status: 411, body: { error: { code: 'LENGTH_REQUIRED', message: 'Send a Content-Length with this request body.' } } };
  }
  if (declared > maxBytes) {
    return { status: 413, body: { error: { code: 'PAYLOAD_TOO_LARGE', message: `The request body is ${declared} bytes; requests without a session may send at most ${maxBytes} (COT_ANONYMOUS_BODY_BYTES).` } } };
  }
  return null;
}
