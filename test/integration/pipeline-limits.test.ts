import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SlotLimiter } from '@/lib/models/limits/slot-limiter';
import { parsePipelineSettings } from '@/lib/pipeline/settings';
import { limiterKey } from '@/workers/endpoint-limits';
import { seedDataset, startHarness, type Harness } from '../support/pipeline-harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ env: { COT_DEFAULT_CONCURRENCY: '3' }, server: { delayMs: 150 } });
});
afterAll(async () => h?.stop());

const items = (n: number) => Array.from({ length: n }, () => ({}));

describe('endpoint limits across workers', () => {
  it('three workers together never exceed the endpoint concurrency, and keep it full', async () => {
    const workers = [await h.startWorker(), await h.startWorker(), await h.startWorker()];
    const { dataset } = await seedDataset(h.db, { items: items(18), withRepresentation: true });
    h.server.resetStats();
    const run = await h.waitForRun((await h.createRun({ stage: 'draft', dataset: dataset.id })).id);
    expect(run.done).toBe(18);
    expect(h.server.maxInFlight).toBe(3);
    await Promise.all(workers.map((w) => w.stop(2000)));
    // Slots are given back once the queue is empty.
    expect(await SlotLimiter.inUse(h.db, limiterKey(h.settings.endpoints.draft!))).toBe(0);
  });

  it('requests per minute hold across workers (a lower bound on the time taken)', async () => {
    // 120 rpm = 2 per second with a burst of 2: eight requests need at least 3 seconds.
    const s = parsePipelineSettings({ COT_DEFAULT_BASE_URL: h.server.url, COT_DEFAULT_MODEL: 'm', COT_DEFAULT_CONCURRENCY: '8', COT_DRAFT_RPM: '120' }).settings;
    const workers = [await h.startWorker({ settings: s }), await h.startWorker({ settings: s })];
    h.server.delayMs = 0;
    const { dataset } = await seedDataset(h.db, { items: items(8), withRepresentation: true });
    const started = Date.now();
    const run = await h.waitForRun((await h.createRun({ stage: 'draft', dataset: dataset.id }, s)).id);
    expect(run.done).toBe(8);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2900);
    await Promise.all(workers.map((w) => w.stop(2000)));
  });

  it('two stages on one endpoint share its concurrency and its requests per minute', async () => {
    // draft and revise both on the default endpoint: 2 in flight and 120 rpm (2 per second,
    // burst 2) for the two runs together; kept per stage, they would reach 4 and take half the time.
    // Limits are kept per endpoint (base URL + key) in the database: a key of its own keeps the
    // earlier tests' request budget on this server out of this one.
    const s = parsePipelineSettings({ COT_DEFAULT_BASE_URL: h.server.url, COT_DEFAULT_MODEL: 'm', COT_DEFAULT_API_KEY_ENV: 'TWO_STAGES_KEY', TWO_STAGES_KEY: `two-stages-${Date.now()}`, COT_DEFAULT_CONCURRENCY: '2', COT_DEFAULT_RPM: '120', COT_FRAMES_MAX: '2', COT_FRAMES_MAX_SIDE: '32' }).settings;
    const workers = [await h.startWorker({ settings: s }), await h.startWorker({ settings: s })];
    h.server.delayMs = 300;
    const drafts = await seedDataset(h.db, { items: items(4), withRepresentation: true });
    const revisions = await seedDataset(h.db, { items: Array.from({ length: 4 }, () => ({ draft: '<think>\nThe circle moves first.\n</think>\n<answer>A</answer>' })), withRepresentation: true });
    h.server.resetStats();
    const started = Date.now();
    const [a, b] = await Promise.all([h.createRun({ stage: 'draft', dataset: drafts.dataset.id }, s), h.createRun({ stage: 'revise', dataset: revisions.dataset.id }, s)]);
    const [ra, rb] = [await h.waitForRun(a.id), await h.waitForRun(b.id)];
    expect([ra.done, rb.done]).toEqual([4, 4]);
    expect(h.server.maxInFlight).toBe(2);
    // Eight requests at 2 per second with a burst of 2: at least 3 seconds.
    expect(Date.now() - started).toBeGreaterThanOrEqual(2900);
    await Promise.all(workers.map((w) => w.stop(2000)));
    h.server.delayMs = 150;
  });

  it('tokens per minute hold across workers', async () => {
    // 60 000 tokens a minute = 1 000 a second; each draft reply bills 880 tokens: six drafts
    // (5 280 tokens) need about 3.4 s beyond the first second's budget (less one reply's worth,
    // as a reply's tokens are counted once it is back); unlimited, they take well under 1 s.
    const s = parsePipelineSettings({ COT_DEFAULT_BASE_URL: h.server.url, COT_DEFAULT_MODEL: 'm', COT_DEFAULT_CONCURRENCY: '1', COT_DEFAULT_TPM: '60000' }).settings;
    const workers = [await h.startWorker({ settings: s }), await h.startWorker({ settings: s })];
    h.server.delayMs = 0;
    const { dataset } = await seedDataset(h.db, { items: items(6), withRepresentation: true });
    const started = Date.now();
    const run = await h.waitForRun((await h.createRun({ stage: 'draft', dataset: dataset.id }, s)).id);
    expect(run.done).toBe(6);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2500);
    await Promise.all(workers.map((w) => w.stop(2000)));
    h.server.delayMs = 150;
  });

  it('a request backing off after a 429 gives its slot to another item meanwhile', async () => {
    const s = parsePipelineSettings({ COT_DEFAULT_BASE_URL: h.server.url, COT_DEFAULT_MODEL: 'm', COT_DEFAULT_CONCURRENCY: '1' }).settings;
    const w = await h.startWorker({ settings: s });
    h.server.delayMs = 0;
    const { dataset } = await seedDataset(h.db, { items: [{ problem: 'first?' }, { problem: 'second?' }], withRepresentation: true });
    h.server.resetStats();
    h.server.enqueue({ kind: 'status', status: 429, headers: { 'retry-after': '1' } });
    const run = await h.waitForRun((await h.createRun({ stage: 'draft', dataset: dataset.id }, s)).id);
    expect(run.done).toBe(2);
    const asked = h.server.requests.map((r) => (JSON.stringify(r.body).includes('first?') ? 'first' : 'second'));
    // The endpoint allows one request at a time; the other item ran during the first one's backoff.
    expect(asked).toHaveLength(3);
    expect(asked[1]).not.toBe(asked[0]);
    expect(asked[2]).toBe(asked[0]);
    expect(h.server.maxInFlight).toBe(1);
    await w.stop(2000);
  });

  it('a lease not renewed (its worker was killed) frees its slot after it expires', async () => {
    const dead = new SlotLimiter(h.db, 'test:lease', 2, 'dead-worker', 3);
    await dead.ensure();
    expect(await dead.acquire(5)).toEqual([0, 1]);
    const alive = new SlotLimiter(h.db, 'test:lease', 2, 'live-worker', 3);
    expect(await alive.acquire(1)).toEqual([]);
    await h.db.$executeRawUnsafe(`UPDATE model_slot SET expires_at = now() - interval '1 second' WHERE limiter_key = 'test:lease' AND slot = 1`);
    expect(await alive.acquire(2)).toEqual([1]);
    expect(await dead.renew([0, 1])).toEqual([0]);
  });
});
