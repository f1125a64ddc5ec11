import { sql } from 'kysely';
import type { PrismaClient } from '@/generated/prisma/client';
import { kdb, type KyselyDb } from '@/lib/db/kysely';

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

  private get k(): KyselyDb {
    return kdb(this.db);
  }

  /** Creates the slot rows (idempotent; a raised limit adds rows, a lowered one ignores the rest). */
  async ensure(): Promise<void> {
    await this.k
      .insertInto('model_slot')
      .columns(['limiter_key', 'slot'])
      .expression((eb) =>
        eb.selectFrom(sql<{ g: number }>`generate_series(0, ${this.max}::int - 1)`.as('g')).select([eb.val(this.key).as('limiter_key'), 'g']),
      )
      .onConflict((oc) => oc.doNothing())
      .execute();
  }

  /** Leases up to `n` free slots; returns the slot numbers it got (possibly none). */
  async acquire(n: number): Promise<number[]> {
    if (n <= 0) return [];
    const rows = await this.k
      .updateTable('model_slot as s')
      .from((eb) =>
        eb
          .selectFrom('model_slot')
          .select(['limiter_key', 'slot'])
          .where('limiter_key', '=', this.key)
          .where('slot', '<', this.max)
          .where((w) => w.or([w('holder', 'is', null), w('expires_at', '<', sql<Date>`now()`)]))
          .orderBy('slot')
          .limit(n)
          .forUpdate()
          .skipLocked()
          .as('free'),
      )
      .set({ holder: this.holder, expires_at: this.leaseEnd() })
      .whereRef('s.limiter_key', '=', 'free.limiter_key')
      .whereRef('s.slot', '=', 'free.slot')
      .returning('s.slot')
      .execute();
    return rows.map((r) => r.slot);
  }

  async release(slots: number[]): Promise<void> {
    if (slots.length === 0) return;
    await this.k
      .updateTable('model_slot')
      .set({ holder: null, expires_at: null })
      .where('limiter_key', '=', this.key)
      .where('holder', '=', this.holder)
      .where('slot', '=', sql<number>`ANY(${slots}::int[])`)
      .execute();
  }

  /** Extends this holder's leases; returns the slots it still holds (one may have expired). */
  async renew(slots: number[]): Promise<number[]> {
    if (slots.length === 0) return [];
    const rows = await this.k
      .updateTable('model_slot')
      .set({ expires_at: this.leaseEnd() })
      .where('limiter_key', '=', this.key)
      .where('holder', '=', this.holder)
      .where('slot', '=', sql<number>`ANY(${slots}::int[])`)
      .returning('slot')
      .execute();
    return rows.map((r) => r.slot);
  }

  private leaseEnd() {
    return sql<Date>`now() + make_interval(secs => ${this.ttlSeconds}::int)`;
  }

  /** Slots currently leased by anyone (for the jobs page and tests). */
  static async inUse(db: PrismaClient, key: string): Promise<number> {
    const r = await kdb(db)
      .selectFrom('model_slot')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('limiter_key', '=', key)
      .where('holder', 'is not', null)
      .where('expires_at', '>=', sql<Date>`now()`)
      .executeTakeFirst();
    return r?.n ?? 0;
  }
}
