import { beforeAll, describe, expect, it } from 'vitest';
import { itemFilterWhere, itemOrderBy } from '../support/item-filter-oracle';
import { Prisma } from '@/generated/prisma/client';
import { testDb, uniq } from '../support/db';
import { SORT_FIELDS, itemFilterToSearchParams, parseItemFilter, type ItemFilter } from '@/lib/items/filter';
import { anyItemFilterSql, matchingItemIdsSql } from '@/lib/items/filter-sql';
import { listItems } from '@/lib/items/list-items';
import { countItems } from '@/lib/items/count-items';
import { decodePageCursor } from '@/lib/items/page-cursor';
import { findNeighbors } from '@/lib/items/neighbors';

// The items table reads through SQL (filter-sql.ts) while the review page's next/previous and
// runs use the Prisma form (filter.ts). Both must select the same items, in the same order.

const db = testDb();
let datasetId = 0;
let otherDatasetId = 0;
let reviewerId = '';
let sampleId = 0;

const TYPES = ['multiple_choice', 'numerical', 'OCR', 'free_form', 'regression'] as const;
const STATUSES = ['pending', 'accepted', 'rejected', 'skipped'] as const;

beforeAll(async () => {
  const ds = await db.dataset.create({ data: { name: uniq('filter'), mediaRoot: '/tmp' } });
  const other = await db.dataset.create({ data: { name: uniq('filter-other'), mediaRoot: '/tmp' } });
  datasetId = ds.id;
  otherDatasetId = other.id;
  reviewerId = uniq('reviewer');
  await db.user.create({ data: { id: reviewerId, name: 'Filter Reviewer', email: `${reviewerId}@test.local` } });
  const represented = await db.video.create({ data: { datasetId, path: './a.mp4', representationAt: new Date() } });
  const bare = await db.video.create({ data: { datasetId, path: './b.mp4' } });
  const scores = [0, 0.25, 0.5, 0.75, 1, null];
  for (let k = 0; k < 40; k++) {
    const score = scores[k % scores.length] ?? null;
    const revScore = k % 3 === 0 ? null : scores[(k + 2) % scores.length] ?? null;
    const item = await db.item.create({
      data: {
        datasetId,
        videoId: k % 7 === 0 ? null : k % 2 ? represented.id : bare.id,
        problemId: `f${k}`,
        problem: k === 5 ? 'How many 50% discounts_are shown?' : k % 4 === 0 ? `What colour is the Parrot in clip ${k}?` : `Question ${k} about motion`,
        problemType: TYPES[k % TYPES.length]!,
        dataType: 'video',
        path: './a.mp4',
        dataSource: k % 2 ? 'STAR' : 'NeXT-QA',
        solution: '<answer>A</answer>',
        reviewStatus: STATUSES[k % STATUSES.length]!,
        reviewedById: k % 5 === 0 ? reviewerId : null,
        draftScore: score,
        draftCorrect: score === null ? null : score === 1,
        revisionScore: revScore,
        revisionCorrect: revScore === null ? null : revScore === 1,
        consistencyScore: k % 4 === 0 ? null : (k % 10) / 10,
        cotLength: k % 6 === 0 ? null : 100 + ((k * 37) % 500),
        lastError: k % 9 === 0 ? 'model timed out' : null,
      },
    });
    if (k % 8 !== 0) {
      const draft = await db.cotVersion.create({
        data: { itemId: item.id, kind: 'draft', text: k % 5 === 1 ? `<think>I see a zeppelin near the top ${k}</think>` : `<think>plain reasoning ${k}</think>` },
      });
      await db.item.update({ where: { id: item.id }, data: { currentDraftId: draft.id, ...(k % 3 ? { currentRevisionId: draft.id } : {}) } });
    }
  }
  // Same questions in another dataset: never returned for this dataset's filter.
  await db.item.create({ data: { datasetId: otherDatasetId, problemId: 'f1', problem: 'What colour is the Parrot?', problemType: 'OCR', dataType: 'video', path: './x.mp4', solution: '' } });
  const ids = await db.item.findMany({ where: { datasetId }, select: { id: true }, orderBy: { id: 'asc' } });
  const sample = await db.acceptanceSample.create({
    data: { datasetId, filter: `dataset=${datasetId}`, confidence: 0.95, margin: 0.1, bar: 0.9, seed: 's', population: 40, size: 3 },
  });
  sampleId = sample.id;
  await db.acceptanceSampleItem.createMany({ data: [ids[1]!, ids[7]!, ids[30]!].map((r) => ({ sampleId, itemId: r.id })) });
});

const FILTERS: Record<string, string>[] = [
  {},
  { status: 'pending' },
  { status: 'accepted,skipped' },
  { type: 'multiple choice' },
  { type: 'free-form,OCR' },
  { source: 'STAR' },
  { hasRepresentation: 'true' },
  { hasRepresentation: 'false' },
  { hasDraft: 'true' },
  { hasDraft: 'false' },
  { hasRevision: 'true' },
  { hasRevision: 'false' },
  { failed: 'true' },
  { failed: 'false' },
  { draftCorrect: 'true' },
  { draftCorrect: 'false' },
  { revisionCorrect: 'false' },
  { scoreMin: '0.5' },
  { scoreMax: '0.25' },
  { scoreMin: '0.25', scoreMax: '0.75' },
  { consistencyMin: '0.3', consistencyMax: '0.6' },
  { lengthMin: '200', lengthMax: '450' },
  { q: 'parrot' },
  { q: 'ZEPPELIN' },
  { q: 'f12' },
  { q: '50%' },
  { q: 's_a' },
  { q: '%' },
  { status: 'pending', source: 'STAR', scoreMin: '0.25', q: 'question' },
];

async function prismaIds(f: ItemFilter): Promise<number[]> {
  return (await db.item.findMany({ where: itemFilterWhere(f), orderBy: itemOrderBy(f.sort, f.dir), select: { id: true } })).map((r) => r.id);
}

async function walk(f: ItemFilter, limit: number): Promise<number[]> {
  const out: number[] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 100; guard++) {
    const page = await listItems(db, { filter: f, limit, ...(cursor ? { cursor: decodePageCursor(cursor, f.sort) } : {}) });
    out.push(...page.items.map((r) => r.id));
    cursor = page.nextCursor;
    if (!cursor) return out;
  }
  throw new Error('paging did not end');
}

describe('the items filter in SQL matches the Prisma form', () => {
  it('selects the same items for every filter key, and counts them', async () => {
    const extra = [{ reviewer: reviewerId }, { sample: String(sampleId) }];
    for (const params of [...FILTERS, ...extra]) {
      const f = parseItemFilter({ dataset: String(datasetId), ...params });
      const expected = (await prismaIds(f)).sort((a, b) => a - b);
      const viaSql = (await db.$queryRaw<{ id: number }[]>(Prisma.sql`${matchingItemIdsSql(f)}`)).map((r) => r.id).sort((a, b) => a - b);
      expect(viaSql, JSON.stringify(params)).toEqual(expected);
      expect(await countItems(db, f), JSON.stringify(params)).toBe(expected.length);
      expect((await walk(f, 7)).sort((a, b) => a - b), JSON.stringify(params)).toEqual(expected);
    }
  });

  it('unions several filters, as a reviewer\'s assigned work', async () => {
    const a = parseItemFilter({ dataset: String(datasetId), status: 'pending', source: 'STAR' });
    const b = parseItemFilter({ dataset: String(datasetId), q: 'parrot' });
    const expected = (await db.item.findMany({ where: { OR: [itemFilterWhere(a), itemFilterWhere(b)] }, select: { id: true }, orderBy: { id: 'asc' } })).map((r) => r.id);
    const got = (await db.$queryRaw<{ id: number }[]>(Prisma.sql`SELECT i.id FROM item i WHERE ${anyItemFilterSql([a, b])} ORDER BY i.id`)).map((r) => r.id);
    expect(got).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
    expect(await db.$queryRaw<{ id: number }[]>(Prisma.sql`SELECT i.id FROM item i WHERE i.dataset_id = ${datasetId} AND ${anyItemFilterSql([])}`)).toEqual([]);
  });

  it('treats % and _ in a search as plain characters', async () => {
    const all = await db.item.count({ where: { datasetId } });
    const pct = parseItemFilter({ dataset: String(datasetId), q: '50%' });
    expect(await countItems(db, pct)).toBe(1);
    expect(await countItems(db, parseItemFilter({ dataset: String(datasetId), q: '%' }))).toBeLessThan(all);
  });

  for (const sort of SORT_FIELDS) {
    for (const dir of ['asc', 'desc'] as const) {
      it(`pages through every row once in the table's order, sorted by ${sort} ${dir}`, async () => {
        for (const params of [{}, { status: 'pending,rejected' }, { q: 'question' }]) {
          const f = parseItemFilter({ dataset: String(datasetId), sort, dir, ...params });
          const expected = await prismaIds(f);
          expect(expected.length).toBeGreaterThan(3);
          for (const size of [1, 4, 50]) expect(await walk(f, size), `${JSON.stringify(params)} page ${size}`).toEqual(expected);
          // The review page's next/previous follow the same order, from any row.
          for (const k of [0, 1, Math.floor(expected.length / 2), expected.length - 1]) {
            const n = await findNeighbors(db, { filter: f, itemId: expected[k]!, count: 2 });
            expect(n, `${JSON.stringify(params)} neighbours of row ${k}`).toEqual({ next: expected.slice(k + 1, k + 3), previous: expected.slice(Math.max(0, k - 2), k).reverse() });
          }
        }
      });
    }
  }

  it('keeps a sample filter through the URL', () => {
    const f = parseItemFilter({ dataset: String(datasetId), sample: String(sampleId), status: 'pending' });
    expect(itemFilterToSearchParams(f).get('sample')).toBe(String(sampleId));
    expect(parseItemFilter(itemFilterToSearchParams(f))).toEqual(f);
  });

  it('rejects a cursor from another sort order', async () => {
    const f = parseItemFilter({ dataset: String(datasetId), sort: 'updatedAt' });
    const page = await listItems(db, { filter: f, limit: 2 });
    expect(page.nextCursor).not.toBeNull();
    expect(() => decodePageCursor(page.nextCursor!, 'draftScore')).toThrow(/draftScore/);
    expect(() => decodePageCursor('not-a-cursor', 'id')).toThrow(/cursor/);
  });
});
