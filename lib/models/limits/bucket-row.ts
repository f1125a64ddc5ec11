import type { PrismaClient } from '@/generated/prisma/client';

/**
 * One endpoint's bucket in model_rate, shared by every worker: refilled at `perMinute`/60 per
 * second and holding at most about one second's worth, so a minute never sees much more than
 * `perMinute`. Requests per minute and tokens per minute both run on it.
 */
export abstract class BucketRow {
  protected readonly perSecond: number;
  protected readonly capacity: number;

  constructor(
    protected readonly db: PrismaClient,
    readonly key: string,
    perMinute: number,
  ) {
    this.perSecond = perMinute / 60;
    this.capacity = Math.max(1, Math.ceil(this.perSecond));
  }

  async ensure(): Promise<void> {
    await this.db.$executeRawUnsafe(
      `INSERT INTO model_rate (limiter_key, tokens, updated_at) VALUES ($1, $2, now()) ON CONFLICT (limiter_key) DO NOTHING`,
      this.key,
      this.capacity,
    );
  }
}
