import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptVersion } from '@/lib/review/accept-version';
import { rejectItem } from '@/lib/review/reject-item';
import { skipItem } from '@/lib/review/skip-item';
import { undoDecision } from '@/lib/review/undo-decision';
import { saveEdit } from '@/lib/review/save-edit';
import { prepareBulkAction } from '@/lib/bulk/prepare-bulk-action';
import { applyBulkAction } from '@/lib/bulk/apply-bulk-action';
import { undoBulkAction } from '@/lib/bulk/undo-bulk-action';
import { withRawClient } from '@/lib/db/raw-client';
import { importRecords } from '@/lib/import/import-records';
import { sortedAggregates } from '@/lib/dashboard/dashboard-aggregates';
import { readRawAggregates } from '@/lib/dashboard/raw-aggregates';
import { foldRollups, readRollupAggregates } from '@/lib/dashboard/rollup-aggregates';
import { getDashboard } from '@/lib/dashboard/get-dashboard';
import { listDatasets } from '@/lib/datasets/list-datasets';
import { seedDataset, startHarness, testClipDir, type Harness } from '../support/pipeline-harness';
import { seedUser } from '../support/seed-items';
import { record, writeJsonl } from '../support/import-helpers';

// The dashboard reads rollups that triggers keep current on every write to items, reviews and
// videos (prisma/migrations/20261203150000_dashboard_rollups). Whatever the write path —
// single decisions, bulk actions and their undo, pipeline runs, imports, deletes — the rollups
// must say exactly what counting the tables says.

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.startWorker();
});
afterAll(async () => h?.stop());

async function expectRollupsMatchTables(datasetId: number) {
  const [rollup, raw] = await Promise.all([readRollupAggregates(h.db, { datasetId, days: 30 }), readRawAggregates(h.db, { datasetId, days: 30 })]);
  expect(sortedAggregates(rollup)).toEqual(sortedAggregates(raw));
  // The datasets page counts items per review status from the same rollup.
  const listed = (await listDatasets(h.db)).find((d) => d.id === datasetId)!;
  const counted = await h.db.item.groupBy({ by: ['reviewStatus'], where: { datasetId }, _count: { _all: true } });
  expect(listed.byStatus).toEqual(Object.fromEntries(counted.map((c) => [c.reviewStatus, c._count._all])));
  expect(listed.items).toBe(counted.reduce((a, c) => a + c._count._all, 0));
  return raw;
}

const rev = async (itemId: number) => (await h.db.item.findUniqueOrThrow({ where: { id: itemId }, select: { rev: true } })).rev;
const versionOf = async (itemId: number, kind: 'draft' | 'revision') => (await h.db.cotVersion.findFirstOrThrow({ where: { itemId, kind }, orderBy: { id: 'desc' } })).id;

describe('dashboard rollups', () => {
  it('equal the raw aggregates after decisions, bulk actions, undo, runs, imports and deletes', async () => {
    const reviewer = await seedUser(h.db, 'rollup-reviewer');
    const { dataset, itemIds: ids } = await seedDataset(h.db, {
      items: [
        { draft: '<think>a</think><answer>A</answer>', revision: '<think>a2</think><answer>A</answer>' },
        { draft: '<think>b</think><answer>B</answer>', revision: '<think>b2</think><answer>A</answer>' },
        { draft: '<think>c</think><answer>A</answer>' },
        { draft: '<think>d</think><answer>B</answer>' },
        {},
        {},
      ],
    });
    const datasetId = dataset.id;
    const start = await expectRollupsMatchTables(datasetId);
    expect(start.stageRows.reduce((a, r) => a + r.n, 0)).toBe(6);

    // Pipeline runs: represent (videos gain a representation), draft, check (scores).
    for (const stage of ['represent', 'draft', 'check'] as const) {
      const run = await h.waitForRun((await h.createRun({ stage, dataset: datasetId })).id);
      expect(run.status).toBe('completed');
      await expectRollupsMatchTables(datasetId);
    }
    // A failed stage leaves its error on the item.
    await h.db.item.update({ where: { id: ids[5]! }, data: { lastError: 'timeout' } });
    await expectRollupsMatchTables(datasetId);

    // Single decisions, an edit accepted, and undo.
    await acceptVersion(h.db, { itemId: ids[0]!, versionId: await versionOf(ids[0]!, 'revision'), expectedRev: await rev(ids[0]!), actorId: reviewer });
    await rejectItem(h.db, { itemId: ids[1]!, expectedRev: await rev(ids[1]!), actorId: reviewer, reason: 'wrong-answer' });
    await skipItem(h.db, { itemId: ids[2]!, expectedRev: await rev(ids[2]!), actorId: null });
    await saveEdit(h.db, { itemId: ids[3]!, baseVersionId: await versionOf(ids[3]!, 'draft'), text: '<think>edited</think><answer>B</answer>', expectedRev: await rev(ids[3]!), accept: true, acceptAnyway: { reason: 'checked by hand' }, actorId: reviewer });
    await undoDecision(h.db, { itemId: ids[1]!, expectedRev: await rev(ids[1]!), actorId: reviewer });
    const afterDecisions = await expectRollupsMatchTables(datasetId);
    expect(afterDecisions.decisions.reduce((a, d) => a + d.total, 0)).toBe(3);

    // Bulk accept, reject and send back over the whole dataset, then undo one.
    const bulk = async (operation: Parameters<typeof prepareBulkAction>[1]['operation']) => {
      const prepared = await prepareBulkAction(h.db, { selection: { kind: 'ids', dataset: datasetId, ids: ids.slice(0, 5) }, operation, actorId: null });
      await applyBulkAction(h.db, { id: prepared.id, actorId: null });
      return prepared.id;
    };
    await bulk({ type: 'accept', version: 'revision-else-draft' });
    await expectRollupsMatchTables(datasetId);
    const rejected = await bulk({ type: 'reject', reason: 'bulk' });
    await expectRollupsMatchTables(datasetId);
    await undoBulkAction(h.db, { id: rejected, actorId: null });
    await expectRollupsMatchTables(datasetId);
    await bulk({ type: 'send_back', stage: 'revise' });
    await expectRollupsMatchTables(datasetId);

    // An import into the dataset: new items, and a changed record of an existing one.
    const file = writeJsonl([record(1, { path: './clip.mp4', problem: 'Changed question?' }), record(101, { path: './clip.mp4' }), record(102, { path: './other.mp4' })]);
    const summary = await withRawClient(
      (c) => importRecords(c, { input: fs.createReadStream(file), fileName: path.basename(file), dataset: { name: dataset.name, mediaRoot: testClipDir() }, mode: 'all_or_nothing' }),
      { databaseUrl: h.databaseUrl },
    );
    expect(summary.status).toBe('completed');
    const afterImport = await expectRollupsMatchTables(datasetId);
    expect(afterImport.stageRows.reduce((a, r) => a + r.n, 0)).toBe(8);

    // Deletes: an item with decisions (its reviews cascade), a represented video (its items'
    // video_id is set to NULL), a reviewer (their reviews keep no reviewer).
    await h.db.item.delete({ where: { id: ids[0]! } });
    await expectRollupsMatchTables(datasetId);
    const video = await h.db.item.findUniqueOrThrow({ where: { id: ids[4]! }, select: { videoId: true } });
    expect(video.videoId).not.toBeNull();
    await h.db.video.delete({ where: { id: video.videoId! } });
    await expectRollupsMatchTables(datasetId);
    await h.db.user.delete({ where: { id: reviewer } });
    await expectRollupsMatchTables(datasetId);

    // Folding the deltas (twice at once: neither loses nor double-counts a row) changes no figure.
    const rowsBefore = await h.db.dashboardItemRollup.count({ where: { datasetId } });
    await Promise.all([foldRollups(h.db, datasetId), foldRollups(h.db, datasetId)]);
    const rowsAfter = await h.db.dashboardItemRollup.count({ where: { datasetId } });
    expect(rowsAfter).toBeLessThan(rowsBefore);
    await expectRollupsMatchTables(datasetId);
    const dashboard = await getDashboard(h.db, { datasetId, days: 30 });
    expect(dashboard.total).toBe(7);

    // A deleted dataset leaves no rollup rows behind.
    await h.db.dataset.delete({ where: { id: datasetId } });
    const left = await Promise.all([
      h.db.dashboardItemRollup.count({ where: { datasetId } }),
      h.db.dashboardScoreRollup.count({ where: { datasetId } }),
      h.db.dashboardDecisionRollup.count({ where: { datasetId } }),
    ]);
    expect(left).toEqual([0, 0, 0]);
  });
});
