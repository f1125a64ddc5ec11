import { describe, expect, it } from 'vitest';
import { testDb, uniq } from '../support/db';
import { seedUser } from '../support/seed-items';
import { AppError } from '@/lib/errors';
import { acceptVersion } from '@/lib/review/accept-version';
import { rejectItem } from '@/lib/review/reject-item';
import { createAssignment } from '@/lib/assignments/create-assignment';
import { assignmentAgreement } from '@/lib/assignments/assignment-agreement';
import { undoDecision } from '@/lib/review/undo-decision';
import { getAdjudicationItem, listAdjudication } from '@/lib/review/adjudication';

const db = testDb();

/** A dataset of `n` multiple-choice items, each with a right revision (A) and a wrong draft (B). */
async function seed(n: number) {
  const ds = await db.dataset.create({ data: { name: uniq('consensus'), mediaRoot: '/tmp' } });
  const items = [];
  for (let k = 0; k < n; k++) {
    const item = await db.item.create({
      data: { datasetId: ds.id, problemId: `p${k}`, problem: `Q${k}`, problemType: 'multiple_choice', dataType: 'video', path: './v.mp4', solution: '<answer>A</answer>', groundTruth: 'A' },
    });
    const draft = await db.cotVersion.create({ data: { itemId: item.id, kind: 'draft', text: '<think>d</think><answer>B</answer>', formatOk: true, answer: 'B', answerScore: 0, answerCorrect: false } });
    const revision = await db.cotVersion.create({ data: { itemId: item.id, kind: 'revision', text: '<think>r</think><answer>A</answer>', formatOk: true, answer: 'A', answerScore: 1, answerCorrect: true } });
    await db.item.update({ where: { id: item.id }, data: { currentDraftId: draft.id, currentRevisionId: revision.id } });
    items.push({ id: item.id, draftId: draft.id, revisionId: revision.id });
  }
  return { datasetId: ds.id, items };
}

async function errorOf(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

const item = (id: number) => db.item.findUniqueOrThrow({ where: { id } });

describe('consensus: N reviews per item', () => {
  it('keeps each reviewer’s decision as a vote; all agree → decided, a disagreement → needs adjudication', async () => {
    const s = await seed(2);
    const [r1, r2] = [await seedUser(db, 'r1'), await seedUser(db, 'r2')];
    await createAssignment(db, { actorId: null, input: { name: 'two', filter: `dataset=${s.datasetId}`, requiredReviews: 2, reviewerIds: [r1, r2] } });
    const [agree, split] = s.items as [(typeof s.items)[0], (typeof s.items)[0]];

    // Both accept the revision: the first vote leaves the item pending (and its rev for the second reviewer).
    const first = await acceptVersion(db, { itemId: agree.id, versionId: agree.revisionId, expectedRev: 0, actorId: r1 });
    expect(first.item.reviewStatus).toBe('pending');
    // r2 opened the item at rev 0 too: their vote is independent, not a conflict.
    const second = await acceptVersion(db, { itemId: agree.id, versionId: agree.revisionId, expectedRev: 0, actorId: r2 });
    expect(second.item).toMatchObject({ reviewStatus: 'accepted', acceptedVersionId: agree.revisionId });

    await acceptVersion(db, { itemId: split.id, versionId: split.revisionId, expectedRev: 0, actorId: r1 });
    const rejected = await rejectItem(db, { itemId: split.id, expectedRev: 0, actorId: r2, reason: 'contradicts-video' });
    expect(rejected.item).toMatchObject({ reviewStatus: 'needs_adjudication', acceptedVersionId: null });
    expect((await item(split.id)).votes).toEqual({ [r1]: `accepted:${split.revisionId}`, [r2]: 'rejected' });
    const reviews = await db.review.findMany({ where: { itemId: split.id }, orderBy: { id: 'asc' } });
    expect(reviews.map((r) => [r.reviewerId, r.status, r.vote])).toEqual([[r1, 'accepted', true], [r2, 'rejected', true]]);

    // The adjudication view lists it with both reviewers' decisions and CoTs.
    const queue = await listAdjudication(db, { datasetId: s.datasetId });
    expect(queue.items.map((i) => i.id)).toEqual([split.id]);
    const view = await getAdjudicationItem(db, split.id);
    expect(view.votes.map((v) => [v.reviewer.id, v.status, v.version?.id ?? null])).toEqual([[r1, 'accepted', split.revisionId], [r2, 'rejected', null]]);

    // An admin's decision settles it; it is marked as an adjudication and exported as decided.
    const admin = await seedUser(db, 'admin');
    const settled = await rejectItem(db, { itemId: split.id, expectedRev: view.item.rev, actorId: admin, reason: 'contradicts-video', adjudicate: true });
    expect(settled.item.reviewStatus).toBe('rejected');
    expect((await item(split.id)).adjudicatedAt).not.toBeNull();
    expect((await db.review.findFirstOrThrow({ where: { itemId: split.id, reviewerId: admin } })).adjudication).toBe(true);
    // Once adjudicated, a late vote is refused rather than reopening the item.
    expect((await errorOf(acceptVersion(db, { itemId: split.id, versionId: split.revisionId, expectedRev: 0, actorId: r1 }))).code).toBe('CONFLICT');
  });

  it('the majority rule decides 2 of 3; a vote on another version is a disagreement', async () => {
    const s = await seed(1);
    const rs = [await seedUser(db, 'm1'), await seedUser(db, 'm2'), await seedUser(db, 'm3')];
    await createAssignment(db, { actorId: null, input: { name: 'maj', filter: `dataset=${s.datasetId}`, requiredReviews: 3, consensusRule: 'majority', reviewerIds: rs } });
    const it0 = s.items[0]!;
    await acceptVersion(db, { itemId: it0.id, versionId: it0.revisionId, expectedRev: 0, actorId: rs[0]! });
    await acceptVersion(db, { itemId: it0.id, versionId: it0.draftId, expectedRev: 0, actorId: rs[1]!, acceptAnyway: { reason: 'testing' } });
    expect((await item(it0.id)).reviewStatus).toBe('pending');
    const third = await acceptVersion(db, { itemId: it0.id, versionId: it0.revisionId, expectedRev: 0, actorId: rs[2]! });
    expect(third.item).toMatchObject({ reviewStatus: 'accepted', acceptedVersionId: it0.revisionId });
  });

  it('concurrent votes are serialised on the row: the item is settled exactly once', async () => {
    const s = await seed(10);
    const [r1, r2] = [await seedUser(db, 'c1'), await seedUser(db, 'c2')];
    await createAssignment(db, { actorId: null, input: { name: 'race', filter: `dataset=${s.datasetId}`, requiredReviews: 2, reviewerIds: [r1, r2] } });
    await Promise.all(
      s.items.flatMap((x) => [
        acceptVersion(db, { itemId: x.id, versionId: x.revisionId, expectedRev: 0, actorId: r1 }),
        acceptVersion(db, { itemId: x.id, versionId: x.revisionId, expectedRev: 0, actorId: r2 }),
      ]),
    );
    const rows = await db.item.findMany({ where: { datasetId: s.datasetId } });
    expect(rows.every((r) => r.reviewStatus === 'accepted' && Object.keys(r.votes as object).length === 2)).toBe(true);
  });

  it('undoing a vote takes it back off the item', async () => {
    const s = await seed(1);
    const [r1, r2] = [await seedUser(db, 'u1'), await seedUser(db, 'u2')];
    await createAssignment(db, { actorId: null, input: { name: 'undo', filter: `dataset=${s.datasetId}`, requiredReviews: 2, reviewerIds: [r1, r2] } });
    const x = s.items[0]!;
    await acceptVersion(db, { itemId: x.id, versionId: x.revisionId, expectedRev: 0, actorId: r1 });
    const cur = await item(x.id);
    await undoDecision(db, { itemId: x.id, expectedRev: cur.rev, actorId: r1 });
    expect((await item(x.id)).votes).toEqual({});
  });

  it('reports agreement per assignment and per pair with Cohen’s kappa beside raw agreement', async () => {
    const s = await seed(4);
    const [r1, r2] = [await seedUser(db, 'k1'), await seedUser(db, 'k2')];
    const { id } = await createAssignment(db, { actorId: null, input: { name: 'kappa', filter: `dataset=${s.datasetId}&status=pending`, requiredReviews: 2, reviewerIds: [r1, r2] } });
    // r1: A A R R, r2: A R R R → raw 3/4; po .75, pe = .5·.25 + .5·.75 = .5 → κ .5
    const plan: [string, string][] = [['a', 'a'], ['a', 'r'], ['r', 'r'], ['r', 'r']];
    for (const [k, [x, y]] of plan.entries()) {
      const it0 = s.items[k]!;
      for (const [who, what] of [[r1, x], [r2, y]] as const) {
        if (what === 'a') await acceptVersion(db, { itemId: it0.id, versionId: it0.revisionId, expectedRev: 0, actorId: who });
        else await rejectItem(db, { itemId: it0.id, expectedRev: 0, actorId: who, reason: 'contradicts-video' });
      }
    }
    const a = await assignmentAgreement(db, { assignmentId: id });
    // Decided items stay in the assignment although its filter says status=pending (items are frozen).
    expect(a.items).toBe(4);
    expect(a.agreement).toBeCloseTo(0.75);
    expect(a.kappaMethod).toBe('cohen');
    expect(a.kappa).toBeCloseTo(0.5);
    expect(a.pairs).toEqual([expect.objectContaining({ items: 4, agreement: 0.75, kappa: expect.closeTo(0.5) })]);
    expect(a.needsAdjudication).toBe(1);
  });
});

describe('the answer guard on single decisions', () => {
  it('refuses to accept a CoT whose answer check fails without acceptAnyway and a reason; with them it is recorded', async () => {
    const s = await seed(1);
    const x = s.items[0]!;
    const e = await errorOf(acceptVersion(db, { itemId: x.id, versionId: x.draftId, expectedRev: 0, actorId: null }));
    expect([e.code, e.status]).toEqual(['ANSWER_CHECK_FAILED', 422]);
    expect(e.message).toMatch(/answer “B” fails the answer check against “A”/);
    expect((await item(x.id)).reviewStatus).toBe('pending');
    const ok = await acceptVersion(db, { itemId: x.id, versionId: x.draftId, expectedRev: 0, actorId: null, acceptAnyway: { reason: 'option letters swapped in source' } });
    expect(ok.item.reviewStatus).toBe('accepted');
    const review = await db.review.findFirstOrThrow({ where: { itemId: x.id } });
    expect(review.reason).toMatch(/option letters swapped/);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { subjectType: 'item', subjectId: String(x.id), action: 'review.accept' } });
    expect(audit.data).toMatchObject({ answerCheckOverride: true, overrideReason: 'option letters swapped in source' });
  });

  it('a free-form answer at/above the keep threshold is not failing; below it is', async () => {
    const ds = await db.dataset.create({ data: { name: uniq('ff'), mediaRoot: '/tmp' } });
    const it0 = await db.item.create({ data: { datasetId: ds.id, problemId: 'f', problem: 'Describe', problemType: 'free_form', dataType: 'video', path: './v.mp4', solution: '<answer>a red car</answer>', groundTruth: 'a red car' } });
    const kept = await db.cotVersion.create({ data: { itemId: it0.id, kind: 'draft', text: '<think>x</think><answer>a red truck</answer>', formatOk: true, answerScore: 0.6, answerCorrect: false } });
    const low = await db.cotVersion.create({ data: { itemId: it0.id, kind: 'revision', text: '<think>x</think><answer>blue</answer>', formatOk: true, answerScore: 0.2, answerCorrect: false } });
    expect((await errorOf(acceptVersion(db, { itemId: it0.id, versionId: low.id, expectedRev: 0, actorId: null }))).code).toBe('ANSWER_CHECK_FAILED');
    expect((await acceptVersion(db, { itemId: it0.id, versionId: kept.id, expectedRev: 0, actorId: null })).item.reviewStatus).toBe('accepted');
  });
});

describe('bulk decisions and consensus', () => {
  it('leave items of a several-review assignment to their reviewers, counted as skipped', async () => {
    const { prepareBulkAction } = await import('@/lib/bulk/prepare-bulk-action');
    const s = await seed(3);
    const [r1, r2] = [await seedUser(db, 'b1'), await seedUser(db, 'b2')];
    await createAssignment(db, { actorId: null, input: { name: 'bulk', filter: `dataset=${s.datasetId}&q=Q1`, requiredReviews: 2, reviewerIds: [r1, r2] } });
    const out = await prepareBulkAction(db, { selection: { kind: 'filter', filter: `dataset=${s.datasetId}`, exclude: [] }, operation: { type: 'reject', reason: 'x' }, actorId: null });
    expect([out.count, out.skipped]).toEqual([2, 1]);
  });
});
