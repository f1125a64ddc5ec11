import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disconnectPrisma } from '@/lib/db/client';
import { RateLimiter } from '@/lib/models/limits/rate-limiter';
import { SlotLimiter } from '@/lib/models/limits/slot-limiter';
import { TokenRateLimiter } from '@/lib/models/limits/token-rate-limiter';
import { testDb, uniq } from '../support/db';

// The limiters' rows directly (the cross-worker behaviour is in pipeline-limits.test.ts).
let db: ReturnType<typeof testDb>;
beforeAll(() => {
  db = testDb();
});
afterAll(async () => disconnectPrisma());

describe('SlotLimiter', () => {
  it('leases at most max slots, renews only its own, and gives them back', async () => {
    const key = uniq('slots');
    const a = new SlotLimiter(db, key, 3, 'a', 30);
    const b = new SlotLimiter(db, key, 3, 'b', 30);
    await a.ensure();
    await a.ensure(); // idempotent
    expect(await a.acquire(2)).toEqual([0, 1]);
    expect(await b.acquire(5)).toEqual([2]);
    expect(await a.acquire(1)).toEqual([]);
    expect(await SlotLimiter.inUse(db, key)).toBe(3);
    expect(await a.renew([0, 1, 2])).toEqual([0, 1]);
    await a.release([0, 2]); // slot 2 is b's: untouched
    expect(await SlotLimiter.inUse(db, key)).toBe(2);
    expect(await b.acquire(1)).toEqual([0]);
  });

  it('a lowered limit ignores the rows above it; an expired lease is free again', async () => {
    const key = uniq('slots');
    await new SlotLimiter(db, key, 4, 'x', 30).ensure();
    const low = new SlotLimiter(db, key, 2, 'y', 0);
    expect(await low.acquire(4)).toEqual([0, 1]);
    await new Promise((r) => setTimeout(r, 20));
    expect(await SlotLimiter.inUse(db, key)).toBe(0);
    expect(await new SlotLimiter(db, key, 2, 'z', 30).acquire(4)).toEqual([0, 1]);
  });
});

describe('RateLimiter and TokenRateLimiter', () => {
  it('a burst beyond the bucket waits for its token', async () => {
    const r = new RateLimiter(db, uniq('rpm'), 6); // one per ten seconds, capacity 1
    expect(await r.reserve()).toBe(0);
    const wait = await r.reserve();
    expect(wait).toBeGreaterThan(5000);
    expect(wait).toBeLessThanOrEqual(10_000);
  });

  it('spending puts the token budget in debt until it refills', async () => {
    const key = uniq('tpm');
    const t = new TokenRateLimiter(db, key, 600); // 10 per second, capacity 10
    await t.ensure();
    await t.waitForBudget(); // full bucket: no wait
    await t.spend(100);
    const [row] = await db.$queryRaw<{ tokens: number }[]>`SELECT tokens FROM model_rate WHERE limiter_key = ${key}`;
    // a full bucket (10) minus 100, refilled at 10 per second for the moments between the two statements
    expect(row!.tokens).toBeGreaterThan(-91);
    expect(row!.tokens).toBeLessThan(-70);
    // about nine seconds of debt: still waiting after half a second
    await expect(t.waitForBudget(AbortSignal.timeout(500))).rejects.toThrow();
  });
});
