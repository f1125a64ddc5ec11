import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbPool, disconnectPrisma } from '@/lib/db/client';
import { kdb, kysely } from '@/lib/db/kysely';
import { testDb, uniq } from '../support/db';

// lib/db/kysely.ts: one Kysely on prisma()'s pool, and Kysely statements that join a Prisma transaction.
let db: ReturnType<typeof testDb>;
beforeAll(() => {
  db = testDb();
});
afterAll(async () => disconnectPrisma());

const slots = (key: string) =>
  kysely().selectFrom('model_slot').select(['slot', 'holder']).where('limiter_key', '=', key).orderBy('slot').execute();

describe('kysely()', () => {
  it('runs on the same pg Pool as prisma()', async () => {
    expect(kdb(db)).toBe(kysely());
    await db.$queryRaw`SELECT 1`;
    await kysely().selectNoFrom(sql<number>`1`.as('one')).execute();
    // Prisma's adapter and Kysely both took their connections from this pool.
    expect(dbPool().totalCount).toBeGreaterThan(0);
    expect(dbPool().totalCount).toBeLessThanOrEqual(Number(process.env.DB_POOL_MAX ?? 10));
  });

  it('binds values as parameters (a quote in a value is data, not SQL)', async () => {
    const key = `${uniq('k')}'; DROP TABLE model_slot; --`;
    await kysely().insertInto('model_slot').values({ limiter_key: key, slot: 0, holder: "o'brien" }).execute();
    expect(await slots(key)).toEqual([{ slot: 0, holder: "o'brien" }]);
  });
});

describe('kdb(tx)', () => {
  it('joins the Prisma interactive transaction it is given: rolled back with it', async () => {
    const key = uniq('tx');
    await expect(
      db.$transaction(async (tx) => {
        await kdb(tx).insertInto('model_slot').values({ limiter_key: key, slot: 0 }).execute();
        // visible inside the transaction, through Prisma and through Kysely alike
        const [inside] = await tx.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM model_slot WHERE limiter_key = ${key}`;
        expect(inside!.n).toBe(1);
        const seen = await kdb(tx).selectFrom('model_slot').select('slot').where('limiter_key', '=', key).execute();
        expect(seen).toEqual([{ slot: 0 }]);
        // not visible outside it yet
        expect(await slots(key)).toEqual([]);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await slots(key)).toEqual([]);
  });

  it('commits with the transaction and reports affected rows', async () => {
    const key = uniq('tx');
    const updated = await db.$transaction(async (tx) => {
      await kdb(tx).insertInto('model_slot').values([{ limiter_key: key, slot: 0 }, { limiter_key: key, slot: 1 }]).execute();
      const r = await kdb(tx).updateTable('model_slot').set({ holder: 'w' }).where('limiter_key', '=', key).executeTakeFirst();
      return Number(r.numUpdatedRows);
    });
    expect(updated).toBe(2);
    expect(await slots(key)).toEqual([{ slot: 0, holder: 'w' }, { slot: 1, holder: 'w' }]);
  });
});
