import type { PrismaClient } from '@/generated/prisma/client';

// Sign-in throttling, kept in the database so it holds across web processes and restarts.
// Every attempt is counted before the password is checked (so parallel guesses cannot all slip
// through one stale read); a successful sign-in takes its attempt back. What remains is the
// number of failures in the window.
//
// The per-account limit is the one an attacker cannot dodge. The per-address limit trusts
// X-Forwarded-For, which Next.js takes from the client when present: behind a reverse proxy,
// have the proxy overwrite it.
export const SIGN_IN_LIMITS = {
  email: { max: 5, windowSeconds: 15 * 60 },
  ip: { max: 30, windowSeconds: 15 * 60 },
} as const;

type Keys = { email: string; ip: string | null };

function keys(k: Keys): { key: string; max: number; windowSeconds: number }[] {
  const out: { key: string; max: number; windowSeconds: number }[] = [{ key: `email:${k.email.toLowerCase()}`, ...SIGN_IN_LIMITS.email }];
  if (k.ip) out.push({ key: `ip:${k.ip}`, ...SIGN_IN_LIMITS.ip });
  return out;
}

/** Counts one attempt; returns the seconds to wait when a limit is exceeded, else null. */
export async function consumeSignInAttempt(db: PrismaClient, k: Keys): Promise<number | null> {
  let retryAfter: number | null = null;
  for (const { key, max, windowSeconds } of keys(k)) {
    const [row] = await db.$queryRaw<{ count: number; retry_after: number }[]>`
      INSERT INTO auth_rate_limit (key, count, window_start) VALUES (${key}, 1, now())
      ON CONFLICT (key) DO UPDATE SET
        count = CASE WHEN auth_rate_limit.window_start <= now() - make_interval(secs => ${windowSeconds}) THEN 1 ELSE auth_rate_limit.count + 1 END,
        window_start = CASE WHEN auth_rate_limit.window_start <= now() - make_interval(secs => ${windowSeconds}) THEN now() ELSE auth_rate_limit.window_start END
      RETURNING count, ceil(extract(epoch FROM window_start + make_interval(secs => ${windowSeconds}) - now()))::int AS retry_after`;
    if (row && row.count > max) retryAfter = Math.max(retryAfter ?? 0, Math.max(1, row.retry_after));
  }
  return retryAfter;
}

/** A successful sign-in: the account starts afresh, the address gets its attempt back. */
export async function releaseSignInAttempt(db: PrismaClient, k: Keys): Promise<void> {
  await db.$executeRaw`DELETE FROM auth_rate_limit WHERE key = ${`email:${k.email.toLowerCase()}`}`;
  if (k.ip) await db.$executeRaw`UPDATE auth_rate_limit SET count = greatest(count - 1, 0) WHERE key = ${`ip:${k.ip}`}`;
  // Windows long past are of no use to anyone.
  await db.$executeRaw`DELETE FROM auth_rate_limit WHERE window_start < now() - interval '1 day'`;
}
