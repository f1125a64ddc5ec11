import type { PrismaClient } from '@/generated/prisma/client';

// Password-guess throttling (sign-in and change-password), kept in the database so it holds
// across web processes and restarts. The policy (README "Security"):
//
// - per address: 30 failures in 15 minutes, then that address is refused. Checked first, so an
//   address over its limit writes nothing more (rows and audit entries per address stay bounded).
// - per (account, address) pair: 5 failures in 15 minutes, then that pair is refused. Someone
//   failing from one place cannot lock the owner out from another.
// - per account, a backoff that slows guessing from many addresses: once an account has 10
//   failures in the window, an address that has already failed on it must wait 2^(n−10) s
//   (capped at 5 minutes) after the account's last attempt. An address that has not failed on
//   the account is never made to wait, so the right password from the owner's usual place
//   always gets through.
//
// Addresses come from lib/http/client-address.ts (the socket, or a trusted proxy's
// X-Forwarded-For); with none known, pairs use the address "unknown" and no address limit applies.
// Every attempt is counted before the password is checked (parallel guesses cannot slip through
// one stale read); a success takes its attempt back.

export const THROTTLE_WINDOW_SECONDS = 15 * 60;
export const SIGN_IN_LIMITS = {
  address: { max: 30 },
  pair: { max: 5 },
  account: { backoffAfter: 10, maxBackoffSeconds: 5 * 60 },
} as const;

/** Longest stored identifier: an email address is at most 254 characters (RFC 5321). */
export const MAX_IDENTIFIER_LENGTH = 254;

export type ThrottleScope = 'sign-in' | 'change-password';
export type ThrottleKeys = { scope: ThrottleScope; account: string; address: string | null };
export type ThrottleRefusal = { retryAfter: number; limit: 'address' | 'pair' | 'account'; first: boolean };

/** An attacker-chosen identifier as stored: trimmed, lower-cased, cut to a bounded length. */
export function storedIdentifier(s: string): string {
  return s.trim().toLowerCase().slice(0, MAX_IDENTIFIER_LENGTH);
}

function keysOf(k: ThrottleKeys) {
  const account = storedIdentifier(k.account);
  const address = (k.address ?? 'unknown').slice(0, 64);
  return { address: `${k.scope}:addr:${address}`, pair: `${k.scope}:pair:${account}|${address}`, account: `${k.scope}:acct:${account}` };
}

export function accountBackoffSeconds(failures: number): number {
  const { backoffAfter, maxBackoffSeconds } = SIGN_IN_LIMITS.account;
  if (failures < backoffAfter) return 0;
  return Math.min(2 ** (failures - backoffAfter), maxBackoffSeconds);
}

type Counted = { count: number; retry_after: number };

/** Counts one attempt under `key` (a fresh window when the old one ended); returns the new count. */
async function count(db: Pick<PrismaClient, '$queryRaw'>, key: string): Promise<Counted> {
  const w = THROTTLE_WINDOW_SECONDS;
  const [row] = await db.$queryRaw<Counted[]>`
    INSERT INTO auth_rate_limit (key, count, window_start, last_at) VALUES (${key}, 1, now(), now())
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN auth_rate_limit.window_start <= now() - make_interval(secs => ${w}) THEN 1 ELSE auth_rate_limit.count + 1 END,
      window_start = CASE WHEN auth_rate_limit.window_start <= now() - make_interval(secs => ${w}) THEN now() ELSE auth_rate_limit.window_start END,
      last_at = now()
    RETURNING count, greatest(1, ceil(extract(epoch FROM window_start + make_interval(secs => ${w}) - now())))::int AS retry_after`;
  return row!;
}

/** Counts one password attempt; returns why it is refused, or null when it may go ahead. */
export async function consumePasswordAttempt(db: PrismaClient, k: ThrottleKeys): Promise<ThrottleRefusal | null> {
  const keys = keysOf(k);
  // Without a known address (the app not behind scripts/web-server.ts) there is no per-address
  // limit: one shared "unknown" bucket would let anyone block every sign-in.
  if (k.address) {
    const addr = await count(db, keys.address);
    if (addr.count > SIGN_IN_LIMITS.address.max) return { retryAfter: addr.retry_after, limit: 'address', first: addr.count === SIGN_IN_LIMITS.address.max + 1 };
  }
  return db.$transaction(async (tx) => {
    const pair = await count(tx, keys.pair);
    if (pair.count > SIGN_IN_LIMITS.pair.max) return { retryAfter: pair.retry_after, limit: 'pair' as const, first: pair.count === SIGN_IN_LIMITS.pair.max + 1 };
    // The account's row, locked: attempts on one account are decided one at a time.
    const w = THROTTLE_WINDOW_SECONDS;
    await tx.$executeRaw`
      INSERT INTO auth_rate_limit (key, count, window_start, last_at) VALUES (${keys.account}, 0, now(), NULL)
      ON CONFLICT (key) DO UPDATE SET
        count = CASE WHEN auth_rate_limit.window_start <= now() - make_interval(secs => ${w}) THEN 0 ELSE auth_rate_limit.count END,
        window_start = CASE WHEN auth_rate_limit.window_start <= now() - make_interval(secs => ${w}) THEN now() ELSE auth_rate_limit.window_start END`;
    const [acct] = await tx.$queryRaw<{ count: number; since: number | null }[]>`
      SELECT count, extract(epoch FROM now() - last_at)::float8 AS since FROM auth_rate_limit WHERE key = ${keys.account} FOR UPDATE`;
    const backoff = accountBackoffSeconds(acct!.count);
    // `pair.count > 1`: this address has failed on this account before (this attempt is counted already).
    if (backoff > 0 && pair.count > 1 && acct!.since !== null && acct!.since < backoff) {
      return { retryAfter: Math.max(1, Math.ceil(backoff - acct!.since)), limit: 'account' as const, first: false };
    }
    await tx.$executeRaw`UPDATE auth_rate_limit SET count = count + 1, last_at = now() WHERE key = ${keys.account}`;
    return null;
  });
}

/** A right password: the pair starts afresh; the address and the account get this attempt back. */
export async function releasePasswordAttempt(db: PrismaClient, k: ThrottleKeys): Promise<void> {
  const keys = keysOf(k);
  await db.$executeRaw`DELETE FROM auth_rate_limit WHERE key = ${keys.pair}`;
  await db.$executeRaw`UPDATE auth_rate_limit SET count = greatest(count - 1, 0) WHERE key IN (${keys.address}, ${keys.account})`;
  // Windows long past are of no use to anyone.
  await db.$executeRaw`DELETE FROM auth_rate_limit WHERE window_start < now() - interval '1 day'`;
}
