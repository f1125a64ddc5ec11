import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDataset, startHarness, type Harness } from '../support/pipeline-harness';
import { demoItems } from '@/demo/records';
import { saveEdit } from '@/lib/review/save-edit';
import { getItemSteps } from '@/lib/steps/get-item-steps';

// item.contradicted_steps (and the risk built on it) describes the CoT under review. When that CoT
// is replaced — a re-run revise, a reviewer's edit — the old text's verdicts stay on the old
// version, and the item's count follows the new text (migration 20261204400001).
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ env: { COT_DEFAULT_TIMEOUT_SECONDS: '1', COT_DEFAULT_MAX_RETRIES: '2', COT_DEFAULT_CONCURRENCY: '2' } });
  await h.startWorker();
});
afterAll(async () => h?.stop());

const planted = demoItems().find((d) => d.plantedError?.answerWrong)!;

async function contradictedDraft() {
  const { dataset, itemIds } = await seedDataset(h.db, { items: [{ draft: planted.draft.text }] });
  const itemId = itemIds[0]!;
  await h.waitForRun((await h.createRun({ stage: 'evidence', dataset: dataset.id })).id);
  const item = await h.db.item.findUniqueOrThrow({ where: { id: itemId } });
  expect(item.contradictedSteps).toBeGreaterThan(0);
  expect(item.riskComponents).toMatchObject({ contradictedSteps: expect.any(Number) });
  return { datasetId: dataset.id, itemId, draftId: item.currentDraftId! };
}

const contradictedOn = async (versionId: number) => h.db.stepEvidence.count({ where: { versionId, verdict: 'contradicted' } });

describe('contradicted steps follow the CoT under review', () => {
  it('a revise run replaces the text: the item’s count and risk drop to the new revision’s (none checked yet); the draft keeps its verdicts', async () => {
    const { datasetId, itemId, draftId } = await contradictedDraft();
    const before = await contradictedOn(draftId);
    const run = await h.waitForRun((await h.createRun({ stage: 'revise', dataset: datasetId })).id);
    expect(run).toMatchObject({ status: 'completed', done: 1 });
    const item = await h.db.item.findUniqueOrThrow({ where: { id: itemId } });
    expect(item.currentRevisionId).not.toBeNull();
    expect(item.contradictedSteps).toBe(0);
    expect(item.riskComponents).not.toHaveProperty('contradictedSteps');
    expect(await contradictedOn(draftId)).toBe(before); // history: the draft's verdicts stay on the draft
    const steps = await getItemSteps(h.db, itemId);
    expect(steps.versions.find((v) => v.versionId === item.currentRevisionId)?.contradicted ?? 0).toBe(0);
    // Sending the revision back makes the draft the CoT under review again: its count returns.
    await h.db.item.update({ where: { id: itemId }, data: { currentRevisionId: null } });
    expect((await h.db.item.findUniqueOrThrow({ where: { id: itemId } })).contradictedSteps).toBe(before);
  });

  it('a reviewer’s edit replaces the text: the count is the edit’s; evidence run again on the older draft is not counted', async () => {
    const { datasetId, itemId, draftId } = await contradictedDraft();
    await saveEdit(h.db, { itemId, baseVersionId: draftId, text: planted.revision.text, expectedRev: (await h.db.item.findUniqueOrThrow({ where: { id: itemId } })).rev, accept: false, actorId: null });
    const item = await h.db.item.findUniqueOrThrow({ where: { id: itemId } });
    expect(item.contradictedSteps).toBe(0);
    expect(item.riskComponents).not.toHaveProperty('contradictedSteps');
    // A forced evidence run rewrites the draft's verdicts; the edit is still what is under review.
    const forced = await h.waitForRun((await h.createRun({ stage: 'evidence', dataset: datasetId, force: true })).id);
    expect(forced).toMatchObject({ done: 1 });
    expect(await contradictedOn(draftId)).toBeGreaterThan(0);
    expect((await h.db.item.findUniqueOrThrow({ where: { id: itemId } })).contradictedSteps).toBe(0);
  });
});
