import { sql, type RawBuilder } from 'kysely';
import type { PrismaClient } from '@/generated/prisma/client';
import { kdb, type KyselyDb } from '@/lib/db/kysely';

/**
 * One endpoint's bucket in model_rate, shared by every worker: refilled at `perMinute`/60 per
 * second and holding at most about one second's worth, so a minute never sees much more than
 * `perMinute`. Requests per minute and tokens per minute both run on it.
 */
export abstract class BucketRow {
  protected readonly perSecond: number;
  protected readonly capacity: number;
  protected readonly k: KyselyDb;

  constructor(
    protected readonly db: PrismaClient,
    readonly key: string,
    perMinute: number,
  ) {
    this.perSecond = perMinute / 60;
    this.capacity = Math.max(1, Math.ceil(this.perSecond));
    this.k = kdb(db);
  }

  /** The row's balance now: what it held plus the refill since it was last written, capped. */
  protected refilled(): RawBuilder<number> {
    return sql<number>`LEAST(${this.capacity}::float8, tokens + EXTRACT(EPOCH FROM (clock_timestamp() - updated_at)) * ${this.perSecond}::float8)`;
  }

  async ensure(): Promise<void> {
    await this.k
      .insertInto('model_rate')
      .values({ limiter_key: this.key, tokens: this.capacity, updated_at: sql`now()` })
      .onConflict((oc) => oc.column('limiter_key').doNothing())
      .execute();
  }
}
