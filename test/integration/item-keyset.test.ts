import { beforeAll, describe, expect, it } from 'vitest';
import { testDb, uniq } from '../support/db';
import { SORT_FIELDS, parseItemFilter, itemFilterToSearchParams } from '@/lib/items/filter';
import { listItems } from '@/lib/items/list-items';
import { decodePageCursor } from '@/lib/items/page-cursor';
import { itemFilterWhere, itemOrderBy } from '../support/item-filter-oracle';
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
        // One row per page, so every cursor (ties, nulls, the switch from values to nulls) is crossed.
        const walked: number[] = [];
        let cursor: string | null = null;
        for (let guard = 0; guard <= all.length; guard++) {
          const page: Awaited<ReturnType<typeof listItems>> = await listItems(db, { filter, limit: 1, ...(cursor ? { cursor: decodePageCursor(cursor, sort) } : {}) });
          walked.push(...page.items.map((r) => r.id));
          cursor = page.nextCursor;
          if (!cursor) break;
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
