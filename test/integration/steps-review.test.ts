import { beforeEach, describe, expect, it } from 'vitest';
import { testDb, uniq } from '../support/db';
import { AppError } from '@/lib/errors';
import { demoItems } from '@/demo/records';
import { ensureCotSteps } from '@/lib/steps/ensure-steps';
import { getItemSteps } from '@/lib/steps/get-item-steps';
import { saveStepVerdict } from '@/lib/steps/save-step-verdict';
import { saveEdit } from '@/lib/review/save-edit';
import { listItems } from '@/lib/items/list-items';
import { itemFilterSchema } from '@/lib/items/filter';
import { countItems } from '@/lib/items/count-items';
import { SPLITTER_VERSION } from '@/lib/steps/split-steps';

/** No lone surrogate: a slice never cuts an emoji in half. */
const wellFormed = (s: string) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

const db = testDb();
const demo = demoItems();
const UNICODE = '<think>Le café ́ est 🟥 rouge. 😀 Then the 🚗 moves at 00:02! 视频中有一个红球。Wait — 🟦 appears.</think><answer>🟥</answer>';

async function seed(texts: { draft: string; revision?: string }[], representation?: unknown) {
  const ds = await db.dataset.create({ data: { name: uniq('steps'), mediaRoot: '/tmp' } });
  const video = await db.video.create({ data: { datasetId: ds.id, path: `./${uniq('v')}.mp4`, durationSec: 6, representation: (representation ?? demo[0]!.representation) as object } });
  const out: { itemId: number; draftId: number; revisionId: number | null }[] = [];
  for (const t of texts) {
    const item = await db.item.create({
      data: { datasetId: ds.id, videoId: video.id, problemId: uniq('p'), problem: 'How many squares?', problemType: 'numerical', dataType: 'video', path: video.path, solution: '<answer>5</answer>', groundTruth: '5' },
    });
    const draft = await db.cotVersion.create({ data: { itemId: item.id, kind: 'draft', text: t.draft, answer: '4' } });
    const revision = t.revision ? await db.cotVersion.create({ data: { itemId: item.id, kind: 'revision', text: t.revision, answer: '5' } }) : null;
    await db.item.update({ where: { id: item.id }, data: { currentDraftId: draft.id, currentRevisionId: revision?.id ?? null } });
    out.push({ itemId: item.id, draftId: draft.id, revisionId: revision?.id ?? null });
  }
  return { datasetId: ds.id, items: out };
}

async function errorOf(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(() => null, (x: unknown) => x);
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

describe('steps stored per CoT version', () => {
  it('stores offsets that slice the stored text exactly, on every demo CoT and on unicode', async () => {
    const { items } = await seed([...demo.map((d) => ({ draft: d.draft.text, revision: d.revision.text })), { draft: UNICODE }]);
    const ids = items.flatMap((i) => [i.draftId, ...(i.revisionId ? [i.revisionId] : [])]);
    expect(await ensureCotSteps(db, ids)).toBe(ids.length);
    expect(await ensureCotSteps(db, ids)).toBe(0); // already split: nothing to do
    const rows = await db.$queryRawUnsafe<{ text: string; steps: { start: number; end: number; refs: { start: number; end: number; text: string }[] }[]; splitter_version: number }[]>(
      `SELECT c.text, s.steps, s.splitter_version FROM cot_steps s JOIN cot_version c ON c.id = s.version_id WHERE s.version_id = ANY($1::int[])`,
      ids,
    );
    expect(rows).toHaveLength(ids.length);
    for (const r of rows) {
      expect(r.splitter_version).toBe(SPLITTER_VERSION);
      for (const s of r.steps) {
        const piece = r.text.slice(s.start, s.end);
        expect(piece.length).toBeGreaterThan(0);
        expect(piece).toBe(piece.trim());
        expect(wellFormed(piece)).toBe(true);
        for (const ref of s.refs) expect(r.text.slice(ref.start, ref.end)).toBe(ref.text);
      }
    }
    const uni = rows.find((r) => r.text === UNICODE)!;
    expect(uni.steps.map((s) => uni.text.slice(s.start, s.end))).toContain('😀 Then the 🚗 moves at 00:02!');
  });

  it('grounds steps in the video: a step naming 00:02 carries 2 s and the caption of the frame at 00:02', async () => {
    const { items } = await seed([{ draft: demo[0]!.draft.text }]);
    const steps = await getItemSteps(db, items[0]!.itemId);
    const draft = steps.versions.find((v) => v.kind === 'draft')!;
    const at2 = draft.steps.find((s) => s.seconds.includes(2))!;
    expect(at2.captions.map((c) => c.timestamp)).toEqual(['00:00:02']);
    expect(at2.captions[0]!.caption).toBe(demo[0]!.representation.frames[2]!.caption);
  });
});

describe('per-step verdicts', () => {
  let s: Awaited<ReturnType<typeof seed>>;
  beforeEach(async () => {
    s = await seed([{ draft: demo[0]!.draft.text, revision: demo[0]!.revision.text }, { draft: demo[1]!.draft.text }]);
  });
  const label = (versionId: number, stepIndex: number, value: -1 | 0 | 1 | null, expectedRev: number, itemId = s.items[0]!.itemId) =>
    saveStepVerdict(db, { itemId, versionId, change: { op: 'label', stepIndex, label: value, expectedRev }, actorId: null });

  it('stores labels and notes on the version, audits each change, and refuses a stale rev with 409', async () => {
    const { draftId, itemId } = s.items[0]!;
    await getItemSteps(db, itemId);
    expect((await label(draftId, 0, 1, 0)).rev).toBe(1);
    await label(draftId, 1, 0, 1);
    const st = await saveStepVerdict(db, { itemId, versionId: draftId, change: { op: 'note', stepIndex: 4, note: 'misses the yellow square', expectedRev: 2 }, actorId: null });
    expect(st).toMatchObject({ labelled: 3, firstError: null, rev: 3 });
    const e = await errorOf(label(draftId, 2, -1, 1));
    expect(e.status).toBe(409);
    const after = (await getItemSteps(db, itemId)).versions.find((v) => v.versionId === draftId)!;
    expect(after.verdicts).toEqual([
      { stepIndex: 0, label: 1, note: null },
      { stepIndex: 1, label: 0, note: null },
      { stepIndex: 4, label: 0, note: 'misses the yellow square' },
    ]);
    const audit = await db.auditEvent.findMany({ where: { subjectType: 'item', subjectId: String(itemId) }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['steps.label', 'steps.label', 'steps.note']);
  });

  it('refuses a step that does not exist and a version of another item', async () => {
    const { draftId, itemId } = s.items[0]!;
    expect((await errorOf(label(draftId, 999, 1, 0))).message).toMatch(/Step 1000 does not exist/);
    expect((await errorOf(label(s.items[1]!.draftId, 0, 1, 0, itemId))).status).toBe(404);
  });

  it('stop at the first error clears every later verdict, and the item table finds it by first error', async () => {
    const { draftId, itemId } = s.items[0]!;
    await label(draftId, 0, 1, 0);
    await label(draftId, 1, 1, 1);
    await label(draftId, 2, -1, 2);
    await label(draftId, 3, 1, 3);
    await label(draftId, 5, -1, 4);
    const st = await saveStepVerdict(db, { itemId, versionId: draftId, change: { op: 'stop', expectedRev: 5 }, actorId: null });
    expect(st).toMatchObject({ labelled: 3, firstError: 2, finishReason: 'found_error' });
    const item = await db.item.findUniqueOrThrow({ where: { id: itemId } });
    expect(item).toMatchObject({ stepReviewed: true, stepFirstError: 2 });
    const f = (q: Record<string, string>) => itemFilterSchema.parse({ dataset: String(s.datasetId), ...q });
    const ids = async (q: Record<string, string>) => (await listItems(db, { filter: f(q), limit: 50 })).items.map((r) => r.id);
    expect(await ids({ wrongStep: 'true' })).toEqual([itemId]);
    expect(await ids({ firstErrorMax: '3' })).toEqual([itemId]);
    expect(await ids({ firstErrorMax: '2' })).toEqual([]);
    expect(await ids({ stepReviewed: 'false' })).toEqual([s.items[1]!.itemId]);
    expect(await countItems(db, f({ stepReviewed: 'true' }))).toBe(1);
    // Clearing the wrong step ends found_error and the item has no wrong step any more.
    await label(draftId, 2, null, 6);
    expect(await db.item.findUniqueOrThrow({ where: { id: itemId } })).toMatchObject({ stepFirstError: null, stepReviewed: true });
  });

  it('verdicts belong to their version: a new edit starts unreviewed and the old labels stay', async () => {
    const { draftId, revisionId, itemId } = s.items[0]!;
    await label(revisionId!, 0, -1, 0);
    const edit = await saveEdit(db, { itemId, text: demo[0]!.revision.text.replace('5 squares', 'five squares'), baseVersionId: revisionId!, expectedRev: 0, accept: false, actorId: null });
    const steps = await getItemSteps(db, itemId);
    const byId = new Map(steps.versions.map((v) => [v.versionId, v]));
    expect(byId.get(edit.versionId)!.verdicts).toEqual([]);
    expect(byId.get(edit.versionId)!.steps.length).toBeGreaterThan(3);
    expect(byId.get(revisionId!)!.verdicts).toEqual([{ stepIndex: 0, label: -1, note: null }]);
    expect(byId.get(draftId)!.review).toBeNull();
  });
});
