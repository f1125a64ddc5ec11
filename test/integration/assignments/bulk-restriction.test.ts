import { describe, expect, it } from 'vitest';
import { testDb } from '../../support/db';
import { seedReviewDataset, seedUser } from '../../support/seed-items';
import { USER_ID_HEADER, USER_ROLE_HEADER } from '@/lib/auth/request-user';
import { prepareBulkAction } from '@/lib/bulk/prepare-bulk-action';
import { applyBulkAction } from '@/lib/bulk/apply-bulk-action';
import { POST as prepareBulk } from '@/app/api/bulk/route';
import { POST as applyBulk } from '@/app/api/bulk/[id]/apply/route';
import { POST as undoBulk } from '@/app/api/bulk/[id]/undo/route';
import { POST as drawSampleRoute } from '@/app/api/samples/route';
import { POST as acceptRest } from '@/app/api/samples/[id]/accept-rest/route';

// Through the route handlers, with the identity headers the proxy sets, so the wiring is what is
// tested: a reviewer's bulk decisions and samples stay within their assigned work.

const db = testDb();

type Who = { id: string; role: 'admin' | 'reviewer' };

function post(who: Who, path: string, body?: unknown): Request {
  return new Request(`http://studio.test${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [USER_ID_HEADER]: who.id, [USER_ROLE_HEADER]: who.role },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
}
const params = (id: number) => ({ params: Promise.resolve({ id: String(id) }) });

/** A dataset of `n` pending items, the first `ocr` of them OCR (the rest multiple choice). */
async function seedMixed(n: number, ocr: number) {
  const seeded = await seedReviewDataset(db, n);
  const ocrIds = seeded.items.slice(0, ocr).map((i) => i.id);
  await db.item.updateMany({ where: { id: { in: ocrIds } }, data: { problemType: 'OCR' } });
  return { ...seeded, ocrIds };
}

async function reviewerAssignedTo(filter: string, datasetId: number): Promise<Who> {
  const id = await seedUser(db, 'scoped-reviewer');
  await db.assignment.create({ data: { name: 'ocr work', datasetId, filter, reviewers: { create: [{ reviewerId: id }] } } });
  return { id, role: 'reviewer' };
}

const statuses = async (datasetId: number) =>
  Object.fromEntries(
    (await db.item.findMany({ where: { datasetId }, select: { id: true, reviewStatus: true } })).map((r) => [r.id, r.reviewStatus]),
  );

describe('bulk decisions within assigned work', () => {
  it('limits a reviewer’s "everything matching" to their assigned items, in the confirmation count and the change', async () => {
    const { datasetId, items, ocrIds } = await seedMixed(12, 5);
    const reviewer = await reviewerAssignedTo(`dataset=${datasetId}&type=OCR`, datasetId);

    // The filter is the whole dataset, wider than the assignment.
    const res = await prepareBulk(post(reviewer, '/api/bulk', { selection: { kind: 'filter', filter: `dataset=${datasetId}`, exclude: [] }, operation: { type: 'accept' } }));
    expect(res.status).toBe(201);
    const prepared = (await res.json()) as { id: number; count: number };
    expect(prepared.count).toBe(5);

    const applied = await applyBulk(post(reviewer, `/api/bulk/${prepared.id}/apply`), params(prepared.id));
    expect(applied.status).toBe(200);
    expect(await applied.json()).toMatchObject({ count: 5, changed: 5 });
    const after = await statuses(datasetId);
    for (const it of items) expect(after[it.id]).toBe(ocrIds.includes(it.id) ? 'accepted' : 'pending');
    const reviews = await db.review.findMany({ where: { bulkActionId: prepared.id }, select: { itemId: true, reviewerId: true } });
    expect(reviews.map((r) => r.itemId).sort((a, b) => a - b)).toEqual(ocrIds);
    expect(reviews.every((r) => r.reviewerId === reviewer.id)).toBe(true);

    // Picked rows too: the ones outside the assignment are left out of the count.
    const picked = await prepareBulk(
      post(reviewer, '/api/bulk', { selection: { kind: 'ids', dataset: datasetId, ids: [ocrIds[0]!, items[8]!.id, items[9]!.id] }, operation: { type: 'reject', reason: 'blurry' } }),
    );
    expect(((await picked.json()) as { count: number }).count).toBe(1);
  });

  it('refuses a reviewer with no assigned work, with a message saying so, and records nothing', async () => {
    const { datasetId } = await seedMixed(6, 3);
    const idle: Who = { id: await seedUser(db, 'idle-reviewer'), role: 'reviewer' };
    const res = await prepareBulk(post(idle, '/api/bulk', { selection: { kind: 'filter', filter: `dataset=${datasetId}`, exclude: [] }, operation: { type: 'accept' } }));
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/no assigned work/) });

    const draw = await drawSampleRoute(post(idle, '/api/samples', { filter: `dataset=${datasetId}`, confidence: 0.9, margin: 0.2, bar: 0.5 }));
    expect(draw.status).toBe(403);
    expect(await db.bulkAction.count({ where: { datasetId } })).toBe(0);
    expect(await db.acceptanceSample.count({ where: { datasetId } })).toBe(0);
    expect(Object.values(await statuses(datasetId)).every((s) => s === 'pending')).toBe(true);
  });

  it('leaves admins unrestricted', async () => {
    const { datasetId } = await seedMixed(12, 5);
    const admin: Who = { id: await seedUser(db, 'bulk-admin'), role: 'admin' };
    const res = await prepareBulk(post(admin, '/api/bulk', { selection: { kind: 'filter', filter: `dataset=${datasetId}`, exclude: [] }, operation: { type: 'accept' } }));
    const prepared = (await res.json()) as { id: number; count: number };
    expect(prepared.count).toBe(12);
    expect(await (await applyBulk(post(admin, `/api/bulk/${prepared.id}/apply`), params(prepared.id))).json()).toMatchObject({ changed: 12 });
  });

  it('lets a reviewer confirm and undo only the bulk actions they prepared', async () => {
    const { datasetId, ocrIds } = await seedMixed(8, 4);
    const reviewer = await reviewerAssignedTo(`dataset=${datasetId}&type=OCR`, datasetId);
    const admin: Who = { id: await seedUser(db, 'bulk-admin'), role: 'admin' };
    const whole = { selection: { kind: 'filter', filter: `dataset=${datasetId}`, exclude: [] }, operation: { type: 'accept' } };

    const adminPrepared = (await (await prepareBulk(post(admin, '/api/bulk', whole))).json()) as { id: number };
    expect((await applyBulk(post(reviewer, `/api/bulk/${adminPrepared.id}/apply`), params(adminPrepared.id))).status).toBe(403);
    expect(await db.item.count({ where: { datasetId, reviewStatus: 'accepted' } })).toBe(0);
    await applyBulk(post(admin, `/api/bulk/${adminPrepared.id}/apply`), params(adminPrepared.id));
    expect((await undoBulk(post(reviewer, `/api/bulk/${adminPrepared.id}/undo`), params(adminPrepared.id))).status).toBe(403);
    expect(await db.item.count({ where: { datasetId, reviewStatus: 'accepted' } })).toBe(8);
    expect((await undoBulk(post(admin, `/api/bulk/${adminPrepared.id}/undo`), params(adminPrepared.id))).status).toBe(200);

    const own = (await (await prepareBulk(post(reviewer, '/api/bulk', whole))).json()) as { id: number };
    expect((await applyBulk(post(reviewer, `/api/bulk/${own.id}/apply`), params(own.id))).status).toBe(200);
    expect(await db.item.count({ where: { datasetId, reviewStatus: 'accepted' } })).toBe(ocrIds.length);
    const undone = await undoBulk(post(reviewer, `/api/bulk/${own.id}/undo`), params(own.id));
    expect(await undone.json()).toMatchObject({ restored: ocrIds.length });
  });
});

describe('acceptance sampling within assigned work', () => {
  it('draws a reviewer’s sample only from a population inside their work, and limits their "accept the rest" to it', async () => {
    const { datasetId, ocrIds } = await seedMixed(80, 30);
    const reviewer = await reviewerAssignedTo(`dataset=${datasetId}&type=OCR`, datasetId);
    const admin: Who = { id: await seedUser(db, 'sample-admin'), role: 'admin' };
    const ask = { confidence: 0.9, margin: 0.2, bar: 0.5 };

    // A sample must estimate exactly its filter's items, so a wider filter is refused, not narrowed.
    const wide = await drawSampleRoute(post(reviewer, '/api/samples', { filter: `dataset=${datasetId}`, ...ask }));
    expect(wide.status).toBe(403);
    expect(((await wide.json()) as { error: { message: string } }).error.message).toMatch(/50 of the filter's 80 pending items are outside your assigned work/);
    const mine = await drawSampleRoute(post(reviewer, '/api/samples', { filter: `dataset=${datasetId}&type=OCR`, ...ask }));
    expect(mine.status).toBe(201);
    expect(await mine.json()).toMatchObject({ population: 30 });

    // An admin's sample of the whole dataset, decided good: the reviewer's "accept the rest"
    // covers only the unsampled OCR items.
    const drawn = (await (await drawSampleRoute(post(admin, '/api/samples', { filter: `dataset=${datasetId}`, ...ask }))).json()) as { id: number; size: number };
    const sampled = (await db.acceptanceSampleItem.findMany({ where: { sampleId: drawn.id }, select: { itemId: true } })).map((r) => r.itemId);
    const decided = await prepareBulkAction(db, { selection: { kind: 'ids', dataset: datasetId, ids: sampled }, operation: { type: 'accept', version: 'revision-else-draft' }, actorId: admin.id });
    await applyBulkAction(db, { id: decided.id, actorId: admin.id });

    const restOfMine = ocrIds.filter((id) => !sampled.includes(id));
    expect(restOfMine.length).toBeGreaterThan(0);
    expect(restOfMine.length).toBeLessThan(80 - sampled.length);
    const res = await acceptRest(post(reviewer, `/api/samples/${drawn.id}/accept-rest`), params(drawn.id));
    expect(res.status).toBe(201);
    const prepared = (await res.json()) as { id: number; count: number };
    expect(prepared.count).toBe(restOfMine.length);
    await applyBulk(post(reviewer, `/api/bulk/${prepared.id}/apply`), params(prepared.id));
    const accepted = (await db.item.findMany({ where: { datasetId, reviewStatus: 'accepted' }, select: { id: true }, orderBy: { id: 'asc' } })).map((r) => r.id);
    expect(accepted).toEqual([...new Set([...sampled, ...restOfMine])].sort((a, b) => a - b));
  });

  it('counts items whose assigned condition is NULL as outside the work', async () => {
    // revisionCorrect=true is NULL, not false, for items without a revision.
    const { datasetId } = await seedReviewDataset(db, 20, { cots: (k) => (k < 12 ? 'both' : 'draft') });
    const reviewer = await reviewerAssignedTo(`dataset=${datasetId}&revisionCorrect=true`, datasetId);
    const res = await drawSampleRoute(post(reviewer, '/api/samples', { filter: `dataset=${datasetId}`, confidence: 0.9, margin: 0.2, bar: 0.5 }));
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/^8 of the filter's 20/);
  });
});
