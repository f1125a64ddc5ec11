import { beforeEach, describe, expect, it } from 'vitest';
import { testDb, uniq } from '../support/db';
import { AppError } from '@/lib/errors';
import { acceptVersion } from '@/lib/review/accept-version';
import { rejectItem } from '@/lib/review/reject-item';
import { skipItem } from '@/lib/review/skip-item';
import { undoDecision } from '@/lib/review/undo-decision';
import { saveEdit } from '@/lib/review/save-edit';
import { getItemHistory } from '@/lib/review/get-item-history';
import { getReviewItem } from '@/lib/review/get-review-item';

const db = testDb();

const DRAFT = '<think>\nA blue ball rolls right.\n</think>\n<answer>B</answer>';
const REVISION = '<think>\nThe video shows a green ball rolling right.\n</think>\n<answer>A</answer>';

async function seedItem() {
  const ds = await db.dataset.create({ data: { name: uniq('review'), mediaRoot: '/tmp' } });
  const item = await db.item.create({
    data: {
      datasetId: ds.id, problemId: uniq('p'), problem: 'What colour is the ball?\nA. green\nB. blue', options: ['A. green', 'B. blue'],
      problemType: 'multiple_choice', dataType: 'video', path: './v.mp4', solution: '<answer>A</answer>', groundTruth: 'A',
    },
  });
  const draft = await db.cotVersion.create({ data: { itemId: item.id, kind: 'draft', text: DRAFT, formatOk: true, answer: 'B', answerScore: 0, answerCorrect: false } });
  const revision = await db.cotVersion.create({ data: { itemId: item.id, kind: 'revision', text: REVISION, formatOk: true, answer: 'A', answerScore: 1, answerCorrect: true } });
  await db.item.update({ where: { id: item.id }, data: { currentDraftId: draft.id, currentRevisionId: revision.id } });
  return { itemId: item.id, draftId: draft.id, revisionId: revision.id };
}

async function conflictOf(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

let s: Awaited<ReturnType<typeof seedItem>>;
beforeEach(async () => {
  s = await seedItem();
});

describe('decisions on an item', () => {
  it('accepting the revision records the state, the decision with what it replaced, and an audit event', async () => {
    const { item } = await acceptVersion(db, { itemId: s.itemId, versionId: s.revisionId, expectedRev: 0, actorId: null });
    expect(item).toMatchObject({ reviewStatus: 'accepted', acceptedVersionId: s.revisionId, rev: 1 });
    const reviews = await db.review.findMany({ where: { itemId: s.itemId } });
    expect(reviews).toEqual([expect.objectContaining({ status: 'accepted', chosenVersionId: s.revisionId, itemRev: 0, previousStatus: 'pending', previousVersionId: null })]);
    const audit = await db.auditEvent.findMany({ where: { subjectType: 'item', subjectId: String(s.itemId) } });
    expect(audit.map((a) => a.action)).toEqual(['review.accept']);
  });

  it('refuses a decision made against a stale revision with 409, the current state, and no write', async () => {
    await rejectItem(db, { itemId: s.itemId, expectedRev: 0, actorId: null, reason: 'contradicts-video', note: 'ball is green' });
    const e = await conflictOf(acceptVersion(db, { itemId: s.itemId, versionId: s.draftId, expectedRev: 0, actorId: null }));
    expect(e.code).toBe('CONFLICT');
    expect(e.status).toBe(409);
    const current = (e.details as { item: { reviewStatus: string; rev: number; lastDecision: { reason: string } } }).item;
    expect(current).toMatchObject({ reviewStatus: 'rejected', rev: 1, lastDecision: { reason: 'Contradicts the video — ball is green' } });
    expect(await db.review.count({ where: { itemId: s.itemId } })).toBe(1);
  });

  it('lets exactly one of two simultaneous decisions on the same revision win', async () => {
    const results = await Promise.allSettled([
      acceptVersion(db, { itemId: s.itemId, versionId: s.revisionId, expectedRev: 0, actorId: null }),
      rejectItem(db, { itemId: s.itemId, expectedRev: 0, actorId: null, reason: 'wrong-answer' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((failed.reason as AppError).code).toBe('CONFLICT');
    expect(await db.review.count({ where: { itemId: s.itemId } })).toBe(1);
    expect((await db.item.findUniqueOrThrow({ where: { id: s.itemId } })).rev).toBe(1);
  });

  it('lets exactly one of eight simultaneous decisions win, and the audit log holds only that one', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, k) =>
        k % 2 === 0
          ? acceptVersion(db, { itemId: s.itemId, versionId: s.revisionId, expectedRev: 0, actorId: null })
          : rejectItem(db, { itemId: s.itemId, expectedRev: 0, actorId: null, reason: 'wrong-answer' }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect((r.reason as AppError).code).toBe('CONFLICT');
    expect(await db.review.count({ where: { itemId: s.itemId } })).toBe(1);
    expect(await db.auditEvent.count({ where: { subjectType: 'item', subjectId: String(s.itemId), action: { in: ['review.accept', 'review.reject'] } } })).toBe(1);
    expect((await db.item.findUniqueOrThrow({ where: { id: s.itemId } })).rev).toBe(1);
  });

  it('does not accept a version of another item or one that fails the format check', async () => {
    const other = await seedItem();
    expect((await conflictOf(acceptVersion(db, { itemId: s.itemId, versionId: other.revisionId, expectedRev: 0, actorId: null }))).code).toBe('BAD_REQUEST');
    await db.cotVersion.update({ where: { id: s.draftId }, data: { formatOk: false } });
    expect((await conflictOf(acceptVersion(db, { itemId: s.itemId, versionId: s.draftId, expectedRev: 0, actorId: null }))).code).toBe('UNPROCESSABLE');
    expect((await db.item.findUniqueOrThrow({ where: { id: s.itemId } })).rev).toBe(0);
  });

  it('skips only pending items', async () => {
    const { item } = await skipItem(db, { itemId: s.itemId, expectedRev: 0, actorId: null });
    expect(item.reviewStatus).toBe('skipped');
    await acceptVersion(db, { itemId: s.itemId, versionId: s.revisionId, expectedRev: 1, actorId: null });
    expect((await conflictOf(skipItem(db, { itemId: s.itemId, expectedRev: 2, actorId: null }))).code).toBe('CONFLICT');
  });
});

describe('undo', () => {
  it('restores the previous state, keeps the decision marked undone, and walks back one decision at a time', async () => {
    // The draft's answer is wrong: accepting it takes the explicit second step.
    await acceptVersion(db, { itemId: s.itemId, versionId: s.draftId, expectedRev: 0, actorId: null, acceptAnyway: { reason: 'testing undo' } });
    await acceptVersion(db, { itemId: s.itemId, versionId: s.revisionId, expectedRev: 1, actorId: null });
    const first = await undoDecision(db, { itemId: s.itemId, expectedRev: 2, actorId: null });
    expect(first.item).toMatchObject({ reviewStatus: 'accepted', acceptedVersionId: s.draftId, rev: 3 });
    const second = await undoDecision(db, { itemId: s.itemId, expectedRev: 3, actorId: null });
    expect(second.item).toMatchObject({ reviewStatus: 'pending', acceptedVersionId: null, reviewedAt: null, lastDecision: null });
    const reviews = await db.review.findMany({ where: { itemId: s.itemId }, orderBy: { id: 'asc' } });
    expect(reviews.map((r) => r.undoneAt !== null)).toEqual([true, true]);
    expect((await conflictOf(undoDecision(db, { itemId: s.itemId, expectedRev: 4, actorId: null }))).code).toBe('UNPROCESSABLE');
  });

  it('refuses to undo over a change it has not seen', async () => {
    await acceptVersion(db, { itemId: s.itemId, versionId: s.revisionId, expectedRev: 0, actorId: null });
    await saveEdit(db, { itemId: s.itemId, baseVersionId: s.revisionId, text: REVISION.replace('green', 'bright green'), expectedRev: 1, accept: false, actorId: null });
    expect((await conflictOf(undoDecision(db, { itemId: s.itemId, expectedRev: 1, actorId: null }))).code).toBe('CONFLICT');
    expect((await db.item.findUniqueOrThrow({ where: { id: s.itemId } })).reviewStatus).toBe('accepted');
  });
});

describe('edits', () => {
  it('saves an edit as a new scored version with its parent, and can accept it in the same step', async () => {
    const text = REVISION.replace('<answer>A</answer>', '<answer>B</answer>');
    const saved = await saveEdit(db, { itemId: s.itemId, baseVersionId: s.revisionId, text, expectedRev: 0, accept: false, actorId: null });
    const v = await db.cotVersion.findUniqueOrThrow({ where: { id: saved.versionId } });
    expect(v).toMatchObject({ kind: 'edit', text, parentVersionId: s.revisionId, formatOk: true, answer: 'B', answerCorrect: false, answerScore: 0 });
    expect(saved.item).toMatchObject({ reviewStatus: 'pending', rev: 1, latestEdit: { id: saved.versionId } });

    const accepted = await saveEdit(db, { itemId: s.itemId, baseVersionId: saved.versionId, text: REVISION, expectedRev: 1, accept: true, actorId: null });
    expect(accepted.item).toMatchObject({ reviewStatus: 'accepted', acceptedVersionId: accepted.versionId, rev: 2 });
    expect(await db.cotVersion.count({ where: { itemId: s.itemId, kind: 'edit' } })).toBe(2);
  });

  it('refuses a save on a stale revision and writes nothing', async () => {
    await saveEdit(db, { itemId: s.itemId, baseVersionId: s.revisionId, text: REVISION, expectedRev: 0, accept: false, actorId: null });
    const e = await conflictOf(saveEdit(db, { itemId: s.itemId, baseVersionId: s.revisionId, text: DRAFT, expectedRev: 0, accept: true, actorId: null }));
    expect(e.code).toBe('CONFLICT');
    expect((e.details as { item: { latestEdit: { text: string } } }).item.latestEdit.text).toBe(REVISION);
    expect(await db.cotVersion.count({ where: { itemId: s.itemId, kind: 'edit' } })).toBe(1);
  });

  it('saves a badly formatted edit but will not accept it', async () => {
    const bad = 'no tags at all';
    expect((await conflictOf(saveEdit(db, { itemId: s.itemId, baseVersionId: s.draftId, text: bad, expectedRev: 0, accept: true, actorId: null }))).code).toBe('UNPROCESSABLE');
    expect(await db.cotVersion.count({ where: { itemId: s.itemId, kind: 'edit' } })).toBe(0);
    const saved = await saveEdit(db, { itemId: s.itemId, baseVersionId: s.draftId, text: bad, expectedRev: 0, accept: false, actorId: null });
    expect(saved.item.latestEdit).toMatchObject({ formatOk: false, answerCorrect: false });
  });
});

describe('history and the review payload', () => {
  it('lists every version and decision, undone ones included', async () => {
    await acceptVersion(db, { itemId: s.itemId, versionId: s.revisionId, expectedRev: 0, actorId: null });
    await undoDecision(db, { itemId: s.itemId, expectedRev: 1, actorId: null });
    await saveEdit(db, { itemId: s.itemId, baseVersionId: s.draftId, text: DRAFT.replace('<answer>B', '<answer>A'), expectedRev: 2, accept: true, actorId: null });
    const h = await getItemHistory(db, s.itemId);
    expect(h.versions.map((v) => v.kind)).toEqual(['draft', 'revision', 'edit']);
    expect(h.decisions.map((d) => [d.status, d.undoneAt !== null])).toEqual([['accepted', true], ['accepted', false]]);
  });

  it('never sends raw model output to the browser', async () => {
    await db.cotVersion.update({ where: { id: s.draftId }, data: { rawOutput: { secret: 'provider payload' }, costUsd: 0.5 } });
    const item = await getReviewItem(db, s.itemId);
    expect(JSON.stringify(item)).not.toContain('provider payload');
    expect(item.draft).not.toHaveProperty('rawOutput');
    expect(item.media).toEqual({ src: `/api/media/${item.datasetId}/v.mp4`, type: 'video/mp4', remote: false });
  });
});
