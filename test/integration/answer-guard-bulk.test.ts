import { describe, expect, it } from 'vitest';
import { itemFilterWhere } from '../support/item-filter-oracle';
import { testDb } from '../support/db';
import { seedReviewDataset } from '../support/seed-items';
import { prepareBulkAction } from '@/lib/bulk/prepare-bulk-action';
import { applyBulkAction } from '@/lib/bulk/apply-bulk-action';
import { decideCommand } from '@/cli/decide-command';
import { countItems } from '@/lib/items/count-items';
import { parseItemFilter } from '@/lib/items/filter';
import { answerCheckFails } from '@/lib/answers/answer-check-rule';
import { answerCheckFailsSql } from '@/lib/answers/answer-check-sql';

const db = testDb();

/** 6 items: k=0,1 have a wrong revision (✗); k=2 a free-form revision at 0.6 (kept), k=3 free-form at 0.3 (failing). */
async function seed() {
  const s = await seedReviewDataset(db, 6, { label: 'guard' });
  await db.item.updateMany({ where: { id: { in: [s.items[2]!.id, s.items[3]!.id] } }, data: { problemType: 'free_form' } });
  const score = (k: number) => (k < 2 ? [0, false] : k === 2 ? [0.6, false] : k === 3 ? [0.3, false] : [1, true]) as [number, boolean];
  for (const [k, it] of s.items.entries()) {
    const [answerScore, answerCorrect] = score(k);
    await db.cotVersion.update({ where: { id: it.revisionId! }, data: { answerScore, answerCorrect, formatOk: true } });
    await db.item.update({ where: { id: it.id }, data: { revisionScore: answerScore, revisionCorrect: answerCorrect } });
  }
  return s;
}

describe('the answer guard in bulk', () => {
  it('leaves items with a failing answer check out of a bulk accept unless included, and says how many', async () => {
    const s = await seed();
    const selection = { kind: 'filter' as const, filter: `dataset=${s.datasetId}`, exclude: [] };
    const out = await prepareBulkAction(db, { selection, operation: { type: 'accept', version: 'revision-else-draft' }, actorId: null });
    expect([out.count, out.mismatched, out.includeMismatched]).toEqual([3, 3, false]);
    const all = await prepareBulkAction(db, { selection, operation: { type: 'accept', version: 'revision-else-draft', includeMismatched: true }, actorId: null });
    expect([all.count, all.mismatched, all.includeMismatched]).toEqual([6, 3, true]);
    const applied = await applyBulkAction(db, { id: out.id, actorId: null });
    expect(applied.changed).toBe(3);
    const accepted = await db.item.findMany({ where: { datasetId: s.datasetId, reviewStatus: 'accepted' }, orderBy: { id: 'asc' } });
    expect(accepted.map((i) => i.id)).toEqual([s.items[2]!.id, s.items[4]!.id, s.items[5]!.id]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: 'bulk.accept', subjectId: String(out.id) } });
    expect(audit.data).toMatchObject({ count: 3, mismatched: 3 });
  });

  it('"answer correct" filters follow the same rule: a kept free-form answer counts as correct', async () => {
    const s = await seed();
    const count = (q: string) => countItems(db, parseItemFilter(new URLSearchParams(`dataset=${s.datasetId}&${q}`)));
    expect(await count('revisionCorrect=true')).toBe(3);
    expect(await count('revisionCorrect=false')).toBe(3);
    // The Prisma form of the filter (runs, assignments) selects the same items as the SQL form.
    for (const v of [true, false]) {
      const f = parseItemFilter(new URLSearchParams(`dataset=${s.datasetId}&revisionCorrect=${v}`));
      expect(await db.item.count({ where: itemFilterWhere(f) })).toBe(await count(`revisionCorrect=${v}`));
    }
  });

  it('the TS rule and its SQL twin agree on every case', async () => {
    const cases: [string, number | null, boolean | null][] = [];
    for (const t of ['multiple choice', 'numerical', 'OCR', 'free-form', 'regression'])
      for (const score of [null, 0, 0.3, 0.5, 0.7, 1])
        for (const correct of [null, false, true]) cases.push([t, score, correct]);
    const rows = await db.$queryRaw<{ t: string; fails: boolean }[]>`
      SELECT c.t, ${answerCheckFailsSql('c', 'x', 0.5)} AS fails
        FROM (SELECT * FROM jsonb_to_recordset(${JSON.stringify(cases.map(([t, s, c]) => ({ t, s, c })))}::jsonb) AS r(t text, s float8, c boolean)) c0
        CROSS JOIN LATERAL (SELECT c0.t::"ProblemType" AS problem_type) x
        CROSS JOIN LATERAL (SELECT c0.t, c0.s AS answer_score, c0.c AS answer_correct) c`;
    expect(rows.map((r) => r.fails)).toEqual(cases.map(([t, s, c]) => answerCheckFails({ answerScore: s, answerCorrect: c }, t as never, 0.5)));
  });
});

describe('cot-studio decide', () => {
  it('applies the bulk rules from a script, prints the count changed, and records one audit event', async () => {
    const s = await seed();
    const ds = await db.dataset.findUniqueOrThrow({ where: { id: s.datasetId } });
    const lines: string[] = [];
    expect(await decideCommand(['--dataset', ds.name, '--accept', 'revision', '--type', 'multiple choice'], { log: (l) => lines.push(l) })).toBe(0);
    expect(lines[0]).toMatch(/2 items to accept \(revision\) · 2 with a failing answer check left out/);
    expect(lines.at(-1)).toMatch(/^changed 2 \(bulk action #\d+/);
    lines.length = 0;
    await decideCommand(['--dataset', ds.name, '--accept', 'revision', '--include-mismatched', '--reason', 'source swapped letters'], { log: (l) => lines.push(l) });
    expect(lines.at(-1)).toMatch(/^changed 4 /); // the 4 still pending, mismatched included
    const reviews = await db.review.findMany({ where: { item: { datasetId: s.datasetId }, reason: 'source swapped letters' } });
    expect(reviews).toHaveLength(4);
    expect(await db.auditEvent.count({ where: { action: 'bulk.accept', data: { path: ['datasetId'], equals: s.datasetId } } })).toBe(2);
    await expect(decideCommand(['--dataset', ds.name, '--accept', 'reject'], { log: () => {} })).rejects.toThrow(/needs --reason/);
    await expect(decideCommand(['--dataset', ds.name, '--accept', 'maybe'], { log: () => {} })).rejects.toThrow(/--accept draft\|revision\|imported\|reject/);
  });
});
