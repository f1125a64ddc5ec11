import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDataset, startHarness, type Harness } from '../support/pipeline-harness';

// Every fault an OpenAI-compatible endpoint can throw at a draft run, from the scripted server.
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ env: { COT_DEFAULT_TIMEOUT_SECONDS: '1', COT_DEFAULT_MAX_RETRIES: '2', COT_DEFAULT_CONCURRENCY: '1' } });
  await h.startWorker();
});
afterAll(async () => h?.stop());

async function draftOne() {
  const { dataset, itemIds } = await seedDataset(h.db, { items: [{}], withRepresentation: true });
  h.server.resetStats();
  const started = Date.now();
  const run = await h.waitForRun((await h.createRun({ stage: 'draft', dataset: dataset.id })).id);
  const [result] = await h.results(run.id);
  const item = await h.db.item.findUniqueOrThrow({ where: { id: itemIds[0]! }, include: { cotVersions: true } });
  return { run, result: result!, item, elapsedMs: Date.now() - started, requests: h.server.requests.length };
}

describe('model endpoint faults', () => {
  it('429 is retried no sooner than Retry-After says', async () => {
    h.server.enqueue({ kind: 'status', status: 429, headers: { 'retry-after': '1' }, body: { error: { message: 'Rate limit reached' } } });
    const r = await draftOne();
    expect(r.result.status).toBe('done');
    expect(r.requests).toBe(2);
    expect(r.elapsedMs).toBeGreaterThanOrEqual(1000);
    expect(r.item.cotVersions).toHaveLength(1);
  });

  it('5xx is retried with backoff until it succeeds', async () => {
    h.server.enqueue({ kind: 'status', status: 500 }, { kind: 'status', status: 503 });
    const r = await draftOne();
    expect(r.result.status).toBe('done');
    expect(r.requests).toBe(3);
  });

  it('5xx that never stops fails the item after the retries, with the server message', async () => {
    h.server.enqueue(...Array.from({ length: 3 }, () => ({ kind: 'status' as const, status: 502, body: { error: { message: 'upstream down' } } })));
    const r = await draftOne();
    expect(r.requests).toBe(3);
    expect(r.result).toMatchObject({ status: 'failed', error: 'HTTP 502 from the model endpoint: upstream down (after 3 attempts)' });
    expect(r.run).toMatchObject({ status: 'completed', failed: 1 });
    expect(r.item.lastError).toBe('draft: HTTP 502 from the model endpoint: upstream down (after 3 attempts)');
  });

  it('a request that times out is retried', async () => {
    h.server.enqueue({ kind: 'hang' });
    const r = await draftOne();
    expect(r.result.status).toBe('done');
    expect(r.requests).toBe(2);
    expect(r.elapsedMs).toBeGreaterThanOrEqual(1000);
  });

  it('an endpoint that never answers fails the item with the timeout', async () => {
    h.server.enqueue({ kind: 'hang' }, { kind: 'hang' }, { kind: 'hang' });
    const r = await draftOne();
    expect(r.result).toMatchObject({ status: 'failed', error: 'Model endpoint did not answer within 1 s (after 3 attempts)' });
  });

  it('a body that is not JSON is a failed result with the body kept', async () => {
    h.server.enqueue({ kind: 'raw', body: '{"choices": [{"message": {"content": "<think>cut off' });
    const r = await draftOne();
    expect(r.requests).toBe(1);
    expect(r.result).toMatchObject({ status: 'failed', error: 'Model endpoint returned a body that is not JSON', rawOutput: '{"choices": [{"message": {"content": "<think>cut off' });
  });

  it('JSON that is not a chat completion is a failed result with the body kept', async () => {
    h.server.enqueue({ kind: 'raw', body: '{"result": "ok"}' });
    const r = await draftOne();
    expect(r.result).toMatchObject({ status: 'failed', error: 'Model endpoint returned JSON that is not a chat completion', rawOutput: '{"result": "ok"}' });
  });

  it('a reply without the tags is a failed result with the text and the spent tokens kept', async () => {
    h.server.enqueue({ kind: 'chat', content: 'The answer is A.', usage: { prompt: 11, completion: 5 } });
    const r = await draftOne();
    expect(r.result).toMatchObject({ status: 'failed', error: 'Draft is missing <think>…</think> and <answer>…</answer>', tokensIn: 11, tokensOut: 5 });
    // The whole response is kept, as for a done draft (content, usage, …).
    expect(JSON.parse(r.result.rawOutput!)).toMatchObject({ choices: [{ message: { content: 'The answer is A.' } }], usage: { prompt_tokens: 11, completion_tokens: 5 } });
    expect(r.run.tokensIn).toBe(11n);
    expect(r.item.cotVersions).toHaveLength(0);
  });

  it('a reasoning model thinking in a separate field is kept beside the CoT', async () => {
    h.server.enqueue({ kind: 'chat', content: '<think>I can see it.</think><answer>A</answer>', reasoning: 'internal monologue', reasoningField: 'reasoning' });
    const r = await draftOne();
    expect(r.item.cotVersions[0]).toMatchObject({ reasoningContent: 'internal monologue', text: '<think>\nI can see it.\n</think>\n<answer>A</answer>' });
  });

  it('a reasoning model thinking inside the content keeps the CoT that precedes the answer', async () => {
    h.server.enqueue({ kind: 'chat', content: '<think>my own thoughts</think>\n\n<think>The video shows A.</think>\n<answer>A</answer>' });
    const r = await draftOne();
    expect(r.item.cotVersions[0]!.text).toBe('<think>\nThe video shows A.\n</think>\n<answer>A</answer>');
  });

  it('401 is not retried and says to check the key', async () => {
    h.server.enqueue({ kind: 'status', status: 401, body: { error: { message: 'Incorrect API key provided' } } });
    const r = await draftOne();
    expect(r.requests).toBe(1);
    expect(r.result.error).toBe('HTTP 401 from the model endpoint: Incorrect API key provided — check the API key (COT_<STAGE>_API_KEY_ENV)');
  });

  it('a Retry-After longer than we wait fails instead of blocking a worker', async () => {
    h.server.enqueue({ kind: 'status', status: 429, headers: { 'retry-after': '3600' } });
    const r = await draftOne();
    expect(r.requests).toBe(1);
    expect(r.result.error).toMatch(/^HTTP 429 rate limited by the model endpoint: scripted status 429 \(server asked to wait 3600 s, longer than we wait\)/);
  });

  it('failures are retried from the run, and the retried items succeed', async () => {
    const { dataset } = await seedDataset(h.db, { items: [{}, {}, {}], withRepresentation: true });
    h.server.enqueue({ kind: 'chat', content: 'no tags' }, { kind: 'raw', body: 'not json' });
    const run = await h.waitForRun((await h.createRun({ stage: 'draft', dataset: dataset.id })).id);
    expect(run).toMatchObject({ done: 1, failed: 2 });
    const { retryRun } = await import('@/lib/runs/retry-run');
    expect(await retryRun(h.db, h.settings, run.id, { actorId: null })).toEqual({ requeued: 2 });
    const after = await h.waitForRun(run.id);
    expect(after).toMatchObject({ status: 'completed', done: 3, failed: 0 });
    const results = await h.results(run.id);
    expect(results.map((r) => r.attempts).sort()).toEqual([1, 2, 2]);
    await expect(retryRun(h.db, h.settings, run.id, { actorId: null })).rejects.toThrow(/nothing to retry/);
  });
});
