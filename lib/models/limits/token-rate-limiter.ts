import { sql } from 'kysely';
import type { PrismaClient } from '@/generated/prisma/client';
import { sleep } from '../retry';
import { BucketRow } from './bucket-row';

/**
 * Tokens per minute to one model endpoint across every worker (hosted APIs limit tokens as
 * well as requests): a bucket in model_rate refilled at tpm/60 per second, holding at most one
 * second's worth. A request's size is known only from its reply, so the bucket runs on debt: a
 * request is sent once the balance is not negative, and its reply's tokens are then taken —
 * a big reply makes the next requests wait until the endpoint's minute has room again.
 */
export class TokenRateLimiter extends BucketRow {
  constructor(
    db: PrismaClient,
    key: string,
    readonly tpm: number,
  ) {
    super(db, key, tpm);
  }

  /** Waits until the endpoint's token budget is not in debt. */
  async waitForBudget(signal?: AbortSignal): Promise<void> {
    for (;;) {
      const row = await this.k
        .selectFrom('model_rate')
        .select(this.refilled().as('tokens'))
        .where('limiter_key', '=', this.key)
        .executeTakeFirst();
      const tokens = row?.tokens ?? 0;
      if (tokens >= 0) return;
      await sleep(Math.ceil((-tokens / this.perSecond) * 1000), signal);
    }
  }

  /** Takes a finished request's tokens from the budget. */
  async spend(tokens: number): Promise<void> {
    if (tokens <= 0) return;
    await this.k
      .updateTable('model_rate')
      .set({ tokens: sql<number>`${this.refilled()} - ${tokens}::float8`, updated_at: sql`clock_timestamp()` })
      .where('limiter_key', '=', this.key)
      .execute();
  }
}
