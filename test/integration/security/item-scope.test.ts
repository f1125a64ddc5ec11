import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb, uniq } from '../../support/db';
import { POST as decide } from '@/app/api/items/[id]/decision/route';
import { POST as saveEdit } from '@/app/api/items/[id]/edits/route';
import { POST as undo } from '@/app/api/items/[id]/undo/route';
import { GET as getItem } from '@/app/api/items/[id]/route';
import { GET as history } from '@/app/api/items/[id]/history/route';
import { GET as neighbors } from '@/app/api/items/[id]/neighbors/route';
import { GET as media } from '@/app/api/media/[datasetId]/[...path]/route';
import { GET as listItems } from '@/app/api/items/route';
import { GET as countItems } from '@/app/api/items/count/route';

// Finding 1 of the outside security test: a reviewer could decide, edit and undo any item
// (including an admin's decisions, item by item). Every single-item route now applies the bulk
// actions' scope: reviewers act within their assignments' filters and undo only their own.

const db = testDb();
const TEXT = '<think>\nThe video shows a ball.\n</think>\n<answer>A</answer>';
let tmp = '';
let datasetId = 0;
let inScope = { id: 0, revisionId: 0 };
let outside = { id: 0, revisionId: 0 };
let adminId = '';
let reviewerId = '';
let otherReviewerId = '';

const hdr = (id: string, role: 'admin' | 'reviewer') => ({ 'x-cot-user-id': id, 'x-cot-user-role': role });
const ctx = (id: number) => ({ params: Promise.resolve({ id: String(id) }) });
const post = (headers: Record<string, string>, body: unknown) =>
  new Request('http://localhost/api', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
const get = (headers: Record<string, string>, url = 'http://localhost/api') => new Request(url, { headers });
const rev = async (id: number) => (await db.item.findUniqueOrThrow({ where: { id } })).rev;

async function makeItem(problemId: string, type: 'OCR' | 'multiple_choice', clip: string) {
  const video = await db.video.create({ data: { datasetId, path: `./${clip}` } });
  const item = await db.item.create({
    data: { datasetId, videoId: video.id, problemId, problem: 'Q?', problemType: type, dataType: 'video', path: `./${clip}`, solution: '<answer>A</answer>', groundTruth: 'A' },
  });
  const r = await db.cotVersion.create({ data: { itemId: item.id, kind: 'revision', text: TEXT, formatOk: true, answer: 'A', answerScore: 1, answerCorrect: true } });
  await db.item.update({ where: { id: item.id }, data: { currentRevisionId: r.id } });
  return { id: item.id, revisionId: r.id };
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'item-scope-'));
  fs.writeFileSync(path.join(tmp, 'in.mp4'), 'in');
  fs.writeFileSync(path.join(tmp, 'out.mp4'), 'out');
  datasetId = (await db.dataset.create({ data: { name: uniq('scope'), mediaRoot: tmp } })).id;
  inScope = await makeItem('in', 'OCR', 'in.mp4');
  outside = await makeItem('out', 'multiple_choice', 'out.mp4');
  const user = async (role: 'admin' | 'reviewer') => (await db.user.create({ data: { id: uniq(role), name: role, email: `${uniq(role)}@cot.test`, role } })).id;
  adminId = await user('admin');
  reviewerId = await user('reviewer');
  otherReviewerId = await user('reviewer');
  // Both reviewers are assigned the OCR items only.
  await db.assignment.create({
    data: { name: uniq('ocr'), datasetId, filter: `dataset=${datasetId}&type=OCR`, requiredReviews: 1, reviewers: { create: [{ reviewerId }, { reviewerId: otherReviewerId }] } },
  });
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('a reviewer outside their assignment', () => {
  const reviewer = () => hdr(reviewerId, 'reviewer');

  it('cannot read the item, its history, its neighbours or its media', async () => {
    for (const res of [
      await getItem(get(reviewer()), ctx(outside.id)),
      await history(get(reviewer()), ctx(outside.id)),
      await neighbors(get(reviewer(), `http://localhost/api?dataset=${datasetId}`), ctx(outside.id)),
      await media(get(reviewer()), { params: Promise.resolve({ datasetId: String(datasetId), path: ['out.mp4'] }) }),
    ]) {
      expect(res.status).toBe(403);
      expect((await res.json()).error.code).toBe('FORBIDDEN');
    }
  });

  it('cannot accept, reject, skip, edit or undo it, and nothing changes', async () => {
    const before = await rev(outside.id);
    const refused = [
      await decide(post(reviewer(), { action: 'accept', versionId: outside.revisionId, expectedRev: before }), ctx(outside.id)),
      await decide(post(reviewer(), { action: 'reject', reason: 'wrong-answer', expectedRev: before }), ctx(outside.id)),
      await decide(post(reviewer(), { action: 'skip', expectedRev: before }), ctx(outside.id)),
      await saveEdit(post(reviewer(), { text: TEXT.replace('ball', 'cube'), baseVersionId: outside.revisionId, expectedRev: before, accept: true }), ctx(outside.id)),
      await undo(post(reviewer(), { expectedRev: before }), ctx(outside.id)),
    ];
    for (const res of refused) expect(res.status).toBe(403);
    expect(await rev(outside.id)).toBe(before);
    expect(await db.cotVersion.count({ where: { itemId: outside.id, kind: 'edit' } })).toBe(0);
    expect(await db.review.count({ where: { itemId: outside.id } })).toBe(0);
  });

  it('does not see it in the items table, its count or next/previous', async () => {
    const list = await (await listItems(get(reviewer(), `http://localhost/api/items?dataset=${datasetId}`))).json();
    expect(list.items.map((i: { id: number }) => i.id)).toEqual([inScope.id]);
    expect((await (await countItems(get(reviewer(), `http://localhost/api/items/count?dataset=${datasetId}`))).json()).count).toBe(1);
    const n = await (await neighbors(get(reviewer(), `http://localhost/api?dataset=${datasetId}&count=5`), ctx(inScope.id))).json();
    expect([...n.next, ...n.previous]).not.toContain(outside.id);
    // An admin sees both.
    expect((await (await countItems(get(hdr(adminId, 'admin'), `http://localhost/api/items/count?dataset=${datasetId}`))).json()).count).toBe(2);
  });

  it('a reviewer with no assignment at all is refused too', async () => {
    const loner = (await db.user.create({ data: { id: uniq('loner'), name: 'loner', email: `${uniq('loner')}@cot.test`, role: 'reviewer' } })).id;
    expect((await getItem(get(hdr(loner, 'reviewer')), ctx(inScope.id))).status).toBe(403);
  });

  it('a request without a user (a route left unguarded) is refused', async () => {
    expect((await getItem(get({}), ctx(inScope.id))).status).toBe(401);
  });
});

describe('a reviewer inside their assignment', () => {
  it('reads, decides and plays the media of an assigned item', async () => {
    const h = hdr(reviewerId, 'reviewer');
    expect((await getItem(get(h), ctx(inScope.id))).status).toBe(200);
    expect((await history(get(h), ctx(inScope.id))).status).toBe(200);
    const m = await media(get(h), { params: Promise.resolve({ datasetId: String(datasetId), path: ['in.mp4'] }) });
    expect(m.status).toBe(200);
    expect(await m.text()).toBe('in');
    const ok = await decide(post(h, { action: 'skip', expectedRev: await rev(inScope.id) }), ctx(inScope.id));
    expect(ok.status).toBe(200);
    // …and undoes their own decision.
    const undone = await undo(post(h, { expectedRev: await rev(inScope.id) }), ctx(inScope.id));
    expect(undone.status).toBe(200);
  });

  it('cannot undo an admin’s decision or another reviewer’s, item by item', async () => {
    const accepted = await decide(post(hdr(adminId, 'admin'), { action: 'accept', versionId: inScope.revisionId, expectedRev: await rev(inScope.id) }), ctx(inScope.id));
    expect(accepted.status).toBe(200);
    const refused = await undo(post(hdr(reviewerId, 'reviewer'), { expectedRev: await rev(inScope.id) }), ctx(inScope.id));
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.message).toMatch(/only their own/);
    expect((await db.item.findUniqueOrThrow({ where: { id: inScope.id } })).reviewStatus).toBe('accepted');

    const reopened = await undo(post(hdr(adminId, 'admin'), { expectedRev: await rev(inScope.id) }), ctx(inScope.id));
    expect(reopened.status).toBe(200);
    expect((await decide(post(hdr(otherReviewerId, 'reviewer'), { action: 'skip', expectedRev: await rev(inScope.id) }), ctx(inScope.id))).status).toBe(200);
    expect((await undo(post(hdr(reviewerId, 'reviewer'), { expectedRev: await rev(inScope.id) }), ctx(inScope.id))).status).toBe(403);
  });
});

describe('an admin', () => {
  it('is unrestricted: reads and changes an item no assignment covers, and undoes anyone’s decision', async () => {
    const h = hdr(adminId, 'admin');
    expect((await getItem(get(h), ctx(outside.id))).status).toBe(200);
    const m = await media(get(h), { params: Promise.resolve({ datasetId: String(datasetId), path: ['out.mp4'] }) });
    expect(m.status).toBe(200);
    expect((await undo(post(h, { expectedRev: await rev(inScope.id) }), ctx(inScope.id))).status).toBe(200);
  });
});
