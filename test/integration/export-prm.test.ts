import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { testDb, uniq } from '../support/db';
import { demoItems } from '@/demo/records';
import { getItemSteps } from '@/lib/steps/get-item-steps';
import { saveStepVerdict } from '@/lib/steps/save-step-verdict';
import { createExport } from '@/lib/export/create-export';
import { runExportJob } from '@/lib/export/run-export-job';

const db = testDb();
const demo = demoItems();

async function seed() {
  const ds = await db.dataset.create({ data: { name: uniq('prm'), mediaRoot: '/tmp' } });
  const ids: { itemId: number; draftId: number }[] = [];
  for (const [n, d] of demo.slice(0, 3).entries()) {
    const item = await db.item.create({
      data: { datasetId: ds.id, problemId: String(100 + n), problemIdIsNumber: true, problem: d.record.problem, options: d.record.options, problemType: 'numerical', dataType: 'video', path: d.record.path, solution: d.record.solution, groundTruth: 'x', reviewStatus: n === 0 ? 'rejected' : 'accepted' },
    });
    const draft = await db.cotVersion.create({ data: { itemId: item.id, kind: 'draft', text: d.draft.text, answer: '4', answerCorrect: false } });
    await db.item.update({ where: { id: item.id }, data: { currentDraftId: draft.id } });
    ids.push({ itemId: item.id, draftId: draft.id });
  }
  return { datasetId: ds.id, ids };
}

async function exportPrm(datasetId: number, extra: { stepReviewedOnly?: boolean } = {}) {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'prm-')), 'steps.jsonl');
  const row = await createExport(db, { filter: { dataset: datasetId, status: 'accepted,rejected,pending,skipped' }, format: 'prm', fileFormat: 'jsonl', ...extra }, null, { enqueue: false, outPath: out });
  const res = await runExportJob(db, { exportId: row.id });
  expect(res.status).toBe('completed');
  const lines = fs.readFileSync(out, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
  const manifest = JSON.parse(fs.readFileSync(`${out}.manifest.json`, 'utf8')) as Record<string, unknown>;
  return { lines, manifest };
}

describe('process-reward export (--format prm)', () => {
  it('writes one record per step-reviewed CoT with labels, first error, evidence and a dataset_info description', async () => {
    const { datasetId, ids } = await seed();
    const { itemId, draftId } = ids[0]!;
    await getItemSteps(db, itemId);
    let rev = 0;
    for (const [i, label] of [[0, 1], [1, 1], [2, 0], [3, -1]] as const) {
      rev = (await saveStepVerdict(db, { itemId, versionId: draftId, change: { op: 'label', stepIndex: i, label, expectedRev: rev }, actorId: null })).rev;
    }
    await saveStepVerdict(db, { itemId, versionId: draftId, change: { op: 'stop', expectedRev: rev }, actorId: null });
    await db.$executeRawUnsafe(`INSERT INTO step_evidence (version_id, step_index, verdict, reason) VALUES ($1, 4, 'contradicted', 'a yellow square crosses first')`, draftId);

    const { lines, manifest } = await exportPrm(datasetId);
    expect(lines).toHaveLength(1);
    const rec = lines[0]! as { problem_id: unknown; question: string; path: string; final_answer: string; first_error_index: number; finish_reason: string; steps: { index: number; text: string; label: number | null; evidence: unknown }[] };
    expect(rec).toMatchObject({ problem_id: 100, question: demo[0]!.record.problem, path: demo[0]!.record.path, final_answer: '4', first_error_index: 3, finish_reason: 'found_error' });
    expect(rec.steps.slice(0, 5).map((s) => s.label)).toEqual([1, 1, 0, -1, null]);
    expect(rec.steps[4]!.evidence).toEqual({ verdict: 'contradicted', reason: 'a yellow square crosses first' });
    expect(rec.steps.map((s) => s.text).join(' ')).toContain('Let me go through it in order.');
    expect(demo[0]!.draft.text).toContain(rec.steps[3]!.text);
    expect(manifest).toMatchObject({ format: 'prm', records: 1, datasetInfo: { labels: { '1': 'correct', '0': 'neutral', '-1': 'wrong' }, splits: { train: { num_examples: 1 } } } });
    expect((manifest.steps as { wrong: number }).wrong).toBe(1);

    // Every shown CoT, labelled or not, when asked.
    const all = await exportPrm(datasetId, { stepReviewedOnly: false });
    expect(all.lines).toHaveLength(3);
    expect((all.lines[1]!.steps as { label: unknown }[]).every((s) => s.label === null)).toBe(true);
  });
});
