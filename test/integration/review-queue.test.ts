import { describe, expect, it } from 'vitest';
import { testDb, uniq } from '../support/db';
import { seedReviewDataset, seedUser } from '../support/seed-items';
import { POST as queueNext } from '@/app/api/queue/next/route';
import { POST as decide } from '@/app/api/items/[id]/decision/route';
import { GET as getClaim } from '@/app/api/items/[id]/claim/route';
import { createAssignment } from '@/lib/assignments/create-assignment';
import { claimNextItem, countQueue } from '@/lib/review-queue/claim-next-item';

const db = testDb();

const as = (userId: string) => ({ 'content-type': 'application/json', 'x-cot-user-id': userId, 'x-cot-user-role': 'reviewer' });
const ctx = (id: number) => ({ params: Promise.resolve({ id: String(id) }) });

type Next = { claim: { itemId: number; expiresAt: string } | null; remaining: number };
async function next(userId: string, body: object = {}): Promise<Next> {
  const res = await queueNext(new Request('http://localhost/api/queue/next', { method: 'POST', headers: as(userId), body: JSON.stringify(body) }));
  expect(res.status).toBe(200);
  return (await res.json()) as Next;
}

describe('"Next for me": claimed queues', () => {
  it('20 concurrent clients: no item is served to two reviewers at once, and none beyond the reviews asked', async () => {
    const { datasetId, items } = await seedReviewDataset(db, 30, { label: 'queue20' });
    const reviewers = await Promise.all(Array.from({ length: 20 }, (_, k) => seedUser(db, `q${k}`)));
    await createAssignment(db, { actorId: null, input: { name: uniq('q'), filter: `dataset=${datasetId}`, requiredReviews: 2, reviewerIds: reviewers } });
    const revisionOf = new Map(items.map((i) => [i.id, i.revisionId!]));
    const served = new Map<number, Set<string>>();
    let rounds = 0;
    for (;;) {
      rounds++;
      // Every client asks at the same moment.
      const claims = await Promise.all(reviewers.map(async (r) => ({ r, res: await next(r) })));
      const live = claims.filter((c) => c.res.claim !== null);
      if (live.length === 0) break;
      const ids = live.map((c) => c.res.claim!.itemId);
      expect(new Set(ids).size).toBe(ids.length); // never one item to two reviewers at once
      for (const { r, res } of live) {
        const seen = served.get(res.claim!.itemId) ?? new Set<string>();
        expect(seen.has(r)).toBe(false); // never an item the reviewer already decided
        seen.add(r);
        served.set(res.claim!.itemId, seen);
      }
      // Every client decides its item at the same moment (a vote: the item needs 2).
      const results = await Promise.all(
        live.map(({ r, res }) =>
          decide(new Request('http://localhost/api', { method: 'POST', headers: as(r), body: JSON.stringify({ action: 'accept', versionId: revisionOf.get(res.claim!.itemId), expectedRev: 0 }) }), ctx(res.claim!.itemId)),
        ),
      );
      expect(results.map((x) => x.status).every((s) => s === 200)).toBe(true);
      expect(rounds).toBeLessThan(20);
    }
    const rows = await db.item.findMany({ where: { datasetId }, select: { votes: true, reviewStatus: true } });
    // Each item got exactly the 2 reviews its assignment asks for, and is settled.
    expect(rows.map((r) => Object.keys(r.votes as object).length)).toEqual(rows.map(() => 2));
    expect(rows.every((r) => r.reviewStatus === 'accepted')).toBe(true);
    expect([...served.values()].every((s) => s.size === 2)).toBe(true);
    expect(await db.itemClaim.count({ where: { item: { datasetId } } })).toBe(0); // decisions end claims
  });

  it('serves in id order, shows the claim to others, passes over with J, and hands an expired lease on', async () => {
    const { datasetId, items } = await seedReviewDataset(db, 3, { label: 'queue-lease' });
    const [a, b] = [await seedUser(db, 'alice'), await seedUser(db, 'bob')];
    await createAssignment(db, { actorId: null, input: { name: uniq('q'), filter: `dataset=${datasetId}`, requiredReviews: 1, reviewerIds: [a, b] } });
    const first = await next(a);
    expect(first.claim?.itemId).toBe(items[0]!.id);
    expect((await next(a)).claim?.itemId).toBe(items[0]!.id); // a reload serves the same item again
    const seen = await (await getClaim(new Request('http://localhost/api', { headers: as(b) }), ctx(items[0]!.id))).json();
    expect(seen).toMatchObject({ mine: false, claim: { reviewer: { id: a, name: 'alice' } } });
    expect((await next(b)).claim?.itemId).toBe(items[1]!.id);

    // J: alice passes item 0 over; her claim on it ends and she gets the next free item.
    const passed = await next(a, { release: items[0]!.id, exclude: [items[0]!.id] });
    expect(passed.claim?.itemId).toBe(items[2]!.id);
    // Bob's lease expires: alice may now take item 1.
    await db.itemClaim.update({ where: { itemId: items[1]!.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await claimNextItem(db, { reviewerId: a, exclude: [items[2]!.id, items[0]!.id] }))?.itemId).toBe(items[1]!.id);
    // Alice holds items 1 and 2 now (a claim ends with a decision, a release or its lease): bob may have item 0.
    expect(await countQueue(db, { reviewerId: b })).toBe(1);
  });

  it('in risk order serves the riskiest unreviewed item first (ties: newest id first), and J passes to the next riskiest', async () => {
    const { datasetId, items } = await seedReviewDataset(db, 5, { label: 'queue-risk' });
    const [i0, i1, i2, i3, i4] = items.map((i) => i.id) as [number, number, number, number, number];
    // Real risk inputs (the refresh_item_risk triggers turn them into risk_score): i3 has a wrong
    // answer (0.3), i1 two contradicted steps (0.2); i4 is riskiest of all but already decided.
    await db.item.update({ where: { id: i3 }, data: { revisionCorrect: false } });
    await db.item.update({ where: { id: i1 }, data: { contradictedSteps: 2 } });
    await db.item.update({ where: { id: i4 }, data: { revisionCorrect: false, contradictedSteps: 2, reviewStatus: 'accepted' } });
    const risk = new Map((await db.item.findMany({ where: { datasetId }, select: { id: true, riskScore: true } })).map((r) => [r.id, r.riskScore]));
    expect(risk.get(i4)!).toBeGreaterThan(risk.get(i3)!);
    expect(risk.get(i3)!).toBeGreaterThan(risk.get(i1)!);
    expect(risk.get(i1)!).toBeGreaterThan(risk.get(i2)!);
    expect(risk.get(i2)).toBe(risk.get(i0));

    const a = await seedUser(db, 'risky');
    await createAssignment(db, { actorId: null, input: { name: uniq('q'), filter: `dataset=${datasetId}`, requiredReviews: 1, reviewerIds: [a] } });
    const first = await next(a, { order: 'risk' });
    expect(first.claim?.itemId).toBe(i3);
    expect(first.remaining).toBe(4);
    // Passing over walks down the risk order, equal scores newest id first.
    const served = [i3];
    for (let k = 0; k < 3; k++) {
      const r = await next(a, { order: 'risk', release: served.at(-1), exclude: served });
      served.push(r.claim!.itemId);
    }
    expect(served).toEqual([i3, i1, i2, i0]);
    // The default order is still id order.
    const other = await seedUser(db, 'plain');
    await createAssignment(db, { actorId: null, input: { name: uniq('q'), filter: `dataset=${datasetId}`, requiredReviews: 1, reviewerIds: [other] } });
    expect((await next(other)).claim?.itemId).toBe(i1); // i0 is held by the first reviewer
  });

  it('rejects an unknown queue order', async () => {
    const res = await queueNext(new Request('http://localhost/api/queue/next', { method: 'POST', headers: as(await seedUser(db, 'bad')), body: JSON.stringify({ order: 'random' }) }));
    expect(res.status).toBe(400);
  });
});
