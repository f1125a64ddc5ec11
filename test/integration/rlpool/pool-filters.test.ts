import { beforeAll, describe, expect, it } from 'vitest';
import { itemFilterWhere, itemOrderBy } from '../../support/item-filter-oracle';
import { Prisma } from '@/generated/prisma/client';
import { countItems } from '@/lib/items/count-items';
import { parseItemFilter } from '@/lib/items/filter';
import { matchingItemIdsSql } from '@/lib/items/filter-sql';
import { listItems } from '@/lib/items/list-items';
import { decodePageCursor } from '@/lib/items/page-cursor';
import { testDb, uniq } from '../../support/db';

// The RL pool's filters select the same items in SQL (items table, bulk actions) and in the
// Prisma form (review page, runs); pass rate sorts with empty values last.

const db = testDb();
let datasetId = 0;
const byPid = new Map<string, number>();

beforeAll(async () => {
  const ds = await db.dataset.create({ data: { name: uniq('pool-filter'), mediaRoot: '/tmp' } });
  datasetId = ds.id;
  const rates = [0, 0.25, 0.5, 1, null];
  for (let k = 0; k < 20; k++) {
    const rate = rates[k % rates.length] ?? null;
    const item = await db.item.create({
      data: {
        datasetId,
        problemId: `r${k}`,
        problem: `q${k}`,
        problemType: 'multiple_choice',
        dataType: 'video',
        path: './a.mp4',
        solution: '<answer>A</answer>',
        passRate: rate,
        rolloutK: rate === null ? null : 4,
        rolloutPass: rate === null ? null : rate * 4,
        blindAnswerable: k % 3 === 0 ? true : k % 3 === 1 ? false : null,
        duplicateCluster: k < 6 ? 1_000_000 + (k % 2) : null,
        contaminated: k % 7 === 0,
      },
    });
    byPid.set(`r${k}`, item.id);
  }
  // Members 0..5 form two clusters; the kept one is each cluster's first member.
  for (let k = 0; k < 6; k++) {
    const id = byPid.get(`r${k}`)!;
    const keeper = byPid.get(`r${k % 2}`)!;
    await db.item.update({ where: { id }, data: { duplicateCluster: keeper, duplicateOf: id === keeper ? null : keeper } });
  }
});

async function walk(f: ReturnType<typeof parseItemFilter>): Promise<number[]> {
  const out: number[] = [];
  let cursor: string | null = null;
  do {
    const page = await listItems(db, { filter: f, limit: 3, ...(cursor ? { cursor: decodePageCursor(cursor, f.sort) } : {}) });
    out.push(...page.items.map((r) => r.id));
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

describe('RL pool filters', () => {
  const cases: [Record<string, string>, number][] = [
    [{ difficulty: 'all-pass' }, 4],
    [{ difficulty: 'all-fail' }, 4],
    [{ difficulty: 'mixed' }, 8],
    [{ passRateMin: '0.25', passRateMax: '0.5' }, 8],
    [{ blindAnswerable: 'true' }, 7],
    [{ blindAnswerable: 'false' }, 7],
    [{ hasDuplicate: 'true' }, 6],
    [{ hasDuplicate: 'false' }, 14],
    [{ duplicateExtra: 'true' }, 4],
    [{ contaminated: 'true' }, 3],
    [{ contaminated: 'false', difficulty: 'mixed' }, 7],
  ];

  it('select the same items in SQL and in Prisma, with the expected counts', async () => {
    for (const [params, n] of cases) {
      const f = parseItemFilter({ dataset: String(datasetId), ...params });
      const viaPrisma = (await db.item.findMany({ where: itemFilterWhere(f), select: { id: true } })).map((r) => r.id).sort((a, b) => a - b);
      const viaSql = (await db.$queryRaw<{ id: number }[]>(Prisma.sql`${matchingItemIdsSql(f)}`)).map((r) => r.id).sort((a, b) => a - b);
      expect(viaSql, JSON.stringify(params)).toEqual(viaPrisma);
      expect(viaPrisma.length, JSON.stringify(params)).toBe(n);
      expect(await countItems(db, f)).toBe(n);
    }
  });

  it('sorts by pass rate, empty last, in pages as in the Prisma order', async () => {
    for (const dir of ['asc', 'desc']) {
      const f = parseItemFilter({ dataset: String(datasetId), sort: 'passRate', dir });
      const expected = (await db.item.findMany({ where: itemFilterWhere(f), orderBy: itemOrderBy(f.sort, f.dir), select: { id: true, passRate: true } }));
      const paged = await walk(f);
      expect(paged).toEqual(expected.map((r) => r.id));
      expect(expected.at(-1)!.passRate).toBeNull();
      expect(expected[0]!.passRate).toBe(dir === 'asc' ? 0 : 1);
    }
  });

  it('the items table rows carry the pool columns', async () => {
    const page = await listItems(db, { filter: parseItemFilter({ dataset: String(datasetId), difficulty: 'mixed' }), limit: 1 });
    expect(page.items[0]).toMatchObject({ passRate: 0.25, rolloutK: 4, rolloutPass: 1 });
  });
});
