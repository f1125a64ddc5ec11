import { describe, expect, it } from 'vitest';
import { Prisma } from '@/generated/prisma/client';
import { testDb } from '../support/db';
import { seedReviewDataset, seedUser } from '../support/seed-items';
import { deleteView, listSavedViews, saveView } from '@/lib/views/saved-views';
import { getTableLayout, saveTableLayout } from '@/lib/views/table-layout';
import { getGuidelines, saveGuidelines } from '@/lib/datasets/guidelines';
import { acceptVersion } from '@/lib/review/accept-version';
import { recordActiveTime } from '@/lib/review/record-active-time';
import { getReviewerPace } from '@/lib/dashboard/reviewer-pace';
import { drawSample } from '@/lib/sampling/draw-sample';
import { closeSample } from '@/lib/sampling/close-sample';
import { prepareBulkAction } from '@/lib/bulk/prepare-bulk-action';

const db = testDb();

describe("a reviewer's day", () => {
  it('saved views: own and shared, replaced by name, deleted only by their owner or an admin', async () => {
    const [alice, bob] = [await seedUser(db, 'alice'), await seedUser(db, 'bob')];
    const { datasetId } = await seedReviewDataset(db, 3);
    const mine = await saveView(db, { userId: alice, input: { name: 'Wrong drafts', filter: `?draftCorrect=false&dataset=${datasetId}`, columns: { order: ['question', 'id'], hidden: ['source'], widths: { type: 150 } } } });
    // The filter is stored in canonical form, whatever order it came in.
    expect(mine).toMatchObject({ filter: `dataset=${datasetId}&draftCorrect=false`, shared: false, mine: true, columns: { hidden: ['source'], widths: { type: 150 } } });
    await saveView(db, { userId: alice, input: { name: 'OCR', filter: `dataset=${datasetId}&type=OCR`, shared: true } });
    expect((await listSavedViews(db, { userId: bob, datasetId })).map((v) => [v.name, v.mine, v.owner.id])).toEqual([['OCR', false, alice]]);

    const again = await saveView(db, { userId: alice, input: { name: 'Wrong drafts', filter: `dataset=${datasetId}&draftCorrect=false&sort=draftScore&dir=asc` } });
    expect(again.id).toBe(mine.id);
    expect((await listSavedViews(db, { userId: alice, datasetId })).map((v) => v.name)).toEqual(['OCR', 'Wrong drafts']);

    await expect(saveView(db, { userId: alice, input: { name: 'bad', filter: `dataset=${datasetId}&scoreMin=7` } })).rejects.toThrow(/not a valid items filter/);
    await expect(saveView(db, { userId: alice, input: { name: 'x', filter: 'dataset=99999999' } })).rejects.toThrow(/does not exist/);
    const shared = (await listSavedViews(db, { userId: bob, datasetId }))[0]!;
    await expect(deleteView(db, { userId: bob, isAdmin: false, id: shared.id })).rejects.toThrow(/Only its owner or an admin/);
    await expect(deleteView(db, { userId: bob, isAdmin: true, id: mine.id })).rejects.toThrow(/not found/); // private: not even visible
    await deleteView(db, { userId: bob, isAdmin: true, id: shared.id });
    expect(await listSavedViews(db, { userId: bob, datasetId })).toEqual([]);
  });

  it('table layouts are per user, validated, and an unreadable one falls back to the default', async () => {
    const u = await seedUser(db, 'layout');
    expect(await getTableLayout(db, { userId: u, table: 'items' })).toEqual({ order: [], hidden: [], widths: {} }); // the default: every column, in the table's order
    await saveTableLayout(db, { userId: u, table: 'items', layout: { order: ['status', 'id'], hidden: ['reviewer'], widths: { question: 420 } } });
    expect(await getTableLayout(db, { userId: u, table: 'items' })).toEqual({ order: ['status', 'id'], hidden: ['reviewer'], widths: { question: 420 } });
    await expect(saveTableLayout(db, { userId: u, table: 'items', layout: { order: ['nope'] } })).rejects.toThrow();
    await expect(saveTableLayout(db, { userId: u, table: 'items', layout: { widths: { id: 5 } } })).rejects.toThrow();
    await db.tableLayout.update({ where: { userId_tableKey: { userId: u, tableKey: 'items' } }, data: { layout: { order: 'garbage' } } });
    expect((await getTableLayout(db, { userId: u, table: 'items' })).hidden).toEqual([]);
  });

  it('guidelines: saved with who and when; a stale save is refused (409) and loses nothing', async () => {
    const admin = await seedUser(db, 'guide-admin');
    const { datasetId } = await seedReviewDataset(db, 1);
    expect(await getGuidelines(db, datasetId)).toMatchObject({ markdown: '', updatedAt: null });
    const first = await saveGuidelines(db, { datasetId, actorId: admin, input: { markdown: '# Accept when\n- it cites the video', expectedUpdatedAt: null } });
    expect(first).toMatchObject({ markdown: '# Accept when\n- it cites the video', updatedBy: expect.any(String) });
    await expect(saveGuidelines(db, { datasetId, actorId: admin, input: { markdown: 'older copy', expectedUpdatedAt: null } })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await getGuidelines(db, datasetId)).markdown).toBe('# Accept when\n- it cites the video');
    const second = await saveGuidelines(db, { datasetId, actorId: admin, input: { markdown: 'v2', expectedUpdatedAt: first.updatedAt } });
    expect(second.markdown).toBe('v2');
  });

  it('active time is kept on the decision (capped, once, only by its reviewer) and summed into pace per reviewer', async () => {
    const [r1, r2] = [await seedUser(db, 'pace1'), await seedUser(db, 'pace2')];
    const { datasetId, items } = await seedReviewDataset(db, 4);
    const times = [[r1, 20_000], [r1, 40_000], [r1, 3_600_000], [r2, 10_000]] as const;
    for (const [k, [who, ms]] of times.entries()) {
      const it = items[k]!;
      const { reviewId } = await acceptVersion(db, { itemId: it.id, versionId: it.revisionId!, expectedRev: 0, actorId: who });
      await recordActiveTime(db, { reviewId, reviewerId: who, activeMs: ms, capMs: 600_000 });
      await recordActiveTime(db, { reviewId, reviewerId: who, activeMs: 1, capMs: 600_000 }); // a retry does not overwrite
      await recordActiveTime(db, { reviewId, reviewerId: k === 0 ? r2 : null, activeMs: 5, capMs: 600_000 }); // nor does someone else
    }
    const stored = await db.review.findMany({ where: { itemId: { in: items.map((i) => i.id) } }, orderBy: { itemId: 'asc' }, select: { activeMs: true } });
    expect(stored.map((r) => r.activeMs)).toEqual([20_000, 40_000, 600_000, 10_000]);

    const pace = await getReviewerPace(db, { datasetId });
    const byId = new Map(pace.reviewers.map((r) => [r.reviewerId, r]));
    // r1: 3 items in 660 s → 16.4 items/hour; median 40 s.
    expect(byId.get(r1)).toMatchObject({ decisions: 3, activeSeconds: 660, itemsPerHour: 16.4, medianSeconds: 40 });
    expect(byId.get(r2)).toMatchObject({ decisions: 1, itemsPerHour: 360, medianSeconds: 10 });
  });

  it('closing a sample: its drawer or an admin, once; the rest can then no longer be accepted', async () => {
    const [drawer, other] = [await seedUser(db, 'drawer'), await seedUser(db, 'other')];
    const { datasetId } = await seedReviewDataset(db, 50);
    const s = await drawSample(db, { filter: `dataset=${datasetId}`, confidence: 0.9, margin: 0.2, bar: 0.8, actorId: drawer });
    await expect(closeSample(db, { sampleId: s.id, actorId: other, isAdmin: false })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const closed = await closeSample(db, { sampleId: s.id, actorId: drawer, isAdmin: false });
    expect(closed).toMatchObject({ state: 'closed', finished: false, filter: expect.stringContaining(`dataset=${datasetId}`) });
    await expect(closeSample(db, { sampleId: s.id, actorId: drawer, isAdmin: true })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await db.auditEvent.count({ where: { action: 'sample.close', subjectId: String(s.id) } })).toBe(1);
  });

  it("a reviewer's bulk selection is narrowed to their scope and says how many it left out", async () => {
    const { datasetId, items } = await seedReviewDataset(db, 10);
    const inScope = items.slice(0, 3).map((i) => i.id);
    const scope = Prisma.sql`i.id = ANY(${inScope}::int[])`;
    const p = await prepareBulkAction(db, { selection: { kind: 'filter', filter: `dataset=${datasetId}`, exclude: [] }, operation: { type: 'reject', reason: 'x' }, actorId: null, scope });
    expect(p).toMatchObject({ count: 3, skipped: 0, outsideScope: 7 });
    const action = await db.bulkAction.findUniqueOrThrow({ where: { id: p.id } });
    expect(action.itemIds).toEqual(inScope);
    const admin = await prepareBulkAction(db, { selection: { kind: 'ids', dataset: datasetId, ids: inScope }, operation: { type: 'reject', reason: 'x' }, actorId: null });
    expect(admin.outsideScope).toBeNull();
  });
});
