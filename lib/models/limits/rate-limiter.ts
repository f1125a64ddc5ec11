import { sql } from 'kysely';
import type { PrismaClient } from '@/generated/prisma/client';
import { sleep } from '../retry';
import { BucketRow } from './bucket-row';

/**
 * Requests per minute to one model endpoint across every worker: a token bucket in one row,
 * refilled at rpm/60 per second, holding at most about one second's worth (so a minute never
 * sees much more than `rpm`). Taking a token always succeeds and may leave the bucket negative:
 * the caller then waits until its token would have existed, which queues callers fairly
 * without polling.
 */
export class RateLimiter extends BucketRow {
  constructor(
    db: PrismaClient,
    key: string,
    readonly rpm: number,
  ) {
    super(db, key, rpm);
  }

  /** Milliseconds to wait before sending (0 = now); the token is taken either way. */
  async reserve(): Promise<number> {
    const row = await this.k
      .updateTable('model_rate')
      .set({ tokens: sql<number>`${this.refilled()} - 1`, updated_at: sql`clock_timestamp()` })
      .where('limiter_key', '=', this.key)
      .returning('tokens')
      .executeTakeFirst();
    const tokens = row?.tokens;
    if (tokens === undefined) {
      await this.ensure();
      return this.reserve();
    }
    return tokens >= 0 ? 0 : Math.ceil((-tokens / this.perSecond) * 1000);
  }

  async take(signal?: AbortSignal): Promise<void> {
    const waitMs = await this.reserve();
    if (waitMs > 0) await sleep(waitMs, signal);
  }
}
