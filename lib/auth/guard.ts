import type { PrismaClient } from '@/generated/prisma/client';
import { config } from '../config';
import type { ErrorBody } from '../http/handle';
import { log } from '../log';
import { allowedHosts, isAllowedHost, pathDecodes } from '../http/host-check';
import { authenticate } from './authenticate';
import { isCrossOriginRequest } from './cross-origin';
import { accessFor, decide } from './permissions';
import { IDENTITY_HEADERS, USER_EMAIL_HEADER, USER_ID_HEADER, USER_ROLE_HEADER } from './request-user';

// The whole access decision for one request, free of Next.js so it can be tested directly;
// proxy.ts turns the outcome into a response.

export const SIGN_IN_PATH = '/sign-in';
/** Marks responses the proxy refused (401/403/404), so tests and logs can tell them from a handler's. */
export const DENIED_HEADER = 'x-cot-denied-by';
export const FORBIDDEN_PAGE = '/forbidden';

export type GuardOutcome =
  | { kind: 'next'; requestHeaders: Headers; setCookies: string[] }
  | { kind: 'redirect'; location: string; setCookies: string[] }
  | { kind: 'rewrite'; pathname: string; status: number; requestHeaders: Headers; setCookies: string[] }
  | { kind: 'json'; status: number; body: ErrorBody; headers: Record<string, string> };

function error(status: number, code: string, message: string, headers: Record<string, string> = {}): GuardOutcome {
  return { kind: 'json', status, body: { error: { code, message } }, headers: { 'cache-control': 'no-store', [DENIED_HEADER]: 'proxy', ...headers } };
}

export function isApiPath(pathname: string): boolean {
  return pathname === '/api' || pathname.startsWith('/api/');
}

export async function guardRequest(db: PrismaClient, req: { method: string; url: string; headers: Headers }): Promise<GuardOutcome> {
  const url = new URL(req.url);
  const method = req.method.toUpperCase();
  const api = isApiPath(url.pathname);
  const cfg = config();
  // Only the proxy says who the user is: a client's copies of these headers are dropped first.
  const headers = new Headers(req.headers);
  for (const h of IDENTITY_HEADERS) headers.delete(h);

  if (!isAllowedHost(headers.get('host'), allowedHosts(cfg))) {
    log('warn', 'request for an unknown host refused', { host: headers.get('host'), path: url.pathname });
    return error(421, 'MISDIRECTED', 'This server does not answer to that host name. Set COT_ORIGIN to the address the studio is reached at.');
  }
  if (!pathDecodes(url.pathname)) return error(400, 'BAD_REQUEST', 'The URL path has malformed percent-encoding.');

  // Any Authorization header is a claim to be that token: it must verify (authenticate never
  // falls back to the cookie), so a token request cannot be forged by a page and skips the
  // cross-site check.
  const hasAuthorization = headers.has('authorization');
  if (!hasAuthorization && isCrossOriginRequest({ method, headers, trustedOrigins: cfg.trustedOrigins })) {
    log('warn', 'cross-origin request refused', { method, path: url.pathname, origin: headers.get('origin'), site: headers.get('sec-fetch-site') });
    return error(403, 'FORBIDDEN', 'Cross-site request refused: state-changing requests must come from the studio’s own pages.');
  }

  const { access } = accessFor(method, url.pathname);
  if (access === 'public') {
    // Public routes answer anyone; a caller that sent credentials is identified (e.g. /api/health
    // shows admins more), and a bad token is refused as everywhere.
    const declared = Number(headers.get('content-length') ?? 0);
    if (declared > cfg.anonymousBodyBytes) return error(413, 'PAYLOAD_TOO_LARGE', `The request body is ${declared} bytes; at most ${cfg.anonymousBodyBytes} here.`);
    if (!hasAuthorization && !headers.get('cookie')) return { kind: 'next', requestHeaders: headers, setCookies: [] };
    const { user, setCookies, badToken } = await authenticate(db, { headers, secure: url.protocol === 'https:' });
    if (badToken) return unauthorized(true);
    if (user) setIdentity(headers, user);
    return { kind: 'next', requestHeaders: headers, setCookies };
  }

  const { user, setCookies, badToken } = await authenticate(db, { headers, secure: url.protocol === 'https:' });
  switch (decide(access, user?.role ?? null)) {
    case 'allow':
      setIdentity(headers, user!);
      return { kind: 'next', requestHeaders: headers, setCookies };
    case 'not-found':
      return error(404, 'NOT_FOUND', 'Not found');
    case 'unauthenticated':
      if (api || badToken) return unauthorized(badToken);
      return { kind: 'redirect', location: `${SIGN_IN_PATH}?next=${encodeURIComponent(url.pathname + url.search)}`, setCookies };
    case 'forbidden':
      if (api) return error(403, 'FORBIDDEN', `Your role (${user!.role}) may not do this.`);
      setIdentity(headers, user!);
      return { kind: 'rewrite', pathname: FORBIDDEN_PAGE, status: 403, requestHeaders: headers, setCookies };
  }
}

function unauthorized(badToken: boolean): GuardOutcome {
  return error(401, 'UNAUTHORIZED', badToken ? 'The Authorization header is not a valid API token (unknown, revoked, expired or malformed).' : 'Sign in first (or send an API token as `Authorization: Bearer …`).', {
    'www-authenticate': 'Bearer',
  });
}

function setIdentity(headers: Headers, user: { id: string; role: string; email: string }): void {
  headers.set(USER_ID_HEADER, user.id);
  headers.set(USER_ROLE_HEADER, user.role);
  headers.set(USER_EMAIL_HEADER, user.email);
}
