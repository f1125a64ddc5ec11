import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { applyBulkAction } from '@/lib/bulk/apply-bulk-action';
import { prepareBulkAction } from '@/lib/bulk/prepare-bulk-action';
import { withRawClient } from '@/lib/db/raw-client';
import { exportOptionsSchema, type ExportOptionsInput } from '@/lib/export/export-options';
import { writeExport } from '@/lib/export/write-export';
import { countItems } from '@/lib/items/count-items';
import { parseItemFilter } from '@/lib/items/filter';
import { decideItem } from '@/lib/review/decide-item';
import { getReviewItem } from '@/lib/review/get-review-item';
import { testDb, uniq } from '../support/db';
import { importFile, record, writeJsonl } from '../support/import-helpers';

const db = testDb();

async function items(datasetId: number) {
  const rows = await db.item.findMany({ where: { datasetId }, include: { cotVersions: { orderBy: { id: 'asc' } } }, orderBy: { id: 'asc' } });
  return new Map(rows.map((r) => [r.problemId, r]));
}

async function exportText(datasetId: number, input: Omit<ExportOptionsInput, 'filter'> & { filter?: Partial<ExportOptionsInput['filter']> }) {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cot-export-')), 'out.jsonl');
  const options = exportOptionsSchema.parse({ ...input, filter: { dataset: datasetId, ...input.filter } });
  const manifest = await withRawClient((c) => writeExport(c, { ...options, outPath: out, openEndedMinScore: 0.5 }), { databaseUrl: inject('databaseUrl') });
  const text = fs.readFileSync(out, 'utf8');
  return { text, manifest, records: text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('imported CoTs are first-class', () => {
  it('store the CoT once, check its own answer, and stand in as the draft for review and bulk accept', async () => {
    const mc = { problem_type: 'multiple choice', problem: 'Colour?', options: ['A. red', 'B. blue'], solution: '<answer>B</answer>' };
    const s = await importFile(
      writeJsonl([
        record('own-right', { ...mc, process: '<think>It is blue.</think>\n<answer>B</answer>' }),
        record('own-wrong', { ...mc, process: '<think>It is red.</think>\n<answer>A</answer>' }),
        record('think-only', { ...mc, process: '<think>Blue, clearly.</think>' }),
        record('no-process', mc),
      ]),
      { dataset: uniq('imported') },
    );
    expect(s.versionsCreated).toBe(3);
    const byId = await items(s.datasetId!);

    const right = byId.get('own-right')!;
    expect(right.cotVersions).toHaveLength(1);
    // Stored once: the process's own answer, not the solution's appended after it.
    expect(right.cotVersions[0]).toMatchObject({ kind: 'imported', text: '<think>It is blue.</think>\n<answer>B</answer>', answer: 'B', answerCorrect: true, formatOk: true });
    expect(right.currentDraftId).toBe(right.cotVersions[0]!.id);
    expect(right).toMatchObject({ draftCorrect: true, draftScore: 1 });

    // A process that argues for the wrong option is caught by the answer check.
    const wrong = byId.get('own-wrong')!;
    expect(wrong.cotVersions[0]).toMatchObject({ answer: 'A', answerCorrect: false });
    expect(wrong.draftCorrect).toBe(false);

    // Only the think block: the CoT's answer is the solution's.
    const thinkOnly = byId.get('think-only')!;
    expect(thinkOnly.cotVersions[0]).toMatchObject({ text: '<think>Blue, clearly.</think>\n<answer>B</answer>', answer: 'B', answerCorrect: true, formatOk: true });
    expect(byId.get('no-process')!.currentDraftId).toBeNull();

    // The review page shows it in the draft's place, and it can be accepted like a draft.
    const view = await getReviewItem(db, right.id);
    expect(view.draft).toMatchObject({ id: right.cotVersions[0]!.id, kind: 'imported' });
    const decided = await decideItem(db, { itemId: right.id, expectedRev: view.rev, actorId: null, decision: { action: 'accept', versionId: view.draft!.id } });
    expect(decided.item).toMatchObject({ reviewStatus: 'accepted', acceptedVersionId: right.cotVersions[0]!.id });

    // Bulk accept finds a CoT to accept on the others ("no CoT to accept" before).
    const filter = `dataset=${s.datasetId}&status=pending&hasDraft=true`;
    expect(await countItems(db, parseItemFilter(new URLSearchParams(filter)))).toBe(2);
    const prepared = await prepareBulkAction(db, { selection: { kind: 'filter', filter, exclude: [] }, operation: { type: 'accept', version: 'draft' }, actorId: null });
    // The wrong-option CoT fails its answer check: left out unless included (the answer guard).
    expect(prepared).toMatchObject({ count: 1, mismatched: 1 });
    await applyBulkAction(db, { id: prepared.id, actorId: null });
    const after = await items(s.datasetId!);
    expect(after.get('think-only')!.acceptedVersionId).toBe(thinkOnly.cotVersions[0]!.id);
  });

  it('a generated draft takes the draft place later; the imported CoT stays listed in its own tab', async () => {
    const s = await importFile(writeJsonl([record('g', { process: '<think>Three.</think>' })]), { dataset: uniq('imported-then-draft') });
    const it0 = (await items(s.datasetId!)).get('g')!;
    const imported = it0.cotVersions[0]!;
    // What the draft stage writes (lib/pipeline/draft/run.ts): a draft version and the pointer.
    const draft = await db.cotVersion.create({ data: { itemId: it0.id, kind: 'draft', text: '<think>Generated.</think>\n<answer>3</answer>', answerCorrect: true, answerScore: 1 } });
    await db.item.update({ where: { id: it0.id }, data: { currentDraftId: draft.id } });
    const view = await getReviewItem(db, it0.id);
    expect(view.draft).toMatchObject({ id: draft.id, kind: 'draft' });
    expect(view.imported).toMatchObject({ id: imported.id, kind: 'imported' });

    // Re-importing the same record neither adds a version nor takes the pointer back.
    const again = await importFile(writeJsonl([record('g', { process: '<think>Three.</think>' })]), { dataset: (await db.dataset.findUnique({ where: { id: s.datasetId! } }))!.name });
    expect(again.versionsCreated).toBe(0);
    expect((await items(s.datasetId!)).get('g')!.currentDraftId).toBe(draft.id);
  });

  it('export leaves accepted CoTs failing the answer check out unless asked, and counts both', async () => {
    const mc = { problem_type: 'multiple choice', problem: 'Colour?', options: ['A. red', 'B. blue'], solution: '<answer>B</answer>' };
    const ff = { problem_type: 'free-form', problem: 'What happens?', solution: '<answer>a man opens the red door</answer>' };
    const s = await importFile(
      writeJsonl([
        record('ok', { ...mc, process: '<think>Blue.</think>\n<answer>B</answer>' }),
        record('bad', { ...mc, process: '<think>Red.</think>\n<answer>A</answer>' }),
        record('ff-kept', { ...ff, process: '<think>x</think>\n<answer>a man opens the door</answer>' }),
        record('ff-far', { ...ff, process: '<think>x</think>\n<answer>cats sleep</answer>' }),
      ]),
      { dataset: uniq('mismatch') },
    );
    for (const it of (await items(s.datasetId!)).values()) {
      await db.item.update({ where: { id: it.id }, data: { reviewStatus: 'accepted', acceptedVersionId: it.cotVersions[0]!.id } });
    }
    const strict = await exportText(s.datasetId!, { format: 'sft' });
    expect(strict.records.map((r) => r.problem_id)).toEqual(['ok', 'ff-kept']);
    expect(strict.manifest.skipped.mismatched).toBe(2);
    expect(strict.manifest.mismatched).toEqual({ excluded: 2, included: 0, openEndedMinScore: 0.5 });

    const all = await exportText(s.datasetId!, { format: 'sft', includeMismatched: true });
    expect(all.records.map((r) => r.problem_id)).toEqual(['ok', 'bad', 'ff-kept', 'ff-far']);
    expect(all.manifest.mismatched).toEqual({ excluded: 0, included: 2, openEndedMinScore: 0.5 });
    expect(all.manifest.options.includeMismatched).toBe(true);
  });
});

describe('re-imports that change an item', () => {
  it('mark a decided item stale (pending, with the reason), leave unchanged records alone, and exports skip it', async () => {
    const name = uniq('stale');
    const base = [
      record('same', { process: '<think>a</think>' }),
      record('question', { process: '<think>b</think>' }),
      record('process', { process: '<think>c</think>' }),
      record('pending', {}),
    ];
    const s = await importFile(writeJsonl(base), { dataset: name });
    const before = await items(s.datasetId!);
    for (const id of ['same', 'question', 'process']) {
      const it = before.get(id)!;
      await decideItem(db, { itemId: it.id, expectedRev: it.rev, actorId: null, decision: { action: 'accept', versionId: it.cotVersions[0]!.id } });
    }
    const decided = await items(s.datasetId!);

    const changed = [
      record('same', { process: '<think>a</think>' }),
      record('question', { process: '<think>b</think>', problem: 'A changed question?' }),
      record('process', { process: '<think>c, rethought</think>' }),
      record('pending', { solution: '<answer>4</answer>' }),
    ];
    const again = await importFile(writeJsonl(changed), { dataset: name });
    expect(again.staleDecisions).toBe(2);
    expect(again.warnings.some((w) => w.includes('source changed since the decision'))).toBe(true);
    const after = await items(s.datasetId!);

    // Unchanged: untouched, decision and all.
    expect(after.get('same')).toMatchObject({ reviewStatus: 'accepted', rev: decided.get('same')!.rev, staleReason: null });
    // Question changed: the new text is kept and the decision no longer holds.
    expect(after.get('question')).toMatchObject({ problem: 'A changed question?', reviewStatus: 'pending', acceptedVersionId: null, staleReason: 'source changed since the decision' });
    // Process changed: a new imported version becomes the draft; the old one stays in history.
    const p = after.get('process')!;
    expect(p).toMatchObject({ reviewStatus: 'pending', staleReason: 'source changed since the decision' });
    expect(p.cotVersions.map((v) => v.text)).toEqual(['<think>c</think>\n<answer>3</answer>', '<think>c, rethought</think>\n<answer>3</answer>']);
    expect(p.currentDraftId).toBe(p.cotVersions[1]!.id);
    // Never decided: updated, not stale.
    expect(after.get('pending')).toMatchObject({ solution: '<answer>4</answer>', reviewStatus: 'pending', staleReason: null });

    // Visible on the review page and filterable in the items table.
    expect((await getReviewItem(db, p.id)).staleReason).toBe('source changed since the decision');
    expect(await countItems(db, parseItemFilter(new URLSearchParams(`dataset=${s.datasetId}&stale=true`)))).toBe(2);

    // Exports leave stale items out, whatever the status filter.
    const rl = await exportText(s.datasetId!, { format: 'rl', filter: { status: ['pending', 'accepted'] } });
    expect(rl.records.map((r) => r.problem_id).sort()).toEqual(['pending', 'same']);
    expect(rl.manifest.skipped.stale).toBe(2);

    // A new decision clears the mark.
    await decideItem(db, { itemId: p.id, expectedRev: p.rev, actorId: null, decision: { action: 'accept', versionId: p.currentDraftId! } });
    expect((await db.item.findUnique({ where: { id: p.id } }))!.staleReason).toBeNull();
  });
});

describe('lossless unknown fields', () => {
  it('come back byte-for-value: big integers, number spellings, nested key order; big problem_ids too', async () => {
    const lines = [
      '{"problem_id":12345678901234567890123,"problem":"Q?","options":[],"problem_type":"numerical","data_type":"video","path":"./v/1.mp4","data_source":"STAR","solution":"<answer>3</answer>","big":9007199254740993,"spell":[1.0,1E2,-0.0,1e-7,0.10],"nested":{"z":1,"a":{"y":2.50,"b":[{"k":1,"c":2}]},"10":"ten","2":"two"},"plain":"text"}',
      '{"problem_id":7,"problem":"Q7?","options":[],"problem_type":"numerical","data_type":"video","path":"./v/2.mp4","solution":"<answer>3</answer>","reward":1,"tags":["a","b"]}',
    ];
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cot-lossless-')), 'in.jsonl');
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    const s = await importFile(file, { dataset: uniq('lossless') });
    expect(s).toMatchObject({ status: 'completed', inserted: 2 });
    const byId = await items(s.datasetId!);
    expect(byId.get('12345678901234567890123')).toMatchObject({ problemIdIsNumber: true });
    // jsonb is exact for the plain record: no raw copy kept.
    expect(byId.get('7')!.extraRaw).toBeNull();

    const { text } = await exportText(s.datasetId!, { format: 'rl', filter: { status: ['pending'] } });
    expect(text).toBe(`${lines.join('\n')}\n`);

    // Re-importing the same bytes changes nothing.
    const again = await importFile(file, { dataset: (await db.dataset.findUnique({ where: { id: s.datasetId! } }))!.name });
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 });
  });
});

describe('import warnings', () => {
  it('warn about paths without ./ and solutions without <answer>, refuse NUL paths with their own message, accept ..foo folders', async () => {
    const s = await importFile(
      writeJsonl([
        record(1, { path: 'videos/1.mp4' }),
        record(2, { solution: 'B' }),
        record(3, { path: './..foo/3.mp4' }),
      ]),
      { dataset: uniq('warn') },
    );
    expect(s).toMatchObject({ status: 'completed', inserted: 3, rejected: 0 });
    expect(s.warningCounts).toEqual({ pathWithoutDotSlash: 1, solutionWithoutAnswer: 1 });
    expect(s.recordWarnings).toEqual([
      expect.objectContaining({ line: 1, field: 'path', message: expect.stringContaining('does not start with "./"') }),
      expect.objectContaining({ line: 2, field: 'solution', message: expect.stringContaining('no complete <answer>') }),
    ]);
    expect(s.warnings.join('\n')).toMatch(/1 record with a path without the leading '.\/'/);

    const nul = await importFile(writeJsonl([record(1, { path: './videos/a\u0000b.mp4' })]), { dataset: uniq('nul') });
    expect(nul.status).toBe('failed');
    expect(nul.issues).toEqual([expect.objectContaining({ field: 'path', message: expect.stringContaining('NUL byte') })]);
    expect(nul.issues[0]!.message).not.toContain('leaves the media root');
  });
});
