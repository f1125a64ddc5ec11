import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { queue } from '@/lib/queue/client';
import { cancelRun } from '@/lib/runs/cancel-run';
import { retryRun } from '@/lib/runs/retry-run';
import { enqueueStageJobs, stageJobId } from '@/lib/runs/stage-jobs';
import { seedDataset, startHarness, type Harness } from '../support/pipeline-harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ env: { COT_DEFAULT_CONCURRENCY: '1' }, server: { delayMs: 100 } });
});
afterAll(async () => h?.stop());

const jobsOf = (runId: number) =>
  h.db.$queryRawUnsafe<{ id: string; state: string; singleton_key: string; result_id: number }[]>(
    `SELECT id::text, state::text, singleton_key, (data->>'resultId')::int AS result_id FROM pgboss.job WHERE (data->>'runId')::int = $1 ORDER BY 4`,
    runId,
  );

describe('runs', () => {
  it('creates the run, its results and its jobs together, with deterministic job ids', async () => {
    const { dataset } = await seedDataset(h.db, { items: [{ type: 'numerical', answer: '3' }, {}, { type: 'numerical', answer: '4' }], withRepresentation: true });
    const run = await h.createRun({ stage: 'draft', dataset: dataset.name, filter: 'type=numerical' });
    expect(run).toMatchObject({ status: 'queued', total: 2, filter: { dataset: String(dataset.id), type: 'numerical' }, promptVersion: 'v1' });
    expect(run.modelConfig).toMatchObject({ model: 'scripted-model', baseUrl: h.server.url, maxConcurrency: 1 });
    expect(run.modelConfig).toMatchObject({ apiKeyEnv: 'TEST_MODEL_KEY' });
    expect(run.modelConfig).not.toHaveProperty('apiKey');
    expect(JSON.stringify(run.modelConfig)).not.toContain('sk-test-secret');
    const results = await h.results(run.id);
    const jobs = await jobsOf(run.id);
    expect(jobs.map((j) => j.id)).toEqual(results.map((r) => stageJobId('draft', r.id, 0)));
    expect(jobs.map((j) => j.singleton_key)).toEqual(results.map((r) => `result:${r.id}`));

    // Enqueueing the same results again adds nothing.
    await h.db.$transaction((tx) => enqueueStageJobs(tx, { stage: 'draft', runId: run.id, results: results.map((r) => ({ id: r.id, attempts: 0 })), expireInSeconds: 60 }));
    expect(await jobsOf(run.id)).toHaveLength(2);
    const audit = await h.db.auditEvent.findFirst({ where: { action: 'run.start', subjectId: String(run.id) } });
    expect(audit?.data).toMatchObject({ stage: 'draft', total: 2, skipped: 0 });
  });

  it('writes nothing when queueing the jobs fails', async () => {
    const { dataset } = await seedDataset(h.db, { items: [{}, {}], withRepresentation: true });
    const boss = await queue();
    const spy = vi.spyOn(boss, 'insert').mockRejectedValueOnce(new Error('queue unavailable'));
    await expect(h.createRun({ stage: 'draft', dataset: dataset.id })).rejects.toThrow('queue unavailable');
    spy.mockRestore();
    expect(await h.db.pipelineRun.count({ where: { datasetId: dataset.id } })).toBe(0);
    expect(await h.db.stageResult.count({ where: { item: { datasetId: dataset.id } } })).toBe(0);
  });

  it('represent makes one result per video, shared by its questions', async () => {
    const { dataset } = await seedDataset(h.db, { items: [{}, {}, {}], sharedVideo: true });
    const run = await h.createRun({ stage: 'represent', dataset: dataset.id });
    const results = await h.results(run.id);
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ itemId: null, stage: 'represent' });
    await cancelRun(h.db, run.id, { actorId: null });
  });

  it('rejects a filter it cannot read, naming the field', async () => {
    const { dataset } = await seedDataset(h.db, { items: [{}] });
    await expect(h.createRun({ stage: 'check', dataset: dataset.id, filter: 'type=essay' })).rejects.toThrow(/type/);
    await expect(h.createRun({ stage: 'check', dataset: 'no-such-dataset' })).rejects.toThrow('Dataset "no-such-dataset" not found');
  });

  it('cancel drops queued jobs, lets in-flight work finish, and a retry resumes the rest', async () => {
    const w = await h.startWorker();
    const { dataset, itemIds } = await seedDataset(h.db, { items: Array.from({ length: 8 }, (_, i) => ({ problem: `cancel-me ${i}?` })), withRepresentation: true });
    const asked = () => h.server.requests.filter((r) => JSON.stringify(r.body).includes('cancel-me')).length;
    const run = await h.createRun({ stage: 'draft', dataset: dataset.id });
    await expect.poll(async () => h.db.stageResult.count({ where: { runId: run.id, status: 'done' } }), { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
    const { cancelled } = await cancelRun(h.db, run.id, { actorId: null });
    expect(cancelled).toBeGreaterThan(0);
    await expect(cancelRun(h.db, run.id, { actorId: null })).rejects.toThrow(/only a queued or running run can be cancelled/);

    // Once the request in flight has finished, nothing else runs.
    await expect.poll(async () => h.db.stageResult.count({ where: { runId: run.id, status: 'running' } }), { timeout: 10_000 }).toBe(0);
    const requestsAfterCancel = h.server.requests.length;
    await new Promise((r) => setTimeout(r, 500));
    expect(h.server.requests.length).toBe(requestsAfterCancel);
    // Queued jobs were dropped; those a worker had already taken ended without a request.
    const jobs = await jobsOf(run.id);
    expect(jobs.every((j) => j.state === 'cancelled' || j.state === 'completed')).toBe(true);
    expect(jobs.filter((j) => j.state === 'cancelled').length).toBeGreaterThan(0);
    const stopped = await h.db.pipelineRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(stopped.status).toBe('cancelled');
    expect(stopped.done + stopped.cancelled).toBe(8);
    // Every request made for this run produced a result: none started after the cancel.
    expect(asked()).toBe(stopped.done);

    const { requeued } = await retryRun(h.db, h.settings, run.id, { actorId: null });
    expect(requeued).toBe(stopped.cancelled);
    const resumed = await h.waitForRun(run.id);
    expect(resumed).toMatchObject({ status: 'completed', done: 8, cancelled: 0 });
    expect(await h.db.cotVersion.count({ where: { itemId: { in: itemIds } } })).toBe(8);
    await w.stop(1000);
  });
});
