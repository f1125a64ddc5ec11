import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disconnectPrisma } from '@/lib/db/client';
import { getPoolDashboard } from '@/lib/dashboard/get-pool-dashboard';
import { testDb, uniq } from '../../support/db';

// The RL pool's dashboard counts: pass-rate histograms per type and source, blind and overlap per source.
const db = testDb();
let datasetId = 0;
afterAll(async () => disconnectPrisma());

beforeAll(async () => {
  const ds = await db.dataset.create({ data: { name: uniq('pool-dash'), mediaRoot: '/tmp' } });
  datasetId = ds.id;
  const rows: { source: string; type: 'multiple_choice' | 'numerical'; rate: number | null; blind: boolean | null; dup: boolean; cont: boolean }[] = [
    { source: 'a', type: 'multiple_choice', rate: 0, blind: true, dup: true, cont: false },
    { source: 'a', type: 'multiple_choice', rate: 0.05, blind: false, dup: false, cont: true },
    { source: 'a', type: 'numerical', rate: 1, blind: null, dup: false, cont: false },
    { source: 'b', type: 'numerical', rate: 0.55, blind: true, dup: true, cont: true },
    { source: 'b', type: 'numerical', rate: null, blind: true, dup: false, cont: false },
  ];
  for (const [k, r] of rows.entries()) {
    await db.item.create({
      data: {
        datasetId,
        problemId: `p${k}`,
        problem: `q${k}`,
        problemType: r.type,
        dataType: 'video',
        path: './a.mp4',
        dataSource: r.source,
        solution: '<answer>A</answer>',
        passRate: r.rate,
        blindAnswerable: r.blind,
        duplicateCluster: r.dup ? 1 : null,
        contaminated: r.cont,
      },
    });
  }
});

describe('getPoolDashboard', () => {
  it('bins pass rates into tenths (1.0 in the last), counts the missing apart', async () => {
    const d = await getPoolDashboard(db, datasetId);
    const bins = (xs: [number, number][]) => Array.from({ length: 10 }, (_, i) => xs.find(([b]) => b === i)?.[1] ?? 0);
    expect(d.passRate.byType['multiple choice']).toEqual({ bins: bins([[0, 2]]), missing: 0 });
    expect(d.passRate.byType['numerical']).toEqual({ bins: bins([[9, 1], [5, 1]]), missing: 1 });
    expect(d.passRate.bySource['b']).toEqual({ bins: bins([[5, 1]]), missing: 1 });
  });

  it('counts blind answers, duplicates and contamination per source, in source order', async () => {
    const d = await getPoolDashboard(db, datasetId);
    expect(d.blind).toEqual([
      { source: 'a', asked: 2, answerable: 1 },
      { source: 'b', asked: 2, answerable: 2 },
    ]);
    expect(d.overlap).toEqual([
      { source: 'a', duplicates: 1, contaminated: 1 },
      { source: 'b', duplicates: 1, contaminated: 1 },
    ]);
  });
});
