import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimResult } from '@/lib/pipeline/result/claim-result';
import { SlotLimiter } from '@/lib/models/limits/slot-limiter';
import { listWorkers } from '@/lib/runs/list-workers';
import { REQUEUED_PRIORITY, requeueResultsOfDeadWorkers } from '@/lib/runs/requeue-dead-workers';
import { seedDataset, startHarness, type Harness } from '../support/pipeline-harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.stop());

describe('results held by a dead worker', () => {
  it('go back to the queue once its heartbeat is stale, while a live worker keeps its own', async () => {
    const { dataset } = await seedDataset(h.db, { items: [{}, {}, {}], withRepresentation: true });
    const run = await h.createRun({ stage: 'draft', dataset: dataset.id });
    // Two workers took the jobs (the queue now lists them active, for 15 minutes) and claimed
    // the results; one of them then died.
    const jobs = await h.boss.fetch('stage.draft', { batchSize: 3 });
    expect(jobs).toHaveLength(3);
    await h.db.workerHeartbeat.createMany({
      data: [
        { id: 'dead-worker', hostname: 'h', pid: 1, lastSeenAt: new Date(Date.now() - 60_000) },
        { id: 'live-worker', hostname: 'h', pid: 2, lastSeenAt: new Date() },
      ],
    });
    const [a, b, c] = await h.results(run.id);
    await claimResult(h.db, a!.id, 'dead-worker');
    await claimResult(h.db, b!.id, 'dead-worker');
    await claimResult(h.db, c!.id, 'live-worker');
    await h.db.stageResult.updateMany({ where: { runId: run.id }, data: { startedAt: new Date(Date.now() - 60_000) } });

    expect(await requeueResultsOfDeadWorkers(h.db, { staleSeconds: 10, jobExpireSeconds: 900 })).toBe(2);
    expect(await requeueResultsOfDeadWorkers(h.db, { staleSeconds: 10, jobExpireSeconds: 900 })).toBe(0);

    const w = await h.startWorker();
    await expect.poll(async () => (await h.results(run.id)).map((r) => r.status), { timeout: 20_000 }).toEqual(['done', 'done', 'running']);
    const results = await h.results(run.id);
    expect(results.map((r) => r.attempts)).toEqual([2, 2, 1]);
    await w.stop(1000);
  });

  it('free their model slots at detection, go to the front of the queue, and the worker shows as gone', async () => {
    const { dataset } = await seedDataset(h.db, { items: [{}, {}], withRepresentation: true });
    const run = await h.createRun({ stage: 'draft', dataset: dataset.id });
    const jobs = await h.boss.fetch('stage.draft', { batchSize: 2 });
    expect(jobs).toHaveLength(2);
    await h.db.workerHeartbeat.create({ data: { id: 'dead-2', hostname: 'h', pid: 3, lastSeenAt: new Date(Date.now() - 60_000) } });
    // The dead worker holds 2 of the endpoint's 3 slots, leased for another 5 minutes.
    const slots = new SlotLimiter(h.db, 'test:dead-endpoint', 3, 'dead-2', 300);
    await slots.ensure();
    expect(await slots.acquire(2)).toHaveLength(2);
    const [a] = await h.results(run.id);
    await claimResult(h.db, a!.id, 'dead-2');
    await h.db.stageResult.updateMany({ where: { id: a!.id }, data: { startedAt: new Date(Date.now() - 60_000) } });
    // Newer work queued behind it: a requeued result must not wait behind a whole run.
    const later = await seedDataset(h.db, { items: [{}, {}], withRepresentation: true });
    await h.createRun({ stage: 'draft', dataset: later.dataset.id });

    expect(await requeueResultsOfDeadWorkers(h.db, { staleSeconds: 10, jobExpireSeconds: 900 })).toBe(1);
    // Free at detection, not when the leases expire.
    expect(await SlotLimiter.inUse(h.db, 'test:dead-endpoint')).toBe(0);
    const [next] = await h.boss.fetch('stage.draft', { batchSize: 1, includeMetadata: true });
    expect(next).toMatchObject({ data: { resultId: a!.id }, priority: REQUEUED_PRIORITY });
    const workers = await listWorkers(h.db, { staleSeconds: 10 });
    expect(workers.find((w) => w.id === 'dead-2')).toMatchObject({ live: false, goneAt: expect.any(String) });
  });
});
