import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBatchSettings } from '@/lib/pipeline/batch/batch-settings';
import { cancelRun } from '@/lib/runs/cancel-run';
import { planRun } from '@/lib/runs/plan-run';
import { runCommand } from '@/cli/run-command';
import { retryRun } from '@/lib/runs/retry-run';
import { startBatchWorker } from '@/workers/batch-worker';
import { batchTick } from '@/lib/pipeline/batch/batch-tick';
import { seedDataset, startHarness, type Harness } from '../support/pipeline-harness';

// Batch API mode end to end: run creation, pg-boss batch ticks, the openai SDK's files and
// batches APIs, against the scripted Batch endpoint (test/support/scripted-batch-endpoint.ts).
let h: Harness;
let batchSettings: ReturnType<typeof parseBatchSettings>['settings'];
beforeAll(async () => {
  h = await startHarness();
  // A live worker too: it must take nothing of a batch run.
  await h.startWorker();
  ({ settings: batchSettings } = parseBatchSettings({ COT_BATCH_POLL_SECONDS: '0', COT_BATCH_MAX_REQUESTS_PER_FILE: '3', COT_BATCH_MAX_RESUBMISSIONS: '2' }));
  await startBatchWorker({ boss: h.boss, db: h.db, settings: h.settings, batch: batchSettings, state: { active: 0 }, holder: 'batch-test' });
}, 60_000);
afterAll(async () => h?.stop());

const liveChatRequests = () => h.server.requests.filter((r) => r.path.endsWith('/chat/completions')).length;

async function until<T>(what: string, f: () => Promise<T | null | undefined | false>, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await f();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('Batch API mode', () => {
  it('a draft run through every fault ends with each item done or failed with its reason, nothing duplicated, the ledger equal to the billed usage', async () => {
    const billed0 = { ...h.server.billed };
    const live0 = liveChatRequests();
    const { dataset, itemIds } = await seedDataset(h.db, { items: Array.from({ length: 8 }, () => ({})), withRepresentation: true });
    const f = h.server.batch.faults;
    f.failUploads = 1; // the first file fails to upload once
    f.expire = 1; // the first batch created expires with half its lines answered
    f.duplicateFirstLine = 1; // an output file repeats a line
    f.lineError = (body) => (/moves first\? \(5\)/.test(JSON.stringify(body)) ? { code: 'invalid_prompt', message: 'scripted: prompt refused' } : null);

    const created = await h.createRun({ stage: 'draft', dataset: dataset.id, mode: 'batch' });
    expect(created.mode).toBe('batch');
    const run = await h.waitForRun(created.id, 150_000);
    f.lineError = null;
    // Every scripted fault happened.
    expect(f).toMatchObject({ failUploads: 0, expire: 0, duplicateFirstLine: 0 });
    expect(run).toMatchObject({ status: 'completed', total: 8, done: 7, failed: 1 });

    const results = await h.results(run.id);
    for (const r of results) expect(r.status === 'done' || (r.status === 'failed' && r.error)).toBeTruthy();
    const failed = results.find((r) => r.status === 'failed')!;
    expect(failed.itemId).toBe(itemIds[5]);
    expect(failed.error).toBe('Batch API error (HTTP 400): scripted: prompt refused');

    // One draft per item, one ledger row per answered line (the duplicated line changed nothing).
    const drafts = await h.db.cotVersion.groupBy({ by: ['itemId'], where: { runId: run.id }, _count: true });
    expect(drafts.map((d) => d._count)).toEqual(Array(7).fill(1));
    const calls = await h.db.modelCall.findMany({ where: { runId: run.id } });
    expect(calls.every((c) => c.mode === 'batch')).toBe(true);
    expect(calls.filter((c) => c.status === 'ok')).toHaveLength(7);
    expect(calls.filter((c) => c.status === 'batch_error')).toHaveLength(1);
    expect(new Set(calls.map((c) => c.resultId)).size).toBe(8);

    // The ledger equals what the endpoint billed; the cost is at the batch price (half of $1 / $2 per M).
    const billed = { tokensIn: h.server.billed.tokensIn - billed0.tokensIn, tokensOut: h.server.billed.tokensOut - billed0.tokensOut };
    const tin = calls.reduce((a, c) => a + c.tokensIn, 0);
    const tout = calls.reduce((a, c) => a + c.tokensOut, 0);
    expect({ tokensIn: tin, tokensOut: tout }).toEqual(billed);
    expect(billed.tokensIn).toBeGreaterThan(0);
    const cost = calls.reduce((a, c) => a + (c.costUsd ?? 0), 0);
    expect(cost).toBeCloseTo((0.5 * (billed.tokensIn * 1 + billed.tokensOut * 2)) / 1e6, 9);
    expect(Number(run.tokensIn)).toBe(tin);
    expect(run.costUsd).toBeCloseTo(cost, 9);

    // The batches: the failed upload, the expired one, a resubmission of what it missed; no file over 3 requests.
    const batches = await h.db.modelBatch.findMany({ where: { runId: run.id }, orderBy: { id: 'asc' } });
    expect(batches.find((b) => b.state === 'failed')?.error).toMatch(/^Upload failed: /);
    const expired = batches.find((b) => b.state === 'expired')!;
    expect(expired).toBeTruthy();
    const resub = batches.find((b) => b.resubmissionOf === expired.id)!;
    expect(resub).toMatchObject({ generation: 1, state: 'completed' });
    expect(batches.every((b) => b.requestCount <= 3 && b.ingestedAt !== null)).toBe(true);
    // Nothing went live.
    expect(liveChatRequests()).toBe(live0);
  }, 200_000);

  it('a revise run goes through the Batch API too', async () => {
    const { dataset } = await seedDataset(h.db, { items: [{ draft: '<think>The circle moves first.</think><answer>A</answer>' }, { draft: '<think>The square.</think><answer>A</answer>' }], withRepresentation: true });
    const run = await h.waitForRun((await h.createRun({ stage: 'revise', dataset: dataset.id, mode: 'batch' })).id, 150_000);
    expect(run).toMatchObject({ status: 'completed', done: 2, failed: 0 });
    expect(await h.db.cotVersion.count({ where: { runId: run.id, kind: 'revision' } })).toBe(2);
  }, 200_000);

  it('cancel cancels the provider batch; resume sends what was not answered', async () => {
    const { dataset } = await seedDataset(h.db, { items: Array.from({ length: 4 }, () => ({})), withRepresentation: true });
    h.server.batch.faults.hold = true;
    const run = await h.createRun({ stage: 'draft', dataset: dataset.id, mode: 'batch' });
    await until('batches in progress', async () => (await h.db.modelBatch.count({ where: { runId: run.id, state: 'in_progress' } })) === 2);
    await cancelRun(h.db, run.id, { actorId: null });
    const cancelled = await until('the batches cancelled and read', async () => {
      const bs = await h.db.modelBatch.findMany({ where: { runId: run.id } });
      return bs.length === 2 && bs.every((b) => b.state === 'cancelled' && b.ingestedAt) ? bs : null;
    });
    for (const b of cancelled) expect(h.server.batch.batches.get(b.providerBatchId!)?.status).toBe('cancelled');
    expect(h.server.batch.calls.get('POST /batches/cancel')).toBe(2);
    await until('results cancelled', async () => (await h.db.stageResult.count({ where: { runId: run.id, status: 'cancelled' } })) === 4);
    // The tick that read the cancelled batches makes the counters exact as it ends.
    await until('counters exact', async () => (await h.db.pipelineRun.findUniqueOrThrow({ where: { id: run.id } })).cancelled === 4);
    expect(await h.db.pipelineRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ status: 'cancelled', cancelled: 4, done: 0 });

    h.server.batch.faults.hold = false;
    await retryRun(h.db, h.settings, run.id, { actorId: null });
    expect(await h.waitForRun(run.id, 150_000)).toMatchObject({ status: 'completed', done: 4, cancelled: 0 });
    expect(await h.db.modelCall.count({ where: { runId: run.id } })).toBe(4);
  }, 200_000);

  it('the plan says the mode and the cost at the batch price; the CLI takes --batch', async () => {
    const { dataset } = await seedDataset(h.db, { items: Array.from({ length: 3 }, () => ({})), withRepresentation: true });
    const live = await planRun(h.db, h.settings, { stage: 'draft', dataset: dataset.id });
    const batch = await planRun(h.db, h.settings, { stage: 'draft', dataset: dataset.id, mode: 'batch' });
    expect(live.mode).toBe('live');
    expect(batch).toMatchObject({ mode: 'batch', toRun: 3, estimate: { batchDiscount: 0.5, seconds: null, limitedBy: 'the Batch API: results within 24 h', requests: live.estimate.requests } });
    expect(batch.estimate.costUsd).toBeCloseTo(live.estimate.costUsd! * 0.5, 12);
    const lines: string[] = [];
    expect(await runCommand(['draft', '--dataset', dataset.name, '--batch', '--dry-run'], { log: (l) => lines.push(l) }, h.settings)).toBe(0);
    expect(lines.join('\n')).toMatch(/through the Batch API[\s\S]*at the batch price \(50% of live\), the Batch API: results within 24 h/);
  });

  it('refuses a stage that does not send one chat request, naming it', async () => {
    const { dataset } = await seedDataset(h.db, { items: [{}] });
    await expect(h.createRun({ stage: 'check', dataset: dataset.id, mode: 'batch' })).rejects.toThrow(/The check stage cannot run through the Batch API/);
  });

  it('one tick per run at a time; when the holder dies, its lease runs out and another worker continues', async () => {
    // This test drives the ticks itself: the worker stops taking them.
    await h.boss.offWork('batch.tick');
    const { dataset } = await seedDataset(h.db, { items: Array.from({ length: 2 }, () => ({})), withRepresentation: true });
    const run = await h.createRun({ stage: 'draft', dataset: dataset.id, mode: 'batch' });
    // Worker A holds the run (and dies holding it): worker B's tick does nothing.
    await h.db.$executeRawUnsafe(`UPDATE pipeline_run SET batch_lease_until = now() + interval '1 hour' WHERE id = $1::int`, run.id);
    const b = { db: h.db, settings: h.settings, batch: batchSettings, holder: 'worker-b' };
    expect(await batchTick(b, run.id)).toMatchObject({ next: 'soon', submitted: null });
    expect(await h.db.modelBatch.count({ where: { runId: run.id } })).toBe(0);
    // A's lease runs out: B sends the run's requests and follows its batch to the end.
    await h.db.$executeRawUnsafe(`UPDATE pipeline_run SET batch_lease_until = now() - interval '1 second' WHERE id = $1::int`, run.id);
    const first = await batchTick(b, run.id);
    expect(first.submitted).toMatchObject({ claimed: 2, batches: 1 });
    let last = first;
    for (let i = 0; i < 10 && last.next !== 'finished'; i++) last = await batchTick(b, run.id);
    expect(last.next).toBe('finished');
    expect(await h.db.pipelineRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ status: 'completed', done: 2, batchLeaseUntil: null });
  }, 60_000);
});
