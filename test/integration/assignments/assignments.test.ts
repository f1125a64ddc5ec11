import { beforeAll, describe, expect, it } from 'vitest';
import { Prisma } from '@/generated/prisma/client';
import { testDb, uniq } from '../../support/db';
import { createAssignment } from '@/lib/assignments/create-assignment';
import { assignmentAgreement } from '@/lib/assignments/assignment-agreement';
import { bulkRestriction } from '@/lib/assignments/bulk-restriction';
import { listAssignments } from '@/lib/assignments/list-assignments';
import { makeUser } from '../auth/helpers';

const db = testDb();
let datasetId = 0;
const itemIds: number[] = [];
let r1: Awaited<ReturnType<typeof makeUser>>;
let r2: Awaited<ReturnType<typeof makeUser>>;
let r3: Awaited<ReturnType<typeof makeUser>>;

beforeAll(async () => {
  datasetId = (await db.dataset.create({ data: { name: uniq('assign'), mediaRoot: '/tmp' } })).id;
  for (let i = 0; i < 6; i++) {
    const it = await db.item.create({
      data: { datasetId, problemId: `a${i}`, problem: 'q', problemType: i < 4 ? 'OCR' : 'numerical', dataType: 'video', path: './v.mp4', solution: '<answer>1</answer>' },
    });
    itemIds.push(it.id);
  }
  [r1, r2, r3] = await Promise.all([makeUser(db, 'reviewer'), makeUser(db, 'reviewer'), makeUser(db, 'reviewer')]);
});

async function decide(itemId: number, reviewerId: string, status: 'accepted' | 'rejected' | 'skipped', undone = false) {
  await db.review.create({ data: { itemId, reviewerId, status, itemRev: 0, previousStatus: 'pending', undoneAt: undone ? new Date() : null } });
}

describe('assignments', () => {
  it('stores the filter in canonical form and rejects a bad one by name', async () => {
    const { id } = await createAssignment(db, { actorId: null, input: { name: 'ocr', filter: `?type=OCR&dataset=${datasetId}`, reviewerIds: [r1.id] } });
    const row = await db.assignment.findUniqueOrThrow({ where: { id } });
    expect(row.filter).toBe(`dataset=${datasetId}&type=OCR`);
    await expect(createAssignment(db, { actorId: null, input: { name: 'bad', filter: `dataset=${datasetId}&type=essay`, reviewerIds: [r1.id] } })).rejects.toThrow(/type/);
    await expect(createAssignment(db, { actorId: null, input: { name: 'bad', filter: 'status=pending', reviewerIds: [r1.id] } })).rejects.toThrow(/dataset/);
    await expect(createAssignment(db, { actorId: null, input: { name: 'n', filter: `dataset=${datasetId}`, requiredReviews: 3, reviewerIds: [r1.id, r2.id] } })).rejects.toThrow(
      /requiredReviews/,
    );
  });

  it('measures agreement from each reviewer’s latest decision that was not undone', async () => {
    const { id } = await createAssignment(db, { actorId: null, input: { name: 'double', filter: `dataset=${datasetId}&type=OCR`, requiredReviews: 2, reviewerIds: [r1.id, r2.id, r3.id] } });
    const [a, b, c, d] = itemIds as [number, number, number, number];
    // a: both accept. b: r1 changed their mind to agree with r2 (latest counts). c: split.
    // d: r2's rejection was undone and r3 only skipped, so d has one judgement.
    await decide(a, r1.id, 'accepted');
    await decide(a, r2.id, 'accepted');
    await decide(b, r1.id, 'accepted');
    await decide(b, r2.id, 'rejected');
    await decide(b, r1.id, 'rejected');
    await decide(c, r1.id, 'accepted');
    await decide(c, r2.id, 'rejected');
    await decide(c, r3.id, 'accepted');
    await decide(d, r1.id, 'accepted');
    await decide(d, r2.id, 'rejected', true);
    await decide(d, r3.id, 'skipped');
    const g = await assignmentAgreement(db, { assignmentId: id });
    expect(g).toMatchObject({ items: 4, complete: 3, inProgress: 1, compared: 3, unanimous: 2 });
    expect(g.agreement).toBeCloseTo(2 / 3);
    // Pairs: a 1/1, b 1/1, c 1 of 3 agree → 3/5.
    expect(g.pairwise).toBeCloseTo(3 / 5);
    expect(g.disagreements.map((x) => x.itemId)).toEqual([c]);
    expect(g.perReviewer.find((p) => p.reviewerId === r1.id)?.decided).toBe(4);
  });

  it('limits a reviewer’s bulk actions to their assigned items; admins are not limited', async () => {
    const stranger = await makeUser(db, 'reviewer');
    const inScope = async (role: 'reviewer' | 'admin', userId: string, ids: number[]) => {
      const restrict = await bulkRestriction(db, { id: userId, role });
      const where = restrict ?? Prisma.sql`TRUE`;
      const [row] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM item i WHERE i.id = ANY(${ids}::int[]) AND ${where}`;
      return row!.n;
    };
    expect(await inScope('reviewer', r1.id, itemIds.slice(0, 2))).toBe(2);
    // Two of these are outside the reviewer's work (a bulk action over them is refused).
    expect(await inScope('reviewer', r1.id, itemIds.slice(3, 6))).toBe(1);
    await expect(bulkRestriction(db, { id: stranger.id, role: 'reviewer' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await inScope('admin', stranger.id, itemIds.slice(3, 6))).toBe(3);
    const restrict = await bulkRestriction(db, { id: r1.id, role: 'reviewer' });
    const [scoped] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM item i WHERE i.dataset_id = ${datasetId} AND ${restrict!}`;
    expect(scoped!.n).toBe(4);
  });

  it('shows a reviewer only their own assignments', async () => {
    const loner = await makeUser(db, 'reviewer');
    await createAssignment(db, { actorId: null, input: { name: 'solo', filter: `dataset=${datasetId}&type=numerical`, reviewerIds: [loner.id] } });
    const list = await listAssignments(db, { reviewerId: loner.id });
    expect(list.map((a) => a.name)).toEqual(['solo']);
    expect(list[0]!.items).toBe(2);
  });
});
