import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disconnectPrisma } from '@/lib/db/client';
import { createCurationScan } from '@/lib/dedup/scan/create-scan';
import { runCurationScan } from '@/lib/dedup/scan/run-scan';
import { DEFAULT_RL_POOL_SETTINGS } from '@/lib/dedup/settings';
import { testDb } from '../../support/db';
import { renderClips, seedRlDataset } from '../../support/rlpool-fixtures';

const db = testDb();
afterAll(() => disconnectPrisma());

const Q = (n: number) => `In the clip, which object does the person pick up right after opening the drawer number ${n}?`;
const OPTS = ['A. a cup', 'B. a book', 'C. a phone', 'D. a key'];

describe('near-duplicate and contamination scan', () => {
  let root: string;
  beforeAll(() => {
    // a.mp4 and its re-encoded, rescaled copy; b.mp4 is a different scene.
    root = renderClips({
      'a.mp4': { source: 'testsrc2', size: '320x240' },
      'a-copy.mp4': { source: 'testsrc2', size: '160x120', crf: 35 },
      'b.mp4': { source: 'mandelbrot', size: '320x240' },
      'c.mp4': { source: 'smptebars', size: '320x240' },
    });
  });

  it('clusters the same question on a copied video, keeps distinct items apart, keeps one per cluster', async () => {
    const { dataset, byProblemId } = await seedRlDataset(db, {
      mediaRoot: root,
      items: [
        { problemId: 'p1', problem: Q(1), options: OPTS, path: './a.mp4' },
        { problemId: 'p2', problem: Q(1).toUpperCase(), options: OPTS, path: './a-copy.mp4', status: 'accepted' },
        // The same template question on a different video is not a duplicate.
        { problemId: 'p3', problem: Q(1), options: OPTS, path: './b.mp4' },
        { problemId: 'p4', problem: 'How many bars are shown?', path: './c.mp4', type: 'numerical', solution: '<answer>7</answer>' },
      ],
    });
    const scan = await createCurationScan(db, { datasetId: dataset.id, actorId: null, enqueue: false });
    const out = await runCurationScan(db, { scanId: scan.id, settings: DEFAULT_RL_POOL_SETTINGS });
    expect(out.status).toBe('completed');
    expect(out.result).toMatchObject({ videosHashed: 4, videosFailed: 0, questionsSigned: 4, duplicateItems: 2, duplicateClusters: 1, videoClusters: 1 });

    const rows = await db.item.findMany({ where: { datasetId: dataset.id }, orderBy: { id: 'asc' } });
    const p1 = byProblemId.get('p1')!.id;
    const p2 = byProblemId.get('p2')!.id;
    const get = (id: number) => rows.find((r) => r.id === id)!;
    // The accepted item is the one kept.
    expect(get(p1)).toMatchObject({ duplicateCluster: p2, duplicateOf: p2 });
    expect(get(p2)).toMatchObject({ duplicateCluster: p2, duplicateOf: null });
    expect(get(byProblemId.get('p3')!.id)).toMatchObject({ duplicateCluster: null, duplicateOf: null });
    expect(get(byProblemId.get('p4')!.id).duplicateCluster).toBeNull();

    // A second scan redoes nothing already hashed or signed and finds the same.
    const again = await runCurationScan(db, { scanId: (await createCurationScan(db, { datasetId: dataset.id, actorId: null, enqueue: false })).id, settings: DEFAULT_RL_POOL_SETTINGS });
    expect(again.result).toMatchObject({ videosHashed: 0, questionsSigned: 0, duplicateItems: 2 });
  }, 60_000);

  it('flags training items overlapping an evaluation set, by video and by question', async () => {
    const ev = await seedRlDataset(db, {
      mediaRoot: root,
      evaluationSet: true,
      label: 'eval',
      items: [
        { problemId: 'e1', problem: 'What colour is the moving square?', path: './a.mp4' },
        { problemId: 'e2', problem: Q(42), options: OPTS, path: './c.mp4' },
      ],
    });
    const train = await seedRlDataset(db, {
      mediaRoot: root,
      items: [
        { problemId: 't1', problem: 'Describe the scene in one sentence.', path: './a-copy.mp4', type: 'free_form' },
        { problemId: 't2', problem: `${Q(42)} `, options: OPTS, path: './b.mp4' },
        { problemId: 't3', problem: 'How many colours does the fractal show?', path: './b.mp4', type: 'numerical' },
      ],
    });
    const scan = await createCurationScan(db, { datasetId: train.dataset.id, actorId: null, enqueue: false });
    const out = await runCurationScan(db, { scanId: scan.id, settings: DEFAULT_RL_POOL_SETTINGS });
    expect(out.result?.evaluationSets).toContain(ev.dataset.name);
    const rows = await db.item.findMany({ where: { datasetId: train.dataset.id }, orderBy: { id: 'asc' } });
    const byPid = new Map(rows.map((r) => [r.problemId, r]));
    expect(byPid.get('t1')!.contaminated).toBe(true);
    expect(byPid.get('t1')!.contamination).toEqual([expect.objectContaining({ kind: 'video', evalDataset: ev.dataset.name })]);
    expect(byPid.get('t2')!.contaminated).toBe(true);
    expect(byPid.get('t2')!.contamination).toEqual([expect.objectContaining({ kind: 'question', evalProblemId: 'e2' })]);
    expect(byPid.get('t3')!.contaminated).toBe(false);

    // Unmarking the evaluation set and scanning again clears the flags.
    await db.dataset.update({ where: { id: ev.dataset.id }, data: { isEvaluationSet: false } });
    await runCurationScan(db, { scanId: (await createCurationScan(db, { datasetId: train.dataset.id, actorId: null, enqueue: false })).id, settings: DEFAULT_RL_POOL_SETTINGS });
    expect(await db.item.count({ where: { datasetId: train.dataset.id, contaminated: true } })).toBe(0);
  }, 60_000);
});
