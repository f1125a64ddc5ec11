import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDataset, startHarness, type Harness } from '../support/pipeline-harness';
import { demoItems } from '@/demo/records';
import { demoDraftStepTruth } from '@/demo/planted-steps';
import { getItemSteps } from '@/lib/steps/get-item-steps';

// The evidence stage through the real path (run creation, queue, worker, OpenAI SDK) against the
// scripted server, which answers from the demo's known ground truth (demo/planted-steps.ts).
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ env: { COT_DEFAULT_TIMEOUT_SECONDS: '1', COT_DEFAULT_MAX_RETRIES: '2', COT_DEFAULT_CONCURRENCY: '2' } });
  await h.startWorker();
});
afterAll(async () => h?.stop());

const demo = demoItems();
const norm = (s: string) => s.trim().replace(/\s+/g, ' ');

async function evidenceRows(versionIds: number[]) {
  return h.db.stepEvidence.findMany({ where: { versionId: { in: versionIds } }, orderBy: [{ versionId: 'asc' }, { stepIndex: 'asc' }] });
}

describe('evidence stage', () => {
  it('finds the demo drafts’ planted errors: share of wrong steps flagged contradicted, share of correct steps flagged', async () => {
    const { dataset, itemIds } = await seedDataset(h.db, { items: demo.map((d) => ({ draft: d.draft.text, revision: d.revision.text })) });
    const run = await h.waitForRun((await h.createRun({ stage: 'evidence', dataset: dataset.id })).id, 60_000);
    expect(run).toMatchObject({ status: 'completed', failed: 0 });
    const truth = new Map(demoDraftStepTruth().map((t) => [t.text, t.wrong]));
    let wrong = 0;
    let wrongFlagged = 0;
    let correct = 0;
    let correctFlagged = 0;
    for (const itemId of itemIds) {
      const steps = await getItemSteps(h.db, itemId);
      const item = await h.db.item.findUniqueOrThrow({ where: { id: itemId }, include: { cotVersions: true } });
      const draft = steps.versions.find((v) => v.kind === 'draft')!;
      const text = item.cotVersions.find((c) => c.id === draft.versionId)!.text;
      const flagged = new Set(draft.evidence.filter((e) => e.verdict === 'contradicted').map((e) => e.stepIndex));
      for (const s of draft.steps.filter((x) => x.kind === 'reasoning')) {
        const isWrong = truth.get(norm(text.slice(s.start, s.end)));
        expect(isWrong).not.toBeUndefined();
        if (isWrong) {
          wrong++;
          if (flagged.has(s.index)) wrongFlagged++;
        } else {
          correct++;
          if (flagged.has(s.index)) correctFlagged++;
        }
      }
      // The revisions fix the planted errors: nothing in them is contradicted, so the item's count is 0.
      expect(item.contradictedSteps).toBe(steps.versions.find((v) => v.kind === 'revision')!.contradicted);
    }
    const recall = wrongFlagged / wrong;
    const falseAlarms = correctFlagged / correct;
    console.log(`evidence on the demo drafts: ${wrongFlagged}/${wrong} wrong steps flagged contradicted (${(100 * recall).toFixed(0)}%), ${correctFlagged}/${correct} correct steps flagged (${(100 * falseAlarms).toFixed(1)}%)`);
    expect(wrong).toBeGreaterThan(5);
    expect(recall).toBeGreaterThanOrEqual(0.8);
    expect(falseAlarms).toBe(0);
    // Each verdict records the frames it was checked on, the model, prompt version and tokens.
    const [row] = await h.db.stepEvidence.findMany({ where: { verdict: 'contradicted' }, take: 1 });
    expect(row).toMatchObject({ model: 'scripted-model', promptVersion: 'evidence/v1' });
    expect((row!.frames as number[]).length).toBeGreaterThan(0);
    expect(row!.tokensIn).toBeGreaterThan(0);
  });

  it('a contradicted draft step raises the item’s risk and is counted when the draft is the CoT under review', async () => {
    const planted = demo.find((d) => d.plantedError?.answerWrong)!;
    const { dataset, itemIds } = await seedDataset(h.db, { items: [{ draft: planted.draft.text }] });
    await h.waitForRun((await h.createRun({ stage: 'evidence', dataset: dataset.id })).id);
    const item = await h.db.item.findUniqueOrThrow({ where: { id: itemIds[0]! } });
    expect(item.contradictedSteps).toBeGreaterThan(0);
    expect(item.riskScore).toBeGreaterThan(0);
    expect(item.riskComponents).toMatchObject({ contradictedSteps: expect.any(Number) });
  });

  it('retries a 5xx, and a retried or forced run never duplicates verdicts', async () => {
    const d = demo[0]!;
    const { dataset, itemIds } = await seedDataset(h.db, { items: [{ draft: d.draft.text }] });
    h.server.enqueue({ kind: 'status', status: 503 });
    const run = await h.waitForRun((await h.createRun({ stage: 'evidence', dataset: dataset.id })).id);
    expect(run).toMatchObject({ status: 'completed', done: 1, failed: 0 });
    const item = await h.db.item.findUniqueOrThrow({ where: { id: itemIds[0]! } });
    const first = await evidenceRows([item.currentDraftId!]);
    expect(first.length).toBeGreaterThan(3);
    // Same model and prompt: skipped unless forced; forced: the same rows, updated in place.
    const again = await h.waitForRun((await h.createRun({ stage: 'evidence', dataset: dataset.id })).id);
    expect(again).toMatchObject({ skipped: 1 });
    const forced = await h.waitForRun((await h.createRun({ stage: 'evidence', dataset: dataset.id, force: true })).id);
    expect(forced).toMatchObject({ done: 1 });
    const second = await evidenceRows([item.currentDraftId!]);
    expect(second.map((r) => [r.stepIndex, r.verdict])).toEqual(first.map((r) => [r.stepIndex, r.verdict]));
    expect(second.every((r) => r.runId === forced.id)).toBe(true);
  });

  it('a reply that is not JSON, or that misses a claim, fails the item with the raw reply and writes nothing', async () => {
    const d = demo[1]!;
    const { dataset, itemIds } = await seedDataset(h.db, { items: [{ draft: d.draft.text }, { draft: d.draft.text }] });
    h.server.enqueue({ kind: 'chat', content: 'I think they are all fine.' }, { kind: 'chat', content: '{"claims": [{"id": "d0", "verdict": "supported", "reason": "ok"}]}' });
    const run = await h.waitForRun((await h.createRun({ stage: 'evidence', dataset: dataset.id })).id);
    expect(run).toMatchObject({ status: 'completed', failed: 2 });
    const results = await h.results(run.id);
    expect(results.map((r) => r.error).sort()).toEqual([expect.stringMatching(/^The evidence reply has no verdict for claims /), 'The evidence reply is not JSON']);
    expect(results.every((r) => r.rawOutput !== null)).toBe(true);
    const items = await h.db.item.findMany({ where: { id: { in: itemIds } } });
    expect(await evidenceRows(items.map((i) => i.currentDraftId!))).toEqual([]);
  });
});
