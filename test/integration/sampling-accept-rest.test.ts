import { describe, expect, it } from 'vitest';
import { testDb } from '../support/db';
import { seedReviewDataset, seedUser } from '../support/seed-items';
import { drawSample } from '@/lib/sampling/draw-sample';
import { getSampleStatus } from '@/lib/sampling/sample-status';
import { prepareAcceptRest } from '@/lib/bulk/prepare-accept-rest';
import { samplingDecisionsForManifest } from '@/lib/sampling/manifest';
import { prepareBulkAction } from '@/lib/bulk/prepare-bulk-action';
import { applyBulkAction } from '@/lib/bulk/apply-bulk-action';
import { undoBulkAction } from '@/lib/bulk/undo-bulk-action';

const db = testDb();

async function decide(datasetId: number, ids: number[], type: 'accept' | 'reject') {
  const p = await prepareBulkAction(db, {
    selection: { kind: 'ids', dataset: datasetId, ids },
    operation: type === 'accept' ? { type: 'accept', version: 'revision-else-draft' } : { type: 'reject', reason: 'bad CoT' },
    actorId: null,
  });
  await applyBulkAction(db, { id: p.id, actorId: null });
}

const sampleIds = async (sampleId: number) =>
  (await db.acceptanceSampleItem.findMany({ where: { sampleId }, select: { itemId: true }, orderBy: { itemId: 'asc' } })).map((r) => r.itemId);

describe('acceptance sampling', () => {
  it('draws a uniform sample of the pending items, sized from confidence and margin, reproducibly', async () => {
    const { datasetId, items } = await seedReviewDataset(db, 220);
    await decide(datasetId, items.slice(0, 20).map((i) => i.id), 'accept'); // already decided: not in the population
    const filter = `dataset=${datasetId}`;
    const a = await drawSample(db, { filter, confidence: 0.9, margin: 0.1, bar: 0.8, actorId: null, seed: 'fixed-seed' });
    expect(a).toMatchObject({ population: 200, size: 51 }); // 67.6 for an infinite population, corrected for 200
    const ids = await sampleIds(a.id);
    expect(ids).toHaveLength(51);
    const decided = new Set(items.slice(0, 20).map((i) => i.id));
    expect(ids.some((id) => decided.has(id))).toBe(false);
    // Spread over the population, not its first rows.
    expect(ids[ids.length - 1]! - ids[0]!).toBeGreaterThan(150);

    const b = await drawSample(db, { filter, confidence: 0.9, margin: 0.1, bar: 0.8, actorId: null, seed: 'fixed-seed' });
    expect(await sampleIds(b.id)).toEqual(ids);
    const c = await drawSample(db, { filter, confidence: 0.9, margin: 0.1, bar: 0.8, actorId: null, seed: 'other-seed' });
    expect(await sampleIds(c.id)).not.toEqual(ids);
    expect(await db.auditEvent.count({ where: { action: 'sample.draw', subjectId: String(a.id) } })).toBe(1);
  });

  it('estimates the good share as decisions come in and accepts the rest when the lower bound clears the bar', async () => {
    const actor = await seedUser(db, 'sampler');
    const { datasetId } = await seedReviewDataset(db, 200);
    const drawn = await drawSample(db, { filter: `dataset=${datasetId}`, confidence: 0.9, margin: 0.1, bar: 0.8, actorId: actor });
    const ids = await sampleIds(drawn.id);

    let status = await getSampleStatus(db, drawn.id);
    expect(status).toMatchObject({ tally: { good: 0, bad: 0, pending: 51 }, canAcceptRest: false, rest: 149 });
    expect(status.interval).toMatchObject({ low: 0, high: 1 });
    await expect(prepareAcceptRest(db, { sampleId: drawn.id, actorId: actor })).rejects.toThrow(/51 of 51 are still pending/);

    await decide(datasetId, ids.slice(0, 30), 'accept');
    status = await getSampleStatus(db, drawn.id);
    expect(status.tally).toMatchObject({ good: 30, bad: 0, pending: 21 });
    expect(status.interval.low).toBeGreaterThan(0.8); // already above the bar, but the sample is not complete
    expect(status.canAcceptRest).toBe(false);

    await decide(datasetId, ids.slice(30, 50), 'accept');
    await decide(datasetId, ids.slice(50), 'reject');
    status = await getSampleStatus(db, drawn.id);
    expect(status.tally).toEqual({ good: 50, bad: 1, skipped: 0, pending: 0 });
    expect(status.interval.estimate).toBeCloseTo(50 / 51, 10);
    expect(status.canAcceptRest).toBe(true);

    const prepared = await prepareAcceptRest(db, { sampleId: drawn.id, actorId: actor });
    expect(prepared.count).toBe(149);
    const applied = await applyBulkAction(db, { id: prepared.id, actorId: actor });
    expect(applied.changed).toBe(149);
    expect(await db.item.count({ where: { datasetId, reviewStatus: 'accepted' } })).toBe(199);
    expect(await db.item.count({ where: { datasetId, reviewStatus: 'rejected' } })).toBe(1);

    // The estimate, the sample and the bar are kept: in the audit event and for the export manifest.
    const audit = await db.auditEvent.findFirst({ where: { action: 'bulk.accept', subjectId: String(prepared.id) } });
    expect(audit?.data).toMatchObject({ count: 149, sample: { sampleId: drawn.id, size: 51, bar: 0.8, confidence: 0.9, good: 50, bad: 1 } });
    const manifest = await samplingDecisionsForManifest(db, { datasetId });
    expect(manifest).toEqual([
      expect.objectContaining({ sampleId: drawn.id, population: 200, size: 51, bar: 0.8, good: 50, bad: 1, acceptedItems: 149, bulkActionId: prepared.id, decidedById: actor }),
    ]);
    expect(manifest[0]!.low).toBeCloseTo(status.interval.low, 10);
    await expect(prepareAcceptRest(db, { sampleId: drawn.id, actorId: actor })).rejects.toThrow(/already decided/);

    // Undoing the bulk accept reopens the sample and withdraws it from the manifest.
    await undoBulkAction(db, { id: prepared.id, actorId: actor });
    expect((await getSampleStatus(db, drawn.id)).state).toBe('open');
    expect(await samplingDecisionsForManifest(db, { datasetId })).toEqual([]);
  });

  it('refuses to accept the rest when the interval is not above the bar, even if it was when prepared', async () => {
    const { datasetId } = await seedReviewDataset(db, 60);
    const drawn = await drawSample(db, { filter: `dataset=${datasetId}`, confidence: 0.95, margin: 0.2, bar: 0.7, actorId: null });
    const ids = await sampleIds(drawn.id);
    await decide(datasetId, ids, 'accept');
    const prepared = await prepareAcceptRest(db, { sampleId: drawn.id, actorId: null });
    // Before the confirmation is clicked, a reviewer rejects half of the sample.
    await decide(datasetId, ids.slice(0, Math.ceil(ids.length / 2)), 'reject');
    await expect(applyBulkAction(db, { id: prepared.id, actorId: null })).rejects.toThrow(/not above the bar/);
    expect(await db.item.count({ where: { datasetId, reviewStatus: 'pending' } })).toBe(60 - ids.length);
    await expect(prepareAcceptRest(db, { sampleId: drawn.id, actorId: null })).rejects.toThrow(/not above the bar/);
  });

  it('refuses a filter with no pending items, or a sample of a sample', async () => {
    const { datasetId, items } = await seedReviewDataset(db, 3);
    await decide(datasetId, items.map((i) => i.id), 'accept');
    await expect(drawSample(db, { filter: `dataset=${datasetId}`, confidence: 0.95, margin: 0.05, bar: 0.9, actorId: null })).rejects.toThrow(/no pending items/);
    await expect(drawSample(db, { filter: `dataset=${datasetId}&sample=1`, confidence: 0.95, margin: 0.05, bar: 0.9, actorId: null })).rejects.toThrow(/already a sample/);
  });
});
