import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testDb, uniq } from '../support/db';
import { POST as decide } from '@/app/api/items/[id]/decision/route';
import { POST as saveEdit } from '@/app/api/items/[id]/edits/route';
import { POST as undo } from '@/app/api/items/[id]/undo/route';
import { GET as getItem } from '@/app/api/items/[id]/route';
import { GET as history } from '@/app/api/items/[id]/history/route';
import { GET as neighbors } from '@/app/api/items/[id]/neighbors/route';

const db = testDb();
const TEXT = '<think>\nThe video shows a green ball.\n</think>\n<answer>A</answer>';

let datasetId = 0;
let itemIds: number[] = [];
let revisionId = 0;

beforeEach(async () => {
  datasetId = (await db.dataset.create({ data: { name: uniq('routes'), mediaRoot: '/tmp' } })).id;
  itemIds = [];
  for (const [i, type] of (['multiple_choice', 'OCR', 'multiple_choice', 'OCR'] as const).entries()) {
    const item = await db.item.create({
      data: { datasetId, problemId: `r${i}`, problem: 'Q?', problemType: type, dataType: 'video', path: './v.mp4', solution: '<answer>A</answer>', groundTruth: 'A' },
    });
    const rev = await db.cotVersion.create({ data: { itemId: item.id, kind: 'revision', text: TEXT, formatOk: true, answer: 'A', answerScore: 1, answerCorrect: true } });
    await db.item.update({ where: { id: item.id }, data: { currentRevisionId: rev.id } });
    itemIds.push(item.id);
    if (i === 0) revisionId = rev.id;
  }
});

const ctx = (id: number | string) => ({ params: Promise.resolve({ id: String(id) }) });
// The proxy sets these on every item route; a handler called without them refuses (401).
const ADMIN = { 'x-cot-user-id': '', 'x-cot-user-role': 'admin' };
beforeAll(async () => {
  ADMIN['x-cot-user-id'] = (await db.user.create({ data: { id: uniq('admin'), name: 'Routes Admin', email: `${uniq('admin')}@example.org`, role: 'admin' } })).id;
});
const post = (body: unknown, headers: Record<string, string> = {}) =>
  new Request('http://localhost/api', { method: 'POST', headers: { 'content-type': 'application/json', ...ADMIN, ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
const read = () => new Request('http://localhost/api', { headers: ADMIN });

describe('review routes', () => {
  it('accepts through the decision route and answers 409 with the current item when the revision is stale', async () => {
    const ok = await decide(post({ action: 'accept', versionId: revisionId, expectedRev: 0 }), ctx(itemIds[0]!));
    expect(ok.status).toBe(200);
    expect((await ok.json()).item).toMatchObject({ reviewStatus: 'accepted', rev: 1 });

    const stale = await decide(post({ action: 'reject', reason: 'wrong-answer', expectedRev: 0 }), ctx(itemIds[0]!));
    expect(stale.status).toBe(409);
    const body = await stale.json();
    expect(body.error.code).toBe('CONFLICT');
    expect(body.error.details.item).toMatchObject({ id: itemIds[0], reviewStatus: 'accepted', rev: 1 });
  });

  it('refuses bad input with a 400 that names what is wrong', async () => {
    const badReason = await decide(post({ action: 'reject', reason: 'meh', expectedRev: 0 }), ctx(itemIds[0]!));
    expect(badReason.status).toBe(400);
    expect((await badReason.json()).error.message).toMatch(/reason/);
    const notJson = await decide(post('{oops'), ctx(itemIds[0]!));
    expect(notJson.status).toBe(400);
    const badId = await getItem(read(), ctx('abc'));
    expect(badId.status).toBe(400);
    expect((await getItem(read(), ctx(999_999_999))).status).toBe(404);
    const noRev = await saveEdit(post({ text: TEXT, baseVersionId: revisionId }), ctx(itemIds[0]!));
    expect(noRev.status).toBe(400);
    expect((await noRev.json()).error.message).toMatch(/expectedRev/);
  });

  it('saves an edit (201), undoes the accept, and lists both in the history', async () => {
    const saved = await saveEdit(post({ text: TEXT.replace('green', 'bright green'), baseVersionId: revisionId, expectedRev: 0, accept: true }), ctx(itemIds[0]!));
    expect(saved.status).toBe(201);
    const undone = await undo(post({ expectedRev: 1 }), ctx(itemIds[0]!));
    expect((await undone.json()).item).toMatchObject({ reviewStatus: 'pending', rev: 2 });
    const h = await (await history(read(), ctx(itemIds[0]!))).json();
    expect(h.versions.map((v: { kind: string }) => v.kind)).toEqual(['revision', 'edit']);
    expect(h.decisions).toHaveLength(1);
    expect(h.decisions[0].undoneAt).not.toBeNull();
  });

  it('records the signed-in reviewer from the auth headers', async () => {
    const user = await db.user.create({ data: { id: uniq('u'), name: 'Rita Reviewer', email: `${uniq('rita')}@example.org` } });
    // Reviewers act only within their assignments (lib/assignments/item-access.ts).
    await db.assignment.create({ data: { name: uniq('all'), datasetId, filter: `dataset=${datasetId}`, reviewers: { create: [{ reviewerId: user.id }] } } });
    await decide(post({ action: 'skip', expectedRev: 0 }, { 'x-cot-user-id': user.id, 'x-cot-user-role': 'reviewer' }), ctx(itemIds[1]!));
    const item = await (await getItem(read(), ctx(itemIds[1]!))).json();
    expect(item).toMatchObject({ reviewStatus: 'skipped', reviewedBy: { id: user.id, name: 'Rita Reviewer' }, lastDecision: { reviewer: { name: 'Rita Reviewer' } } });
  });

  it('finds neighbors within the list filter', async () => {
    const url = (q: string) => new Request(`http://localhost/api/items/x/neighbors?${q}`, { headers: ADMIN });
    const all = await (await neighbors(url(`dataset=${datasetId}&count=2`), ctx(itemIds[1]!))).json();
    expect(all).toEqual({ next: [itemIds[2], itemIds[3]], previous: [itemIds[0]] });
    const ocr = await (await neighbors(url(`dataset=${datasetId}&type=OCR`), ctx(itemIds[1]!))).json();
    expect(ocr).toEqual({ next: [itemIds[3]], previous: [] });
    expect((await neighbors(url(`dataset=${datasetId}&type=essay`), ctx(itemIds[1]!))).status).toBe(400);
  });
});
