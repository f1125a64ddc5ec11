import { sql } from 'kysely';
import type { PrismaClient } from '@/generated/prisma/client';
import { kdb } from '@/lib/db/kysely';

// better-auth checks a session cookie by verifying its signature and then reading the session
// and its user (two queries, through its endpoint machinery) on every request — the largest
// share of the proxy's cost on the review path. A cookie value's signature never changes, so
// once the library has accepted a value we remember which session token it carries, and for
// REVERIFY_MS the proxy checks that session with one joined query of its own instead. The
// database is still read on every request: a signed-out, expired or deleted session, a
// disabled account and a role change all take effect on the very next request. After
// REVERIFY_MS the library checks the cookie again (which is also when it extends the session).

const REVERIFY_MS = 60_000;
/** Bounds the memory: the oldest entries go first (a Map iterates in insertion order). */
const MAX_ENTRIES = 10_000;

type Entry = { token: string; verifiedAt: number };
const g = globalThis as unknown as { __cotVerifiedSessions?: Map<string, Entry> };
const verified = (g.__cotVerifiedSessions ??= new Map());

export type SessionUser = { id: string; name: string; email: string; role: string; disabled: boolean };

/** The session cookie's raw value, as the browser sent it (null when there is none). */
export function sessionCookieValue(cookieHeader: string | null, secure: boolean): string | null {
  if (!cookieHeader) return null;
  const name = secure ? '__Secure-cot.session_token' : 'cot.session_token';
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim() || null;
  }
  return null;
}

export function rememberVerified(cookieValue: string, token: string, now = Date.now()): void {
  if (verified.size >= MAX_ENTRIES) verified.delete(verified.keys().next().value!);
  verified.set(cookieValue, { token, verifiedAt: now });
}

export function forgetVerified(cookieValue: string): void {
  verified.delete(cookieValue);
}

/** The session token behind a cookie value the library accepted less than REVERIFY_MS ago. */
export function recentlyVerifiedToken(cookieValue: string, now = Date.now()): string | null {
  const e = verified.get(cookieValue);
  if (!e) return null;
  if (now - e.verifiedAt >= REVERIFY_MS) {
    verified.delete(cookieValue);
    return null;
  }
  return e.token;
}

/** The live session's user, in one query; null when the session is gone or expired. */
export async function sessionUser(db: PrismaClient, token: string): Promise<SessionUser | null> {
  const row = await kdb(db)
    .selectFrom('session as s')
    .innerJoin('user as u', 'u.id', 's.user_id')
    .select(['u.id', 'u.name', 'u.email', sql<string>`u.role::text`.as('role'), 'u.disabled'])
    .where('s.token', '=', token)
    .where('s.expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst();
  return row ?? null;
}
