import type { PrismaClient } from '@/generated/prisma/client';

/**
 * Caps requests in flight to one model endpoint across every worker process. Each endpoint
 * has `max` slot rows; a worker leases a slot (row) per request it runs. A lease expires unless
 * renewed, so slots held by a worker killed with kill -9 come back after `ttlSeconds`.
 *
 * Workers keep a slot between back-to-back jobs instead of releasing and re-acquiring it, so
 * under load the limiter costs no queries per job, only a periodic renewal.
 */
export class SlotLimiter {
  constructor(
    private readonly db: PrismaClient,
    readonly key: string,
    readonly max: number,
    readonly holder: string,
    readonly ttlSeconds = 30,
  ) {}

  /** Creates the slot rows (idempotent; a raised limit adds rows, a lowered one ignores the rest). */
  async ensure(): Promise<void> {
    await this.db.$executeRawUnsafe(
      `INSERT INTO model_slot (limiter_key, slot) SELECT $1, g FROM generate_series(0, $2::int - 1) g ON CONFLICT DO NOTHING`,
      this.key,
      this.max,
    );
  }

  /** Leases up to `n` free slots; returns the slot numbers it got (possibly none). */
  async acquire(n: number): Promise<number[]> {
    if (n <= 0) return [];
    const rows = await this.db.$queryRawUnsafe<{ slot: number }[]>(
      `UPDATE model_slot s SET holder = $2, expires_at = now() + make_interval(secs => $4::int)
         FROM (SELECT limiter_key, slot FROM model_slot
                WHERE limiter_key = $1 AND slot < $3::int AND (holder IS NULL OR expires_at < now())
                ORDER BY slot LIMIT $5::int FOR UPDATE SKIP LOCKED) free
        WHERE s.limiter_key = free.limiter_key AND s.slot = free.slot
        RETURNING s.slot`,
      this.key,
      this.holder,
      this.max,
      this.ttlSeconds,
      n,
    );
    return rows.map((r) => r.slot);
  }

  async release(slots: number[]): Promise<void> {
    if (slots.length === 0) return;
    await this.db.$executeRawUnsafe(
      `UPDATE model_slot SET holder = NULL, expires_at = NULL WHERE limiter_key = $1 AND holder = $2 AND slot = ANY($3::int[])`,
      this.key,
      this.holder,
      slots,
    );
  }

  /** Extends this holder's leases; returns the slots it still holds (one may have expired). */
  async renew(slots: number[]): Promise<number[]> {
    if (slots.length === 0) return [];
    const rows = await this.db.$queryRawUnsafe<{ slot: number }[]>(
      `UPDATE model_slot SET expires_at = now() + make_interval(secs => $4::int)
        WHERE limiter_key = $1 AND holder = $2 AND slot = ANY($3::int[]) RETURNING slot`,
      this.key,
      this.holder,
      slots,
      this.ttlSeconds,
    );
    return rows.map((r) => r.slot);
  }

  /** Slots currently leased by anyone (for the jobs page and tests). */
  static async inUse(db: PrismaClient, key: string): Promise<number> {
    const [r] = await db.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM model_slot WHERE limiter_key = $1 AND holder IS NOT NULL AND expires_at >= now()`,
      key,
    );
    return r?.n ?? 0;
  }
}
