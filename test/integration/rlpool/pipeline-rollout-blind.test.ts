import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemFilterWhere } from '../../support/item-filter-oracle';
import { parseItemFilter } from '@/lib/items/filter';
import { seedDataset, startHarness, type Harness } from '../../support/pipeline-harness';
import { questionBucket } from '../../support/scripted-model-server';

// rollout and blind run like every stage (runs, jobs, retries, faults) against the scripted
// server, which answers the trainers' template per question bucket and seed: bucket 0 always
// right (A), bucket 1 right on even seeds, bucket 2 always wrong (B).
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ env: { COT_ROLLOUT_K: '4', COT_BLIND_K: '2', COT_DEFAULT_TIMEOUT_SECONDS: '1', COT_DEFAULT_MAX_RETRIES: '2' } });
  await h.startWorker();
});
afterAll(async () => h?.stop());

/** A question whose first line falls in `bucket`. */
function questionIn(bucket: number, salt: string): string {
  for (let i = 0; ; i++) {
    const q = `Which shape moves first? ${salt}-${i}`;
    if (questionBucket(q) === bucket) return q;
  }
}

describe('rollout', () => {
  it('asks k times with the trainers template, scores each answer, stores pass count and rate', async () => {
    const { dataset, itemIds } = await seedDataset(h.db, { items: [0, 1, 2].map((b) => ({ problem: questionIn(b, 'r') })) });
    h.server.resetStats();
    const run = await h.waitForRun((await h.createRun({ stage: 'rollout', dataset: dataset.id })).id);
    expect(run).toMatchObject({ status: 'completed', done: 3, failed: 0 });
    expect(h.server.requests).toHaveLength(12);
    const bodies = h.server.requests.map((r) => r.body as { seed?: number; messages: { content: unknown }[] });
    expect(new Set(bodies.map((b) => b.seed))).toEqual(new Set([0, 1, 2, 3]));
    // Frames go with the question (the policy sees the video).
    expect(JSON.stringify(bodies[0]!.messages)).toContain('image_url');
    expect(JSON.stringify(bodies[0]!.messages)).toContain('pondering deeply');

    const items = await h.db.item.findMany({ where: { id: { in: itemIds } }, orderBy: { id: 'asc' } });
    expect(items.map((i) => [i.rolloutK, i.rolloutPass, i.passRate])).toEqual([
      [4, 4, 1],
      [4, 2, 0.5],
      [4, 0, 0],
    ]);
    expect(items[1]!.rolloutMeanScore).toBeCloseTo(0.5);
    expect(items[1]!.rolloutModel).toBe('scripted-model');
    expect(items[1]!.rolloutAnswers).toEqual([
      { answer: 'A', score: 1, correct: true, formatOk: true },
      { answer: 'B', score: 0, correct: false, formatOk: true },
      { answer: 'A', score: 1, correct: true, formatOk: true },
      { answer: 'B', score: 0, correct: false, formatOk: true },
    ]);
    const [result] = await h.results(run.id);
    expect(result!.tokensIn).toBeGreaterThan(0);

    // The difficulty filters pick them apart.
    const count = (q: Record<string, string>) => h.db.item.count({ where: itemFilterWhere(parseItemFilter({ dataset: String(dataset.id), ...q })) });
    expect([await count({ difficulty: 'all-pass' }), await count({ difficulty: 'all-fail' }), await count({ difficulty: 'mixed' })]).toEqual([1, 1, 1]);

    // Done with this model: a second run skips every item; a forced one asks again, same answers.
    const again = await h.waitForRun((await h.createRun({ stage: 'rollout', dataset: dataset.id })).id);
    expect(again).toMatchObject({ total: 3, skipped: 3 });
    const forced = await h.waitForRun((await h.createRun({ stage: 'rollout', dataset: dataset.id, force: true })).id);
    expect(forced).toMatchObject({ done: 3 });
    expect((await h.db.item.findMany({ where: { id: { in: itemIds } }, orderBy: { id: 'asc' } })).map((i) => i.passRate)).toEqual([1, 0.5, 0]);
  });

  it('retries 429 and 5xx inside a rollout; an endpoint that keeps failing fails the item and keeps its old figures', async () => {
    const { dataset, itemIds } = await seedDataset(h.db, { items: [{ problem: questionIn(0, 'f') }] });
    h.server.resetStats();
    h.server.enqueue({ kind: 'status', status: 429, headers: { 'retry-after': '0' } }, { kind: 'status', status: 503 });
    const ok = await h.waitForRun((await h.createRun({ stage: 'rollout', dataset: dataset.id })).id);
    expect(ok).toMatchObject({ done: 1, failed: 0 });
    expect(h.server.requests).toHaveLength(6);

    h.server.enqueue(...Array.from({ length: 3 }, () => ({ kind: 'status' as const, status: 502, body: { error: { message: 'upstream down' } } })));
    const bad = await h.waitForRun((await h.createRun({ stage: 'rollout', dataset: dataset.id, force: true })).id);
    expect(bad).toMatchObject({ status: 'completed', failed: 1 });
    const item = await h.db.item.findUniqueOrThrow({ where: { id: itemIds[0]! } });
    expect(item.lastError).toContain('upstream down');
    expect(item.passRate).toBe(1);
  });

  it('an answer without tags scores as wrong (the training reward), not as a failure', async () => {
    const { dataset, itemIds } = await seedDataset(h.db, { items: [{ problem: questionIn(0, 't') }] });
    h.server.enqueue({ kind: 'chat', content: 'I think it is A.' });
    const run = await h.waitForRun((await h.createRun({ stage: 'rollout', dataset: dataset.id })).id);
    expect(run).toMatchObject({ done: 1, failed: 0 });
    const item = await h.db.item.findUniqueOrThrow({ where: { id: itemIds[0]! } });
    expect(item).toMatchObject({ rolloutK: 4, rolloutPass: 3 });
    expect((item.rolloutAnswers as { formatOk: boolean }[])[0]!.formatOk).toBe(false);
  });
});

describe('blind', () => {
  it('asks a text-only question k times and flags the items answerable without the video', async () => {
    const { dataset, itemIds } = await seedDataset(h.db, { items: [0, 2].map((b) => ({ problem: questionIn(b, 'b') })) });
    h.server.resetStats();
    const run = await h.waitForRun((await h.createRun({ stage: 'blind', dataset: dataset.id })).id);
    expect(run).toMatchObject({ status: 'completed', done: 2 });
    expect(h.server.requests).toHaveLength(4);
    for (const r of h.server.requests) expect(JSON.stringify(r.body)).not.toContain('image_url');
    const items = await h.db.item.findMany({ where: { id: { in: itemIds } }, orderBy: { id: 'asc' } });
    expect(items.map((i) => [i.blindK, i.blindPass, i.blindAnswerable])).toEqual([
      [2, 2, true],
      [2, 0, false],
    ]);
    expect(await h.db.item.count({ where: itemFilterWhere(parseItemFilter({ dataset: String(dataset.id), blindAnswerable: 'true' })) })).toBe(1);
  });
});
