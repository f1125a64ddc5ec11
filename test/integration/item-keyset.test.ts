import { beforeAll, describe, expect, it } from 'vitest';
import { testDb, uniq } from '../support/db';
import { SORT_FIELDS, parseItemFilter, itemFilterWhere, itemFilterToSearchParams } from '@/lib/items/filter';
import { afterCursor, cursorOf, itemOrderBy } from '@/lib/items/keyset';
import { findNeighbors } from '@/lib/items/neighbors';

const db = testDb();
let datasetId = 0;

beforeAll(async () => {
  const ds = await db.dataset.create({ data: { name: uniq('keyset'), mediaRoot: '/tmp' } });
  datasetId = ds.id;
  // Ties and nulls on purpose: keyset paging must neither skip nor repeat rows.
  const scores = [0.5, null, 0.5, 1, 0, null, 0.25, 0.5, 1, null, 0.75, 0];
  for (const [i, s] of scores.entries()) {
    await db.item.create({
      data: {
        datasetId, problemId: `k${i}`, problem: `question ${i}`, problemType: 'numerical', dataType: 'video', path: './v.mp4', solution: '<answer>1</answer>',
        draftScore: s, revisionScore: s === null ? null : 1 - s, cotLength: s === null ? null : Math.round(s * 100), consistencyScore: s,
      },
    });
  }
});

describe('keyset paging over the items table', () => {
  for (const sort of SORT_FIELDS) {
    for (const dir of ['asc', 'desc'] as const) {
      it(`walks every row exactly once, forwards and backwards, sorted by ${sort} ${dir}`, async () => {
        const filter = parseItemFilter({ dataset: String(datasetId), sort, dir });
        const where = itemFilterWhere(filter);
        const all = await db.item.findMany({ where, orderBy: itemOrderBy(sort, dir) });
        const walked: number[] = [];
        let row = all[0]!;
        walked.push(row.id);
        for (;;) {
          const next = await db.item.findFirst({ where: { AND: [where, afterCursor(sort, dir, cursorOf(row, sort))] }, orderBy: itemOrderBy(sort, dir) });
          if (!next) break;
          walked.push(next.id);
          row = next;
        }
        expect(walked).toEqual(all.map((r) => r.id));

        const middle = all[5]!;
        const n = await findNeighbors(db, { filter, itemId: middle.id, count: 2 });
        expect(n.next).toEqual([all[6]!.id, all[7]!.id]);
        expect(n.previous).toEqual([all[4]!.id, all[3]!.id]);
      });
    }
  }

  it('round-trips a filter through the URL', () => {
    const f = parseItemFilter({ dataset: '3', status: 'pending,skipped', type: 'multiple choice', draftCorrect: 'false', scoreMin: '0.5', sort: 'draftScore', dir: 'desc' });
    expect(parseItemFilter(itemFilterToSearchParams(f))).toEqual(f);
  });

  it('rejects a bad filter with a message naming the field', () => {
    expect(() => parseItemFilter({ dataset: '1', type: 'essay' })).toThrow(/type/);
  });
});
