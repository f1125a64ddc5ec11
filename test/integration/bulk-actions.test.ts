import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { testDb } from '../support/db';
import { seedReviewDataset, seedUser } from '../support/seed-items';
import { prepareBulkAction } from '@/lib/bulk/prepare-bulk-action';
import { applyBulkAction } from '@/lib/bulk/apply-bulk-action';
import { undoBulkAction } from '@/lib/bulk/undo-bulk-action';
import { countItems } from '@/lib/items/count-items';
import { parseItemFilter } from '@/lib/items/filter';

const db = testDb();

const state = (ids: number[]) =>
  db.item.findMany({
    where: { id: { in: ids } },
    orderBy: { id: 'asc' },
    select: {
      id: true, reviewStatus: true, acceptedVersionId: true, reviewedById: true, reviewedAt: true, currentDraftId: true, currentRevisionId: true,
      draftScore: true, draftCorrect: true, revisionScore: true, revisionCorrect: true, consistencyScore: true, cotLength: true, lastError: true,
    },
  });

describe('bulk accept', () => {
  it('changes exactly the items counted in the confirmation, even when the filter matches others by then', async () => {
    const actor = await seedUser(db, 'bulk-actor');
    const { datasetId, items } = await seedReviewDataset(db, 30);
    const filter = `dataset=${datasetId}&status=pending`;
    const prepared = await prepareBulkAction(db, { selection: { kind: 'filter', filter, exclude: [] }, operation: { type: 'accept', version: 'revision-else-draft' }, actorId: actor });
    expect(prepared.count).toBe(30);

    // Underneath the open confirmation: one counted item is rejected by someone else, two new
    // pending items appear. The filter now matches 31 items, not the 30 shown.
    await db.item.update({ where: { id: items[3]!.id }, data: { reviewStatus: 'rejected', rev: { increment: 1 } } });
    const newcomers = await Promise.all(
      [1, 2].map((k) => db.item.create({ data: { datasetId, problemId: `late${k}`, problem: 'late', problemType: 'OCR', dataType: 'video', path: './v.mp4', solution: '' } })),
    );
    expect(await countItems(db, parseItemFilter(new URLSearchParams(filter)))).toBe(31);

    const applied = await applyBulkAction(db, { id: prepared.id, actorId: actor });
    expect(applied.changed).toBe(prepared.count);
    const after = await db.item.groupBy({ by: ['reviewStatus'], where: { datasetId }, _count: true });
    expect(Object.fromEntries(after.map((g) => [g.reviewStatus, g._count]))).toEqual({ accepted: 30, pending: 2 });
    expect((await state(newcomers.map((n) => n.id))).every((s) => s.reviewStatus === 'pending')).toBe(true);

    // One append-only review per changed item, naming the state it replaced.
    const reviews = await db.review.findMany({ where: { bulkActionId: prepared.id } });
    expect(reviews).toHaveLength(30);
    expect(reviews.find((r) => r.itemId === items[3]!.id)?.previousStatus).toBe('rejected');
    expect(reviews.every((r) => r.reviewerId === actor && r.status === 'accepted')).toBe(true);

    const [audit] = await db.auditEvent.findMany({ where: { action: 'bulk.accept', subjectId: String(prepared.id) } });
    expect(audit?.actorId).toBe(actor);
    expect(audit?.data).toMatchObject({ count: 30, changed: 30, selection: { kind: 'filter', filter: `dataset=${datasetId}&status=pending` } });
  });

  it('accepts the revision when there is one, else the draft, and skips items with no CoT', async () => {
    const { datasetId, items } = await seedReviewDataset(db, 6, { cots: (k) => (k < 2 ? 'both' : k < 4 ? 'draft' : 'none') });
    const prepared = await prepareBulkAction(db, { selection: { kind: 'filter', filter: `dataset=${datasetId}`, exclude: [] }, operation: { type: 'accept', version: 'revision-else-draft' }, actorId: null });
    expect(prepared).toMatchObject({ count: 4, skipped: 2 });
    const applied = await applyBulkAction(db, { id: prepared.id, actorId: null });
    expect(applied.changed).toBe(4);
    const s = await state(items.map((i) => i.id));
    expect(s.map((r) => r.acceptedVersionId)).toEqual([items[0]!.revisionId, items[1]!.revisionId, items[2]!.draftId, items[3]!.draftId, null, null]);
    expect(s.map((r) => r.reviewStatus)).toEqual(['accepted', 'accepted', 'accepted', 'accepted', 'pending', 'pending']);
    // No signed-in user (auth not configured): stored as null, never invented.
    expect(s[0]!.reviewedById).toBeNull();

    const draftOnly = await prepareBulkAction(db, { selection: { kind: 'ids', dataset: datasetId, ids: [items[0]!.id] }, operation: { type: 'accept', version: 'draft' }, actorId: null });
    await applyBulkAction(db, { id: draftOnly.id, actorId: null });
    expect((await state([items[0]!.id]))[0]!.acceptedVersionId).toBe(items[0]!.draftId);
  });

  it('leaves out explicit exclusions from "everything matching", and ids from other datasets', async () => {
    const { datasetId, items } = await seedReviewDataset(db, 10);
    const other = await seedReviewDataset(db, 2);
    const exclude = [items[0]!.id, items[9]!.id];
    const all = await prepareBulkAction(db, { selection: { kind: 'filter', filter: `dataset=${datasetId}`, exclude }, operation: { type: 'reject', reason: 'blurry video' }, actorId: null });
    expect(all.count).toBe(8);
    await applyBulkAction(db, { id: all.id, actorId: null });
    expect((await state(exclude)).map((s) => s.reviewStatus)).toEqual(['pending', 'pending']);
    const reasons = await db.review.findMany({ where: { bulkActionId: all.id }, select: { reason: true } });
    expect(new Set(reasons.map((r) => r.reason))).toEqual(new Set(['blurry video']));

    const picked = await prepareBulkAction(db, { selection: { kind: 'ids', dataset: datasetId, ids: [items[0]!.id, other.items[0]!.id] }, operation: { type: 'reject', reason: 'x' }, actorId: null });
    expect(picked.count).toBe(1);
  });

  it('refuses to apply an action twice', async () => {
    const { datasetId } = await seedReviewDataset(db, 3);
    const p = await prepareBulkAction(db, { selection: { kind: 'filter', filter: `dataset=${datasetId}`, exclude: [] }, operation: { type: 'reject', reason: 'dup' }, actorId: null });
    const [first, second] = await Promise.allSettled([applyBulkAction(db, { id: p.id, actorId: null }), applyBulkAction(db, { id: p.id, actorId: null })]);
    expect([first.status, second.status].sort()).toEqual(['fulfilled', 'rejected']);
    expect(await db.review.count({ where: { bulkActionId: p.id } })).toBe(3);
    await expect(applyBulkAction(db, { id: p.id, actorId: null })).rejects.toThrow(/already applied/);
  });
});

describe('bulk apply under concurrent edits', () => {
  it('keeps, for undo, the state it actually replaced when a reviewer changes an item mid-apply', async () => {
    const { datasetId, items } = await seedReviewDataset(db, 5);
    const target = items[2]!.id;
    const p = await prepareBulkAction(db, { selection: { kind: 'filter', filter: `dataset=${datasetId}`, exclude: [] }, operation: { type: 'accept', version: 'revision-else-draft' }, actorId: null });

    // A reviewer's transaction holds the item while the bulk apply starts, then commits a skip.
    const reviewer = new pg.Client({ connectionString: inject('databaseUrl') });
    await reviewer.connect();
    try {
      await reviewer.query('BEGIN');
      await reviewer.query(`UPDATE item SET review_status = 'skipped', rev = rev + 1 WHERE id = $1`, [target]);
      const applying = applyBulkAction(db, { id: p.id, actorId: null });
      await expect
        .poll(async () => (await reviewer.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`)).rows[0].n, { timeout: 20_000 })
        .toBeGreaterThan(0);
      await reviewer.query('COMMIT');
      const applied = await applying;
      expect(applied.changed).toBe(5);
    } finally {
      await reviewer.end();
    }
    const kept = await db.bulkActionItem.findUnique({ where: { bulkActionId_itemId: { bulkActionId: p.id, itemId: target } } });
    expect(kept?.prevStatus).toBe('skipped');
    await undoBulkAction(db, { id: p.id, actorId: null });
    expect((await state([target]))[0]!.reviewStatus).toBe('skipped');
  });
});

describe('undo', () => {
  it('restores every item’s previous state, including earlier decisions, and marks the reviews undone', async () => {
    const actor = await seedUser(db, 'undo-actor');
    const earlier = await seedUser(db, 'earlier-reviewer');
    const { datasetId, items } = await seedReviewDataset(db, 12);
    // A mixed starting point: some already accepted by someone else, one skipped.
    const reviewedAt = new Date('2026-01-02T03:04:05.678Z');
    await db.item.updateMany({ where: { id: { in: items.slice(0, 4).map((i) => i.id) } }, data: { reviewStatus: 'accepted', reviewedById: earlier, reviewedAt } });
    await db.item.update({ where: { id: items[0]!.id }, data: { acceptedVersionId: items[0]!.draftId } });
    await db.item.update({ where: { id: items[5]!.id }, data: { reviewStatus: 'skipped' } });
    const before = await state(items.map((i) => i.id));

    const p = await prepareBulkAction(db, { selection: { kind: 'filter', filter: `dataset=${datasetId}`, exclude: [] }, operation: { type: 'reject', reason: 'wrong answer' }, actorId: actor });
    await applyBulkAction(db, { id: p.id, actorId: actor });
    expect((await state(items.map((i) => i.id))).every((s) => s.reviewStatus === 'rejected' && s.reviewedById === actor)).toBe(true);

    const undone = await undoBulkAction(db, { id: p.id, actorId: actor });
    expect(undone).toEqual({ id: p.id, restored: 12, conflicts: 0 });
    expect(await state(items.map((i) => i.id))).toEqual(before);
    expect(await db.review.count({ where: { bulkActionId: p.id, undoneAt: null } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: 'bulk.undo', subjectId: String(p.id), actorId: actor } })).toBe(1);
    await expect(undoBulkAction(db, { id: p.id, actorId: actor })).rejects.toThrow(/nothing to undo/);
  });

  it('keeps a later decision made by someone else on an item instead of overwriting it', async () => {
    const { datasetId, items } = await seedReviewDataset(db, 5);
    const p = await prepareBulkAction(db, { selection: { kind: 'filter', filter: `dataset=${datasetId}`, exclude: [] }, operation: { type: 'accept', version: 'revision-else-draft' }, actorId: null });
    await applyBulkAction(db, { id: p.id, actorId: null });
    // A reviewer rejects one of them afterwards (every review change bumps rev).
    await db.item.update({ where: { id: items[2]!.id }, data: { reviewStatus: 'rejected', rev: { increment: 1 } } });
    const undone = await undoBulkAction(db, { id: p.id, actorId: null });
    expect(undone).toMatchObject({ restored: 4, conflicts: 1 });
    expect((await state(items.map((i) => i.id))).map((s) => s.reviewStatus)).toEqual(['pending', 'pending', 'rejected', 'pending', 'pending']);
    expect(await db.bulkAction.findUnique({ where: { id: p.id }, select: { state: true, restored: true, conflicts: true } })).toEqual({ state: 'undone', restored: 4, conflicts: 1 });
  });
});

describe('send back to a stage', () => {
  it('clears the stage’s outputs so the pipeline selects the items again, and undo puts them back', async () => {
    const { datasetId, items } = await seedReviewDataset(db, 4, { cots: (k) => (k === 3 ? 'draft' : 'both') });
    await db.item.updateMany({ where: { datasetId }, data: { reviewStatus: 'accepted', consistencyScore: 0.9 } });
    const before = await state(items.map((i) => i.id));
    const needsRevision = parseItemFilter({ dataset: String(datasetId), hasRevision: 'false' });
    expect(await countItems(db, needsRevision)).toBe(1);

    const p = await prepareBulkAction(db, { selection: { kind: 'filter', filter: `dataset=${datasetId}`, exclude: [] }, operation: { type: 'send_back', stage: 'revise' }, actorId: null });
    expect(p).toMatchObject({ count: 3, skipped: 1 }); // the draft-only item has no revision to redo
    await applyBulkAction(db, { id: p.id, actorId: null });
    expect(await countItems(db, needsRevision)).toBe(4);
    const after = await state(items.slice(0, 3).map((i) => i.id));
    for (const [k, s] of after.entries()) {
      expect(s).toMatchObject({ currentRevisionId: null, revisionScore: null, revisionCorrect: null, consistencyScore: null, reviewStatus: 'pending', currentDraftId: items[k]!.draftId });
      expect(s.cotLength).toBe(`<think>draft ${k}</think><answer>A</answer>`.length);
    }
    // The versions themselves are history and stay.
    expect(await db.cotVersion.count({ where: { itemId: { in: items.map((i) => i.id) } } })).toBe(7);

    const toDraft = await prepareBulkAction(db, { selection: { kind: 'ids', dataset: datasetId, ids: [items[3]!.id] }, operation: { type: 'send_back', stage: 'draft' }, actorId: null });
    await applyBulkAction(db, { id: toDraft.id, actorId: null });
    expect(await countItems(db, parseItemFilter({ dataset: String(datasetId), hasDraft: 'false' }))).toBe(1);

    await undoBulkAction(db, { id: toDraft.id, actorId: null });
    await undoBulkAction(db, { id: p.id, actorId: null });
    expect(await state(items.map((i) => i.id))).toEqual(before);
  });
});

describe('bad input', () => {
  it('names what is wrong', async () => {
    await expect(prepareBulkAction(db, { selection: { kind: 'filter', filter: 'dataset=999999999', exclude: [] }, operation: { type: 'reject', reason: 'x' }, actorId: null })).rejects.toThrow(/Dataset 999999999 not found/);
    await expect(prepareBulkAction(db, { selection: { kind: 'filter', filter: 'status=pending', exclude: [] }, operation: { type: 'reject', reason: 'x' }, actorId: null })).rejects.toThrow(/dataset/);
    await expect(applyBulkAction(db, { id: 999999999, actorId: null })).rejects.toThrow(/not found/);
  });
});
