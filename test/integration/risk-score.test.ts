import { describe, expect, it } from 'vitest';
import { testDb, uniq } from '../support/db';
import { listItems } from '@/lib/items/list-items';
import { itemFilterSchema } from '@/lib/items/filter';
import { acceptVersion } from '@/lib/review/accept-version';
import { rejectItem } from '@/lib/review/reject-item';
import { explainRisk } from '@/lib/risk/explain-risk';

const db = testDb();

async function item(datasetId: number, o: { draft: string; revision?: string; draftAnswer?: string; revisionAnswer?: string }) {
  const it = await db.item.create({ data: { datasetId, problemId: uniq('p'), problem: 'Q', problemType: 'multiple_choice', dataType: 'video', path: './v.mp4', solution: '<answer>A</answer>', groundTruth: 'A' } });
  const d = await db.cotVersion.create({ data: { itemId: it.id, kind: 'draft', text: o.draft, answer: o.draftAnswer ?? 'A' } });
  const r = o.revision ? await db.cotVersion.create({ data: { itemId: it.id, kind: 'revision', text: o.revision, answer: o.revisionAnswer ?? 'A' } }) : null;
  await db.item.update({ where: { id: it.id }, data: { currentDraftId: d.id, currentRevisionId: r?.id ?? null } });
  return { id: it.id, draftId: d.id, revisionId: r?.id ?? null };
}

const TEXT = '<think>The red square moves right and leaves the frame at the end.</think><answer>A</answer>';

describe('risk score', () => {
  it('is kept by the database as inputs change, explained by its components, and orders the items table highest first', async () => {
    const ds = await db.dataset.create({ data: { name: uniq('risk'), mediaRoot: '/tmp' } });
    const calm = await item(ds.id, { draft: TEXT, revision: TEXT });
    const changed = await item(ds.id, { draft: TEXT, revision: '<think>A blue circle stays still in the middle for the whole video.</think><answer>B</answer>', revisionAnswer: 'B' });
    const wrong = await item(ds.id, { draft: TEXT });
    // Inputs written by any path (here: a plain set-based UPDATE, as the check stage does).
    await db.$executeRawUnsafe(`UPDATE item SET draft_correct = false, consistency_score = 0.1 WHERE id = $1`, wrong.id);
    await db.$executeRawUnsafe(`UPDATE item SET contradicted_steps = 3 WHERE id = $1`, wrong.id);
    const rows = await db.item.findMany({ where: { datasetId: ds.id }, orderBy: { id: 'asc' } });
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(calm.id)!.riskScore).toBe(0);
    expect(byId.get(changed.id)!.riskComponents).toMatchObject({ answerChanged: 0.1, largeRevision: expect.any(Number) });
    expect(byId.get(wrong.id)!.riskComponents).toEqual({ answerWrong: 0.3, lowConsistency: 0.12, contradictedSteps: 0.2 });
    expect(byId.get(wrong.id)!.riskScore).toBeCloseTo(0.62, 6);
    expect(explainRisk(0.62, byId.get(wrong.id)!.riskComponents as Record<string, number>)).toBe(
      'risk 0.62: answer check failing +0.30, steps contradicted by the video +0.20, low text–video consistency +0.12',
    );

    const page = await listItems(db, { filter: itemFilterSchema.parse({ dataset: String(ds.id), sort: 'riskScore', dir: 'desc' }), limit: 10 });
    expect(page.items.map((r) => r.id)).toEqual([wrong.id, changed.id, calm.id]);
    expect(page.items[0]!.riskScore).toBeCloseTo(0.62, 6);

    // Fixing the answer lowers the score again.
    await db.$executeRawUnsafe(`UPDATE item SET draft_correct = true WHERE id = $1`, wrong.id);
    expect((await db.item.findUniqueOrThrow({ where: { id: wrong.id } })).riskScore).toBeCloseTo(0.32, 6);
  });

  it('adds reviewer disagreement when one reviewer accepts and another rejects, and drops it on undo-like changes', async () => {
    const ds = await db.dataset.create({ data: { name: uniq('risk'), mediaRoot: '/tmp' } });
    const a = await item(ds.id, { draft: TEXT, revision: TEXT });
    const [u1, u2] = await Promise.all([
      db.user.create({ data: { id: uniq('u'), name: 'One', email: `${uniq('one')}@t.local` } }),
      db.user.create({ data: { id: uniq('u'), name: 'Two', email: `${uniq('two')}@t.local` } }),
    ]);
    await acceptVersion(db, { itemId: a.id, versionId: a.revisionId!, expectedRev: 0, actorId: u1.id });
    const cur = await db.item.findUniqueOrThrow({ where: { id: a.id } });
    expect(cur.reviewDisagreement).toBe(false);
    await rejectItem(db, { itemId: a.id, expectedRev: cur.rev, actorId: u2.id, reason: 'contradicts-video' });
    const after = await db.item.findUniqueOrThrow({ where: { id: a.id } });
    expect(after).toMatchObject({ reviewDisagreement: true, riskComponents: { reviewerDisagreement: 0.1 } });
    await db.review.updateMany({ where: { itemId: a.id, reviewerId: u2.id }, data: { undoneAt: new Date() } });
    expect((await db.item.findUniqueOrThrow({ where: { id: a.id } })).reviewDisagreement).toBe(false);
  });
});
