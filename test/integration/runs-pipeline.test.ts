import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '@/cli/run-command';
import { advanceChain } from '@/lib/runs/chain-next-stage';
import { cancelPipelineRun, createPipelineRun, getPipelineRun, retryPipelineRun, type PipelinePlan } from '@/lib/runs/pipeline-run';
import { autoResponder, representation, type Responder } from '../support/scripted-model-server';
import { seedDataset, startHarness, type Harness } from '../support/pipeline-harness';

// A pipeline run ("run the missing stages first"): items with no representation go through
// represent → draft → revise → check, each item moving on as soon as its previous stage is
// done; failures stop the item with their reason; nothing is queued twice.

// Items whose problem mentions "(unanswerable)" get a draft without any reasoning tags: their
// draft fails, and their later stages must stop with that reason.
const respond: Responder = (req) => {
  const text = JSON.stringify(req.body.messages ?? '');
  if (text.includes('(unanswerable)') && !text.includes('video_caption') && !text.includes('# Draft reasoning')) {
    return { kind: 'chat', content: 'I would rather not say.', usage: { prompt: 50, completion: 5 } };
  }
  return autoResponder(req);
};

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ server: { respond } });
});
afterAll(async () => h?.stop());

async function waitForPipeline(runId: number, timeoutMs = 100_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = (await getPipelineRun(h.db, runId))!;
    if (v.status !== 'running') return v;
    if (Date.now() > deadline) throw new Error(`pipeline run ${runId} still running: ${JSON.stringify(v.stages.map((s) => [s.stage, s.counts]))}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Jobs ever queued per result (live and archived), for one pipeline run's runs. */
async function jobsPerResult(runIds: number[]) {
  return h.db.$queryRawUnsafe<{ key: string; name: string; n: number }[]>(
    `SELECT singleton_key AS key, name, count(*)::int AS n FROM (
       SELECT singleton_key, name, data FROM pgboss.job UNION ALL SELECT singleton_key, name, data FROM pgboss.archive) j
      WHERE (data->>'runId')::int = ANY($1::int[]) GROUP BY 1, 2`,
    runIds,
  );
}

describe('pipeline run', () => {
  it('a killed or duplicated job never queues the next stage twice', { timeout: 120_000 }, async () => {
    // No worker yet: the represent jobs wait in the queue.
    const { dataset, itemIds, videoIds } = await seedDataset(h.db, { items: [{}, {}, {}], sharedVideo: true });
    expect(videoIds).toHaveLength(1);
    const created = await createPipelineRun(h.db, h.settings, { stage: 'draft', dataset: dataset.name }, { actorId: null });
    expect(created.runs.map((r) => r.stage)).toEqual(['represent', 'draft']);
    const [rep, draft] = created.runs;
    expect(await jobsPerResult([draft!.id])).toEqual([]);

    // A worker saved the represent result and was killed before its job completed: the
    // representation is there, the job is still queued. Moving the item on runs twice, at once.
    const repResult = await h.db.stageResult.findFirstOrThrow({ where: { runId: rep!.id } });
    await h.db.stageResult.update({ where: { id: repResult.id }, data: { status: 'done', attempts: 1, finishedAt: new Date() } });
    await h.db.$executeRawUnsafe(`UPDATE video SET representation = $2::jsonb WHERE id = $1::int`, videoIds[0], JSON.stringify(representation(['00:00:00', '00:00:01', '00:00:02'], 3)));
    await Promise.all([1, 2, 3].map(() => advanceChain(h.db, { runId: rep!.id, resultId: repResult.id, expireInSeconds: 60 })));
    let jobs = await jobsPerResult([draft!.id]);
    // One video-level result released all three items of that video, each once.
    expect(jobs).toHaveLength(itemIds.length);
    expect(jobs.every((j) => j.n === 1)).toBe(true);

    // The worker starts: the represent job comes back (a duplicate now) and moves nothing twice.
    await h.startWorker();
    const v = await waitForPipeline(created.id);
    expect(v.status).toBe('completed');
    jobs = await jobsPerResult([rep!.id, draft!.id]);
    expect(jobs).toHaveLength(1 + itemIds.length);
    expect(jobs.every((j) => j.n === 1)).toBe(true);
    expect(v.stages.map((s) => [s.stage, s.counts.done])).toEqual([
      ['represent', 1],
      ['draft', 3],
    ]);
    // One draft each: no item was drafted twice.
    expect(await h.db.cotVersion.count({ where: { itemId: { in: itemIds }, kind: 'draft' } })).toBe(3);
  });

  it('items with no representation end checked (or failed with the reason); counts equal the plan and the results', { timeout: 120_000 }, async () => {
    const seeded = await seedDataset(h.db, { items: Array.from({ length: 6 }, (_, i) => ({ problem: i === 2 ? 'What is shown? (unanswerable)' : `Which shape moves first? (${i})` })) });
    const { dataset, itemIds } = seeded;
    // One item already has a representation, a draft and a revision: only its check runs.
    await h.db.$executeRawUnsafe(`UPDATE video SET representation = $2::jsonb WHERE id = $1::int`, seeded.videoIds[5], JSON.stringify(representation(['00:00:00', '00:00:01', '00:00:02'], 3)));
    for (const kind of ['draft', 'revision'] as const) {
      const cv = await h.db.cotVersion.create({ data: { itemId: itemIds[5]!, kind, text: '<think>The circle moves first.</think><answer>A</answer>', model: 'seed', promptVersion: `${kind}/v0` } });
      await h.db.item.update({ where: { id: itemIds[5]! }, data: kind === 'draft' ? { currentDraftId: cv.id } : { currentRevisionId: cv.id } });
    }

    // The single-stage plan says why: draft cannot run yet.
    const lines: string[] = [];
    expect(await runCommand(['check', '--dataset', dataset.name, '--with-missing-stages', '--dry-run', '--json'], { log: (l) => lines.push(l) }, h.settings)).toBe(0);
    const plan = JSON.parse(lines.join('\n')) as PipelinePlan;
    expect(plan.items).toBe(6);
    expect(plan.stages.map((s) => [s.stage, s.matching, s.toRun, s.skipped])).toEqual([
      ['represent', 6, 5, 1],
      ['draft', 6, 5, 1],
      ['revise', 6, 5, 1],
      ['check', 6, 6, 0],
    ]);
    const draftPlan = plan.stages[1]!;
    expect(draftPlan.estimate.requests).toBe(5);
    expect(draftPlan.estimate.costUsd).toBeGreaterThan(0);
    expect(plan.total.requests).toBe(15);
    expect(plan.total.seconds).toBeGreaterThan(0);
    expect(await h.db.pipelineRun.count({ where: { datasetId: dataset.id } })).toBe(0);

    const out: string[] = [];
    const code = await runCommand(['check', '--dataset', dataset.name, '--with-missing-stages', '--wait', '--json'], { log: (l) => out.push(l) }, h.settings);
    expect(code).toBe(3); // one item failed
    const v = JSON.parse(out.join('\n')) as NonNullable<Awaited<ReturnType<typeof getPipelineRun>>>;
    expect(v.status).toBe('completed');
    // Per-stage counts equal the plan and the result rows.
    for (const [n, s] of v.stages.entries()) {
      const p = plan.stages[n]!;
      expect(s.stage).toBe(p.stage);
      expect(s.total).toBe(p.matching);
      expect(s.counts.skipped).toBe(p.skipped);
      expect(s.counts.done + s.counts.failed).toBe(p.toRun);
      const rows = await h.db.stageResult.groupBy({ by: ['status'], where: { runId: s.runId }, _count: true });
      expect(Object.fromEntries(rows.map((r) => [r.status, r._count]))).toEqual(Object.fromEntries(Object.entries(s.counts).filter(([, n]) => n > 0)));
      const run = await h.db.pipelineRun.findUniqueOrThrow({ where: { id: s.runId } });
      expect({ done: run.done, failed: run.failed, skipped: run.skipped }).toEqual({ done: s.counts.done, failed: s.counts.failed, skipped: s.counts.skipped });
    }
    // Every item is checked, except the one whose draft failed: it stopped there, with its reason.
    const checks = await h.db.stageResult.findMany({ where: { runId: v.stages[3]!.runId }, orderBy: { itemId: 'asc' } });
    expect(checks.filter((c) => c.status === 'done').map((c) => c.itemId)).toEqual(itemIds.filter((_, i) => i !== 2));
    const failedDraft = await h.db.stageResult.findFirstOrThrow({ where: { runId: v.stages[1]!.runId, itemId: itemIds[2]! } });
    expect(failedDraft.status).toBe('failed');
    const stopped = checks.find((c) => c.itemId === itemIds[2]!)!;
    expect(stopped.status).toBe('failed');
    expect(stopped.error).toBe(`Stopped at draft: ${failedDraft.error}`);
    expect(v.failedItems).toBe(1);
    // 0 duplicates: one job per result, one draft and one revision per item that ran.
    const jobs = await jobsPerResult(v.stages.map((s) => s.runId));
    expect(jobs.every((j) => j.n === 1)).toBe(true);
    expect(jobs).toHaveLength(5 + 5 + 4 + 5);
    expect(await h.db.cotVersion.count({ where: { itemId: { in: itemIds }, kind: 'draft', model: 'scripted-model' } })).toBe(4);
    expect(await h.db.cotVersion.count({ where: { itemId: { in: itemIds }, kind: 'revision', model: 'scripted-model' } })).toBe(4);
    // Spend comes from the ledger: every call of every stage.
    const calls = await h.db.modelCall.count({ where: { runId: { in: v.stages.map((s) => s.runId) } } });
    expect(v.stages.reduce((a, s) => a + s.tokensIn, 0)).toBeGreaterThan(0);
    // Priced endpoints here (check calls no model: nothing to price).
    expect(v.stages.map((s) => s.priceSet)).toEqual([true, true, true, true]);
    expect(v.stages[1]!.costUsd).toBeGreaterThan(0);
    expect(calls).toBe(5 + 5 + 4);

    // Retry: the failed draft runs again (still failing: the same reason), its later stages
    // go back to waiting behind it and stop again; nothing else runs twice.
    const r = await retryPipelineRun(h.db, h.settings, v.stages[2]!.runId, { actorId: null });
    expect(r).toMatchObject({ id: v.id, requeued: 3, released: 1 });
    const again = await waitForPipeline(v.id);
    expect(again.stages.map((s) => s.counts)).toEqual(v.stages.map((s) => s.counts));
    expect(await h.db.modelCall.count({ where: { runId: { in: v.stages.map((s) => s.runId) } } })).toBe(calls + 1);
  });

  it('cancel stops every stage; resume finishes the items', { timeout: 120_000 }, async () => {
    const { dataset, itemIds } = await seedDataset(h.db, { items: Array.from({ length: 4 }, () => ({})) });
    h.server.respond = async (req) => {
      await new Promise((r) => setTimeout(r, 150));
      return respond(req);
    };
    try {
      const created = await createPipelineRun(h.db, h.settings, { stage: 'revise', dataset: dataset.id }, { actorId: null });
      const c = await cancelPipelineRun(h.db, created.id, { actorId: null });
      expect(c.id).toBe(created.id);
      const cancelled = await waitForPipeline(created.id);
      expect(cancelled.status).toBe('cancelled');
      const left = cancelled.stages.reduce((a, s) => a + s.counts.cancelled, 0);
      expect(left).toBeGreaterThan(0);
      // Requests in flight at the cancel finish and are kept.
      const runIds = cancelled.stages.map((s) => s.runId);
      await expect.poll(() => h.db.stageResult.count({ where: { runId: { in: runIds }, status: 'running' } }), { timeout: 30_000 }).toBe(0);
      await retryPipelineRun(h.db, h.settings, created.id, { actorId: null });
      const done = await waitForPipeline(created.id);
      expect(done.status).toBe('completed');
      expect(done.stages.map((s) => [s.stage, s.counts.done])).toEqual([
        ['represent', 4],
        ['draft', 4],
        ['revise', 4],
      ]);
      expect(await h.db.cotVersion.count({ where: { itemId: { in: itemIds }, kind: 'revision' } })).toBe(4);
    } finally {
      h.server.respond = respond;
    }
  });
});
