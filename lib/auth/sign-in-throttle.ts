import { sql } from 'kysely';
import type { PrismaClient } from '@/generated/prisma/client';
import { kdb, type PrismaDb } from '@/lib/db/kysely';

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

/** Counts one attempt under `key` (a fresh window when the old one ended); returns the new count. */
async function count(db: PrismaDb, key: string) {
  const window = sql`make_interval(secs => ${THROTTLE_WINDOW_SECONDS}::int)`;
  const ended = sql<boolean>`auth_rate_limit.window_start <= now() - ${window}`;
  return kdb(db)
    .insertInto('auth_rate_limit')
    .values({ key, count: 1, window_start: sql`now()`, last_at: sql`now()` })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        count: sql`CASE WHEN ${ended} THEN 1 ELSE auth_rate_limit.count + 1 END`,
        window_start: sql`CASE WHEN ${ended} THEN now() ELSE auth_rate_limit.window_start END`,
        last_at: sql`now()`,
      }),
    )
    .returning(['count', sql<number>`greatest(1, ceil(extract(epoch FROM window_start + ${window} - now())))::int`.as('retry_after')])
    .executeTakeFirstOrThrow();
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
    const q = kdb(tx);
    const ended = sql<boolean>`auth_rate_limit.window_start <= now() - make_interval(secs => ${THROTTLE_WINDOW_SECONDS}::int)`;
    await q
      .insertInto('auth_rate_limit')
      .values({ key: keys.account, count: 0, window_start: sql`now()`, last_at: null })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          count: sql`CASE WHEN ${ended} THEN 0 ELSE auth_rate_limit.count END`,
          window_start: sql`CASE WHEN ${ended} THEN now() ELSE auth_rate_limit.window_start END`,
        }),
      )
      .execute();
    const acct = await q
      .selectFrom('auth_rate_limit')
      .select(['count', sql<number | null>`extract(epoch FROM now() - last_at)::float8`.as('since')])
      .where('key', '=', keys.account)
      .forUpdate()
      .executeTakeFirst();
    const backoff = accountBackoffSeconds(acct!.count);
    // `pair.count > 1`: this address has failed on this account before (this attempt is counted already).
    if (backoff > 0 && pair.count > 1 && acct!.since !== null && acct!.since < backoff) {
      return { retryAfter: Math.max(1, Math.ceil(backoff - acct!.since)), limit: 'account' as const, first: false };
    }
    await q.updateTable('auth_rate_limit').set({ count: sql`count + 1`, last_at: sql`now()` }).where('key', '=', keys.account).execute();
    return null;
  });
}

/** A right password: the pair starts afresh; the address and the account get this attempt back. */
export async function releasePasswordAttempt(db: PrismaClient, k: ThrottleKeys): Promise<void> {
  const keys = keysOf(k);
  const q = kdb(db);
  await q.deleteFrom('auth_rate_limit').where('key', '=', keys.pair).execute();
  await q
    .updateTable('auth_rate_limit')
    .set({ count: sql`greatest(count - 1, 0)` })
    .where('key', 'in', [keys.address, keys.account])
    .execute();
  // Windows long past are of no use to anyone.
  await q.deleteFrom('auth_rate_limit').where('window_start', '<', sql<Date>`now() - interval '1 day'`).execute();
}
