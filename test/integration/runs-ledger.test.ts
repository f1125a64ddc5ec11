import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cancelRun } from '@/lib/runs/cancel-run';
import { getRun } from '@/lib/runs/get-run';
import { retryRun } from '@/lib/runs/retry-run';
import { runSpend } from '@/lib/runs/run-spend';
import { seedDataset, startHarness, type Harness } from '../support/pipeline-harness';

// The spend ledger: every model-call attempt is recorded, so run totals equal what the
// endpoint billed, through faults, a retry of the failures and a cancel + resume.
let h: Harness;
let worker: Awaited<ReturnType<Harness['startWorker']>>;
beforeAll(async () => {
  h = await startHarness({ env: { COT_DEFAULT_TIMEOUT_SECONDS: '1', COT_DEFAULT_MAX_RETRIES: '2', COT_DEFAULT_CONCURRENCY: '2' } });
  worker = await h.startWorker();
});
afterAll(async () => h?.stop());

async function ledgerTotals(runIds?: number[]) {
  const [r] = await h.db.$queryRawUnsafe<{ calls: number; tin: number; tout: number; cost: number }[]>(
    `SELECT count(*)::int AS calls, COALESCE(sum(tokens_in), 0)::int AS tin, COALESCE(sum(tokens_out), 0)::int AS tout, COALESCE(sum(cost_usd), 0)::float8 AS cost
       FROM model_call ${runIds ? 'WHERE run_id = ANY($1::int[])' : ''}`,
    ...(runIds ? [runIds] : []),
  );
  return r!;
}

describe('spend ledger', () => {
  it('totals equal the billed usage after faults, a retry of the failures and a cancel + resume', async () => {
    const billed0 = { ...h.server.billed };
    const { dataset } = await seedDataset(h.db, { items: Array.from({ length: 6 }, () => ({})), withRepresentation: true });
    // Faults per item (its question names it): requests to one item arrive in order.
    const seen = new Map<string, number>();
    const auto = h.server.respond;
    h.server.respond = (req) => {
      const item = /moves first\? \((\d)\)/.exec(JSON.stringify(req.body))?.[1] ?? '';
      const n = (seen.get(item) ?? 0) + 1;
      seen.set(item, n);
      // Billed, but unusable: the draft fails with the whole response kept.
      if (item === '0' && n === 1) return { kind: 'chat', content: 'The answer is A.', reasoning: 'thinking it over', usage: { prompt: 11, completion: 5 } };
      // Two failed attempts (nothing billed for them), then fine.
      if (item === '1' && n === 1) return { kind: 'status', status: 500 };
      if (item === '1' && n === 2) return { kind: 'status', status: 429, headers: { 'retry-after': '0' } };
      // Three 502s: the item fails after its retries.
      if (item === '2' && n <= 3) return { kind: 'status', status: 502, body: { error: { message: 'upstream down' } } };
      return auto(req);
    };
    const first = await h.waitForRun((await h.createRun({ stage: 'draft', dataset: dataset.id })).id);
    expect(first).toMatchObject({ status: 'completed', done: 4, failed: 2 });

    const results = await h.results(first.id);
    const noTags = results.find((r) => r.error?.startsWith('Draft is missing'))!;
    // The whole response, as a done draft keeps it: content, reasoning_content and usage.
    const body = JSON.parse(noTags.rawOutput!) as { choices: { message: { content: string; reasoning_content: string } }[]; usage: { prompt_tokens: number } };
    expect(body.choices[0]!.message).toMatchObject({ content: 'The answer is A.', reasoning_content: 'thinking it over' });
    expect(body.usage.prompt_tokens).toBe(11);

    // Failures group by cause: "(after N attempts)" does not split them.
    const detail = await getRun(h.db, first.id);
    expect(detail.failures.map((f) => f.message).sort()).toEqual(['Draft is missing <think>…</think> and <answer>…</answer>', 'HTTP 502 from the model endpoint: upstream down']);

    // Retrying the failures overwrites their results, never their spend.
    h.server.respond = auto;
    await retryRun(h.db, h.settings, first.id, { actorId: null });
    const retried = await h.waitForRun(first.id);
    expect(retried).toMatchObject({ status: 'completed', done: 6, failed: 0 });

    // A second run, cancelled while in flight, then resumed.
    h.server.delayMs = 300;
    const { dataset: ds2 } = await seedDataset(h.db, { items: Array.from({ length: 20 }, () => ({})), withRepresentation: true });
    const second = await h.createRun({ stage: 'draft', dataset: ds2.id });
    for (let i = 0; i < 100 && (await h.db.stageResult.count({ where: { runId: second.id, status: 'done' } })) < 2; i++) await new Promise((r) => setTimeout(r, 50));
    await cancelRun(h.db, second.id, { actorId: null });
    // Once settled, the counters never exceed the result rows.
    for (let i = 0; i < 100 && (await h.db.stageResult.count({ where: { runId: second.id, status: { in: ['pending', 'running'] } } })) > 0; i++) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 1200));
    const cancelled = await h.db.pipelineRun.findUniqueOrThrow({ where: { id: second.id } });
    const rows = await h.results(second.id);
    expect(cancelled.done).toBe(rows.filter((r) => r.status === 'done').length);
    expect(cancelled.done + cancelled.failed + cancelled.skipped + cancelled.cancelled).toBeLessThanOrEqual(rows.length);
    h.server.delayMs = 0;
    await retryRun(h.db, h.settings, second.id, { actorId: null });
    expect(await h.waitForRun(second.id)).toMatchObject({ status: 'completed', done: 20 });

    // The ledger equals what the server billed; each run's totals equal its ledger rows.
    await new Promise((r) => setTimeout(r, 1200));
    const billed = { tokensIn: h.server.billed.tokensIn - billed0.tokensIn, tokensOut: h.server.billed.tokensOut - billed0.tokensOut };
    const all = await ledgerTotals([first.id, second.id]);
    expect({ tokensIn: all.tin, tokensOut: all.tout }).toEqual(billed);
    // 6 + 20 items, 1 no-tags reply, 2 retried attempts, 3 failed attempts, then their retries.
    expect(all.calls).toBe(6 + 20 + 1 + 2 + 3);
    for (const id of [first.id, second.id]) {
      const run = await h.db.pipelineRun.findUniqueOrThrow({ where: { id } });
      const l = await ledgerTotals([id]);
      expect({ tokensIn: Number(run.tokensIn), tokensOut: Number(run.tokensOut) }).toEqual({ tokensIn: l.tin, tokensOut: l.tout });
      expect(run.costUsd).toBeCloseTo(l.cost, 9);
    }
    // Per model: every attempt, with failed and retried ones counted (prices are set: $1 / $2 per M).
    const spend = await runSpend(h.db, first.id);
    expect(spend).toHaveLength(1);
    expect(spend[0]).toMatchObject({ model: 'scripted-model', calls: 6 + 1 + 2 + 3 + 0, failedCalls: 1 + 1 + 3, retries: 1 + 1 + 2 });
    expect(spend[0]!.costUsd).toBeCloseTo((spend[0]!.tokensIn * 1 + spend[0]!.tokensOut * 2) / 1e6, 9);
  });

  it('with no price configured, spend says so instead of $0', async () => {
    const settings = (await import('@/lib/pipeline/settings')).parsePipelineSettings({
      COT_DEFAULT_BASE_URL: h.server.url,
      COT_DEFAULT_MODEL: 'unpriced-model',
      COT_DEFAULT_CONCURRENCY: '2',
    }).settings;
    await worker.stop(2000);
    const w = await h.startWorker({ settings });
    const { dataset } = await seedDataset(h.db, { items: [{}], withRepresentation: true });
    const run = await h.waitForRun((await h.createRun({ stage: 'draft', dataset: dataset.id }, settings)).id);
    await w.stop(2000);
    const detail = await getRun(h.db, run.id);
    expect(detail.run.priceSet).toBe(false);
    expect(detail.spend.find((s) => s.model === 'unpriced-model')?.costUsd).toBeNull();
  });
});
