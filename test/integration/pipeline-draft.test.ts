import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDataset, startHarness, type Harness } from '../support/pipeline-harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.startWorker();
});
afterAll(async () => h?.stop());

describe('draft stage', () => {
  it('drafts every selected item, keeping the reasoning model thinking, usage, cost and raw reply', async () => {
    const { dataset, itemIds } = await seedDataset(h.db, { items: [{}, {}, { answer: 'B' }], withRepresentation: true });
    h.server.resetStats();
    const run = await h.createRun({ stage: 'draft', dataset: dataset.name, filter: 'hasDraft=false' });
    expect(run.total).toBe(3);
    const done = await h.waitForRun(run.id);
    expect(done).toMatchObject({ status: 'completed', done: 3, failed: 0, skipped: 0 });
    expect(Number(done.tokensIn)).toBe(3 * 700);
    expect(Number(done.tokensOut)).toBe(3 * 180);
    expect(done.costUsd).toBeCloseTo((3 * 700 * 1 + 3 * 180 * 2) / 1e6, 9);

    const items = await h.db.item.findMany({ where: { id: { in: itemIds } }, orderBy: { id: 'asc' }, include: { cotVersions: true } });
    for (const it of items) {
      expect(it.cotVersions).toHaveLength(1);
      const v = it.cotVersions[0]!;
      expect(v).toMatchObject({ kind: 'draft', model: 'scripted-model', promptVersion: 'draft/v1', tokensIn: 700, tokensOut: 180, runId: run.id, formatOk: true, answer: 'A' });
      expect(v.reasoningContent).toContain('the description says');
      expect(v.text).toMatch(/^<think>\n[\s\S]+\n<\/think>\n<answer>A<\/answer>$/);
      expect((v.rawOutput as { choices: unknown[] }).choices).toHaveLength(1);
      expect(v.latencyMs).toBeGreaterThanOrEqual(0);
      expect(it.currentDraftId).toBe(v.id);
      expect(it.cotLength).toBe(v.text.length);
    }
    expect(items.map((i) => i.draftCorrect)).toEqual([true, true, false]);

    // The prompt is text only: the representation, the question with its options, the answer format.
    const body = h.server.requests[0]!.body as { model: string; messages: { role: string; content: string }[] };
    expect(body.model).toBe('scripted-model');
    expect(h.server.requests[0]!.headers.authorization).toBe('Bearer sk-test-secret');
    const user = body.messages.find((m) => m.role === 'user')!.content;
    expect(typeof user).toBe('string');
    expect(user).toContain('Coloured shapes move across a plain background.');
    expect(user).toContain('A. circle');
    expect(user).toContain('single option letter');
  });

  it('skips items already drafted with the same model and prompt version unless forced', async () => {
    const { dataset } = await seedDataset(h.db, { items: [{}, {}], withRepresentation: true });
    const first = await h.waitForRun((await h.createRun({ stage: 'draft', dataset: dataset.id })).id);
    expect(first.done).toBe(2);

    const again = await h.createRun({ stage: 'draft', dataset: dataset.id });
    expect(again).toMatchObject({ status: 'completed', total: 2, skipped: 2 });

    const other = await h.waitForRun((await h.createRun({ stage: 'draft', dataset: dataset.id, overrides: { model: 'another-model', temperature: 0.2 } })).id);
    expect(other).toMatchObject({ done: 2, skipped: 0 });
    const sent = h.server.requests.at(-1)!.body as { model: string; temperature: number };
    expect(sent).toMatchObject({ model: 'another-model', temperature: 0.2 });

    const forced = await h.waitForRun((await h.createRun({ stage: 'draft', dataset: dataset.id, force: true })).id);
    expect(forced).toMatchObject({ done: 2, skipped: 0 });
    const versions = await h.db.cotVersion.count({ where: { item: { datasetId: dataset.id } } });
    expect(versions).toBe(6);
  });

  it('fails an item whose video has no representation, with a message saying what to do', async () => {
    const { dataset, itemIds } = await seedDataset(h.db, { items: [{}] });
    const run = await h.waitForRun((await h.createRun({ stage: 'draft', dataset: dataset.id })).id);
    expect(run).toMatchObject({ status: 'completed', failed: 1, done: 0 });
    const [r] = await h.results(run.id);
    expect(r!.error).toMatch(/no representation yet: run represent first/);
    const item = await h.db.item.findUniqueOrThrow({ where: { id: itemIds[0]! } });
    expect(item.lastError).toMatch(/^draft: .*run represent first/);
  });
});
