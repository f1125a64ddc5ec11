import type { PrismaClient } from '@/generated/prisma/client';
import { auth } from './better-auth';
import { ROLES, type Role } from './permissions';
import { verifyApiToken } from './tokens/verify-api-token';
import { forgetVerified, recentlyVerifiedToken, rememberVerified, sessionCookieValue, sessionUser } from './verified-sessions';

export type AuthenticatedUser = { id: string; role: Role; name: string; email: string; via: 'session' | 'token' };
export type Authentication = { user: AuthenticatedUser | null; setCookies: string[]; badToken: boolean };

function isRole(r: unknown): r is Role {
  return typeof r === 'string' && (ROLES as readonly string[]).includes(r);
}

/**
 * Who is making the request: an `Authorization: Bearer` API token, else the session cookie.
 * Any Authorization header that does not verify as a token is not retried as a cookie (the
 * caller asked to be that token). A disabled account has no session. `setCookies` carries a refreshed session cookie.
 */
export async function authenticate(db: PrismaClient, req: { headers: Headers; secure: boolean }): Promise<Authentication> {
  const authorization = req.headers.get('authorization');
  // Any Authorization header means "I am this token": a malformed one ("Bearer x y", "Basic …")
  // is a bad token, never a reason to fall back to the cookie.
  if (authorization !== null) {
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
    const t = bearer ? await verifyApiToken(db, bearer) : null;
    return { user: t ? { id: t.id, role: t.role, name: t.name, email: t.email, via: 'token' } : null, setCookies: [], badToken: !t };
  }
  const cookieValue = sessionCookieValue(req.headers.get('cookie'), req.secure);
  if (!cookieValue) return { user: null, setCookies: [], badToken: false };
  const known = recentlyVerifiedToken(cookieValue);
  if (known) {
    const u = await sessionUser(db, known);
    if (!u) forgetVerified(cookieValue);
    return { user: sessionUserOf(u), setCookies: [], badToken: false };
  }
  const { headers, response } = await auth({ secure: req.secure }).api.getSession({ headers: req.headers, returnHeaders: true });
  const setCookies = headers?.getSetCookie() ?? [];
  const user = sessionUserOf(response?.user as { id: string; name: string; email: string; role?: unknown; disabled?: unknown } | undefined);
  // A refreshed cookie is a new value: the next request verifies it through the library again.
  if (user && response && setCookies.length === 0) rememberVerified(cookieValue, response.session.token);
  return { user, setCookies, badToken: false };
}

function sessionUserOf(u: { id: string; name: string; email: string; role?: unknown; disabled?: unknown } | null | undefined): AuthenticatedUser | null {
  if (!u || u.disabled === true || !isRole(u.role)) return null;
  return { id: u.id, role: u.role, name: u.name, email: u.email, via: 'session' };
}
