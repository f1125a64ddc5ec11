import { beforeAll, describe, expect, it } from 'vitest';
import { Prisma } from '@/generated/prisma/client';
import { testDb, uniq } from '../support/db';
import { itemFilterWhere, itemOrderBy } from '../support/item-filter-oracle';
import { DIFFICULTIES, REVIEW_STATUSES, SORT_FIELDS, itemFilterToSearchParams, parseItemFilter, type ItemFilter } from '@/lib/items/filter';
import { anyItemFilterSql } from '@/lib/items/filter-sql';
import { PROBLEM_TYPES } from '@/lib/answers/problem-types';
import { listItems } from '@/lib/items/list-items';
import { countItems } from '@/lib/items/count-items';
import { findNeighbors } from '@/lib/items/neighbors';
import { decodePageCursor } from '@/lib/items/page-cursor';
import { prepareBulkAction } from '@/lib/bulk/prepare-bulk-action';
import { drawSample } from '@/lib/sampling/draw-sample';
import { subjectBatches } from '@/lib/runs/create-run';
import { createAssignment } from '@/lib/assignments/create-assignment';
import { freezeAssignmentItems } from '@/lib/assignments/freeze-assignment-items';
import { exportWhere } from '@/lib/export/export-query';
import { exportFilterSchema } from '@/lib/export/export-options';
import { inlineSql } from '@/lib/export/copy-rows';
// A seeded generator, so a failing filter can be replayed from its seed.
import { rng } from '../../bench/support/synthetic-records';

// Property: random filters over a seeded dataset select the same ids in every consumer of the
// one filter compiler — the table's pages (in order), its count, the review page's neighbours,
// a bulk action's frozen selection, a sample's frame, a run's selection, an assignment's frozen
// items and scope, and an export's selection — and those ids are the independent Prisma oracle's.
// FILTER_PROPERTY_SEED / FILTER_PROPERTY_RUNS replay or widen a run.

const db = testDb();
const SEED = Number(process.env.FILTER_PROPERTY_SEED ?? 20261204);
const RUNS = Number(process.env.FILTER_PROPERTY_RUNS ?? 40);
const N = 60;
const TYPES = ['multiple_choice', 'numerical', 'OCR', 'free_form', 'regression'] as const;
const SOURCES = ['STAR', 'NeXT-QA', 'CLEVRER'];
const WORDS = ['parrot', 'zeppelin', 'f1', '50%', 'motion', 'x_y'];
let datasetId = 0;
let reviewerId = '';

beforeAll(async () => {
  const r = rng(SEED);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const maybe = <T,>(v: T, p = 0.25) => (r() < p ? null : v);
  const ds = await db.dataset.create({ data: { name: uniq('filter-property'), mediaRoot: '/tmp' } });
  datasetId = ds.id;
  reviewerId = uniq('reviewer');
  await db.user.create({ data: { id: reviewerId, name: 'Property Reviewer', email: `${reviewerId}@test.local`, role: 'reviewer' } });
  const represented = await db.video.create({ data: { datasetId, path: './a.mp4', representationAt: new Date() } });
  const bare = await db.video.create({ data: { datasetId, path: './b.mp4' } });
  const scores = [0, 0.25, 0.5, 0.75, 1];
  for (let k = 0; k < N; k++) {
    const draftScore = maybe(pick(scores));
    const revisionScore = maybe(pick(scores), 0.4);
    const passRate = maybe(pick(scores), 0.3);
    const item = await db.item.create({
      data: {
        datasetId,
        videoId: pick([null, represented.id, bare.id]),
        problemId: `f${k}`,
        problem: pick(['What colour is the Parrot?', 'How many 50% discounts are shown?', 'Question about motion', 'Which x_y label?', 'Plain question']) + ` ${k}`,
        problemType: pick(TYPES),
        dataType: 'video',
        path: './a.mp4',
        dataSource: pick(SOURCES),
        solution: '<answer>A</answer>',
        reviewStatus: pick(REVIEW_STATUSES),
        reviewedById: r() < 0.3 ? reviewerId : null,
        draftScore,
        draftCorrect: draftScore === null ? maybe(r() < 0.5, 0.5) : draftScore === 1,
        revisionScore,
        revisionCorrect: revisionScore === null ? null : revisionScore >= 0.75,
        consistencyScore: maybe(pick(scores)),
        cotLength: maybe(100 + Math.floor(r() * 500)),
        lastError: r() < 0.15 ? 'model timed out' : null,
        staleReason: r() < 0.15 ? 'record changed' : null,
        stepReviewed: r() < 0.4,
        stepFirstError: maybe(Math.floor(r() * 4), 0.6),
        contradictedSteps: r() < 0.3 ? 1 + Math.floor(r() * 3) : 0,
        riskScore: Math.round(r() * 100) / 100,
        passRate,
        blindAnswerable: maybe(r() < 0.3, 0.5),
        duplicateCluster: r() < 0.3 ? 1 + Math.floor(r() * 3) : null,
        duplicateOf: r() < 0.15 ? 1 : null,
        contaminated: r() < 0.2,
      },
    });
    if (r() < 0.8) {
      const draft = await db.cotVersion.create({ data: { itemId: item.id, kind: 'draft', text: `<think>${pick(['a zeppelin overhead', 'plain reasoning', 'the parrot moves'])} ${k}</think>` } });
      await db.item.update({ where: { id: item.id }, data: { currentDraftId: draft.id, ...(r() < 0.5 ? { currentRevisionId: draft.id } : {}) } });
    }
  }
});

/** A random filter in its URL form: each key present with a small probability. */
function randomFilter(r: () => number): Record<string, string> {
  const p: Record<string, string> = { dataset: String(datasetId) };
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const subset = (xs: readonly string[]) => {
    const s = xs.filter(() => r() < 0.5);
    return (s.length ? s : [pick(xs)]).join(',');
  };
  const bool = () => (r() < 0.5 ? 'true' : 'false');
  const often = (q = 0.12) => r() < q;
  const range = (min: string, max: string, values: readonly number[]) => {
    const a = pick(values);
    const b = pick(values);
    if (often(0.5)) p[min] = String(Math.min(a, b));
    else p[max] = String(Math.max(a, b));
    if (often(0.3)) {
      p[min] = String(Math.min(a, b));
      p[max] = String(Math.max(a, b));
    }
  };
  if (often(0.3)) p.status = subset(REVIEW_STATUSES);
  if (often(0.25)) p.type = subset(PROBLEM_TYPES);
  if (often(0.25)) p.source = subset(SOURCES);
  for (const k of ['hasRepresentation', 'hasDraft', 'hasRevision', 'failed', 'stale', 'draftCorrect', 'revisionCorrect', 'wrongStep', 'stepReviewed', 'contradicted', 'blindAnswerable', 'hasDuplicate', 'duplicateExtra', 'contaminated']) {
    if (often(0.07)) p[k] = bool();
  }
  const unit = [0, 0.25, 0.5, 0.75, 1];
  if (often()) range('scoreMin', 'scoreMax', unit);
  if (often()) range('consistencyMin', 'consistencyMax', unit);
  if (often()) range('passRateMin', 'passRateMax', unit);
  if (often()) range('lengthMin', 'lengthMax', [100, 250, 400, 600]);
  if (often(0.08)) p.reviewer = reviewerId;
  if (often(0.15)) p.q = pick(WORDS);
  if (often(0.08)) p.firstErrorMax = String(1 + Math.floor(r() * 4));
  if (often(0.08)) p.difficulty = pick(DIFFICULTIES);
  p.sort = pick(SORT_FIELDS);
  p.dir = r() < 0.5 ? 'asc' : 'desc';
  return p;
}

const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);

async function oracle(f: ItemFilter, ordered = false): Promise<number[]> {
  const rows = await db.item.findMany({ where: itemFilterWhere(f), orderBy: itemOrderBy(f.sort, f.dir), select: { id: true } });
  return ordered ? rows.map((x) => x.id) : sorted(rows.map((x) => x.id));
}

async function walk(f: ItemFilter): Promise<number[]> {
  const out: number[] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard <= N; guard++) {
    const page: Awaited<ReturnType<typeof listItems>> = await listItems(db, { filter: f, limit: 7, ...(cursor ? { cursor: decodePageCursor(cursor, f.sort) } : {}) });
    out.push(...page.items.map((x) => x.id));
    cursor = page.nextCursor;
    if (!cursor) return out;
  }
  throw new Error('paging did not end');
}

describe('every consumer of the item-filter compiler selects the same ids (seeded property)', () => {
  it(`holds for ${RUNS} random filters (seed ${SEED})`, async () => {
    const r = rng(SEED + 1);
    let nonEmpty = 0;
    for (let run = 0; run < RUNS; run++) {
      const params = randomFilter(r);
      const f = parseItemFilter(params);
      const url = itemFilterToSearchParams(f).toString();
      const why = `seed ${SEED}, filter #${run}: ${url}`;
      const ordered = await oracle(f, true);
      const expected = sorted(ordered);
      if (expected.length > 0) nonEmpty++;

      // The table: every page in order, the count, and the neighbours of a middle row.
      expect(await walk(f), `list ${why}`).toEqual(ordered);
      expect(await countItems(db, f), `count ${why}`).toBe(expected.length);
      if (ordered.length >= 3) {
        const at = Math.floor(ordered.length / 2);
        const n = await findNeighbors(db, { filter: f, itemId: ordered[at]!, count: 2 });
        expect(n.next, `next ${why}`).toEqual(ordered.slice(at + 1, at + 3));
        expect(n.previous, `previous ${why}`).toEqual(ordered.slice(Math.max(0, at - 2), at).reverse());
      }

      // A bulk action's frozen selection (reject applies to every matched item here).
      const bulk = await prepareBulkAction(db, { selection: { kind: 'filter', filter: url, exclude: [] }, operation: { type: 'reject', reason: 'property' }, actorId: null });
      const frozen = await db.bulkAction.findUniqueOrThrow({ where: { id: bulk.id }, select: { itemIds: true } });
      expect(sorted(frozen.itemIds), `bulk ${why}`).toEqual(expected);

      // A run's selection.
      const runIds: number[] = [];
      for await (const batch of subjectBatches(db, 'draft', f)) runIds.push(...batch);
      expect(sorted(runIds), `run ${why}`).toEqual(expected);

      // An assignment's frozen items and its scope (the SQL a reviewer's access is checked with).
      const a = await createAssignment(db, { actorId: null, input: { name: uniq('prop'), filter: url, reviewerIds: [reviewerId] } });
      await freezeAssignmentItems(db, a.id);
      const frozenItems = await db.assignmentItem.findMany({ where: { assignmentId: a.id }, select: { itemId: true } });
      expect(sorted(frozenItems.map((x) => x.itemId)), `assignment ${why}`).toEqual(expected);
      const scope = await db.$queryRaw<{ id: number }[]>`SELECT i.id FROM item i WHERE ${anyItemFilterSql([f])} ORDER BY i.id`;
      expect(scope.map((x) => x.id), `scope ${why}`).toEqual(expected);
      await db.assignment.delete({ where: { id: a.id } });

      // A sample's frame: the filter's pending items (a margin this small samples all of them).
      if (f.sample === undefined) {
        const pending = await oracle({ ...f, status: ['pending'] });
        const draw = drawSample(db, { filter: url, confidence: 0.95, margin: 0.005, bar: 0.9, actorId: null });
        if (pending.length === 0) await expect(draw, `sample ${why}`).rejects.toMatchObject({ code: 'BAD_REQUEST' });
        else {
          const s = await draw;
          const frame = await db.acceptanceSampleItem.findMany({ where: { sampleId: s.id }, select: { itemId: true } });
          expect(sorted(frame.map((x) => x.itemId)), `sample ${why}`).toEqual(pending);
        }
      }

      // An export's selection: the export's keys of the filter, as the COPY statement reads it.
      const ef = exportFilterSchema.parse({ dataset: params.dataset, status: params.status, type: params.type, source: params.source, passRateMin: params.passRateMin, passRateMax: params.passRateMax });
      const asItems: ItemFilter = { ...ef, status: [...ef.status], sort: 'id', dir: 'asc' };
      for (const includeContaminated of [false, true]) {
        const want = await oracle(includeContaminated ? asItems : { ...asItems, contaminated: false });
        const got = await db.$queryRawUnsafe<{ id: number }[]>(inlineSql(Prisma.sql`SELECT i.id FROM item i WHERE ${exportWhere(ef, { includeContaminated })} ORDER BY i.id`));
        expect(got.map((x) => x.id), `export (contaminated ${includeContaminated}) ${why}`).toEqual(want);
      }
    }
    // The generator must reach filters that select something, or the property says little.
    expect(nonEmpty).toBeGreaterThan(RUNS / 3);
  }, 600_000);
});
