import { describe, expect, it } from 'vitest';
import { testDb } from '../support/db';
import { seedReviewDataset, seedUser } from '../support/seed-items';
import { getDashboard } from '@/lib/dashboard/get-dashboard';
import { prepareBulkAction } from '@/lib/bulk/prepare-bulk-action';
import { applyBulkAction } from '@/lib/bulk/apply-bulk-action';
import { undoBulkAction } from '@/lib/bulk/undo-bulk-action';

const db = testDb();

describe('the dashboard', () => {
  it('counts items per stage and status, bins the scores, and counts decisions per day and reviewer', async () => {
    const reviewer = await seedUser(db, 'dash-reviewer');
    const { datasetId, items } = await seedReviewDataset(db, 10, { cots: (k) => (k < 6 ? 'both' : k < 8 ? 'draft' : 'none') });
    await db.item.update({ where: { id: items[0]!.id }, data: { lastError: 'timeout' } });
    // Scores chosen to land in known bins of 20: 0 → bin 1, 0.5 → bin 11, 1 → bin 20.
    await db.item.updateMany({ where: { id: { in: [items[1]!.id, items[2]!.id] } }, data: { draftScore: 0, consistencyScore: 0.5 } });
    await db.item.update({ where: { id: items[3]!.id }, data: { draftScore: 0.5, consistencyScore: 1 } });

    const accept = await prepareBulkAction(db, { selection: { kind: 'ids', dataset: datasetId, ids: items.slice(0, 4).map((i) => i.id) }, operation: { type: 'accept', version: 'revision-else-draft' }, actorId: reviewer });
    await applyBulkAction(db, { id: accept.id, actorId: reviewer });
    const reject = await prepareBulkAction(db, { selection: { kind: 'ids', dataset: datasetId, ids: [items[4]!.id] }, operation: { type: 'reject', reason: 'x' }, actorId: null });
    await applyBulkAction(db, { id: reject.id, actorId: null });
    // An undone decision is no longer counted.
    const undone = await prepareBulkAction(db, { selection: { kind: 'ids', dataset: datasetId, ids: [items[5]!.id] }, operation: { type: 'reject', reason: 'y' }, actorId: null });
    await applyBulkAction(db, { id: undone.id, actorId: null });
    await undoBulkAction(db, { id: undone.id, actorId: null });

    const d = await getDashboard(db, { datasetId, days: 7 });
    expect(d.total).toBe(10);
    const stage = (s: string) => d.stages.find((x) => x.stage === s)!.counts;
    expect(stage('failed')).toEqual({ pending: 0, accepted: 1, rejected: 0, skipped: 0, needs_adjudication: 0 });
    expect(stage('revised')).toEqual({ pending: 1, accepted: 3, rejected: 1, skipped: 0, needs_adjudication: 0 });
    expect(stage('drafted')).toEqual({ pending: 2, accepted: 0, rejected: 0, skipped: 0, needs_adjudication: 0 });
    expect(stage('new')).toEqual({ pending: 2, accepted: 0, rejected: 0, skipped: 0, needs_adjudication: 0 });
    expect(d.pipeline).toMatchObject({ drafted: 8, revised: 6, failed: 1, consistency: 3 });

    expect(d.histograms.draftScore.bins[0]).toBe(2);
    expect(d.histograms.draftScore.bins[10]).toBe(1);
    expect(d.histograms.draftScore.bins[19]).toBe(5); // the seeded score 1 goes in the last bin
    expect(d.histograms.draftScore.missing).toBe(2);
    expect(d.histograms.consistencyScore.bins[10]).toBe(2);
    expect(d.histograms.consistencyScore.bins[19]).toBe(1);
    expect(d.histograms.consistencyScore.missing).toBe(7);

    const decided = await db.review.findFirstOrThrow({ where: { bulkActionId: accept.id } });
    const today = decided.createdAt.toISOString().slice(0, 10);
    expect(d.acceptance).toEqual([{ day: today, accepted: 4, rejected: 1 }]);
    expect(d.perReviewerDay).toEqual(
      expect.arrayContaining([
        { day: today, reviewerId: reviewer, decisions: 4 },
        { day: today, reviewerId: null, decisions: 1 },
      ]),
    );
    expect(d.reviewers).toEqual(expect.arrayContaining([{ id: reviewer, name: 'dash-reviewer' }]));
  });
});
