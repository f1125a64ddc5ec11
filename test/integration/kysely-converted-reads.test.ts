import { describe, expect, it } from 'vitest';
import { testDb, uniq } from '../support/db';
import { getItemStageFrames, stageFrameJpeg } from '@/lib/steps/stage-frames';
import { listItemFacets } from '@/lib/items/list-facets';
import { curationSummary } from '@/lib/export/curation-summary';
import { ensureDatasetSteps } from '@/lib/steps/ensure-steps';
import { refreshItemStepSummary } from '@/lib/steps/item-step-summary';
import { findNeighbors } from '@/lib/items/neighbors';
import { itemFilterSchema } from '@/lib/items/filter';
import { parsePipelineSettings } from '@/lib/pipeline/settings';
const defaultPipelineSettings = () => parsePipelineSettings({}).settings;

const db = testDb();

describe('reads moved to Kysely without another test (stage frames, facets, neighbours, curation summary, dataset steps)', () => {
  it('answer as before on a small dataset', async () => {
    const ds = await db.dataset.create({ data: { name: uniq('smoke'), mediaRoot: '/tmp' } });
    const video = await db.video.create({ data: { datasetId: ds.id, path: `./${uniq('v')}.mp4`, durationSec: 6 } });
    const ids: number[] = [];
    for (const src of ['a', 'b', 'a']) {
      const item = await db.item.create({
        data: { datasetId: ds.id, videoId: video.id, problemId: uniq('p'), problem: 'Q', problemType: 'numerical', dataType: 'video', path: video.path, solution: 's', groundTruth: '5', dataSource: src },
      });
      ids.push(item.id);
    }
    for (const id of ids) {
      const v = await db.cotVersion.create({ data: { itemId: id, kind: 'draft', text: '<think>First. Second.</think><answer>5</answer>', answer: '5' } });
      await db.item.update({ where: { id }, data: { currentDraftId: v.id } });
    }
    expect(await ensureDatasetSteps(db, ds.id, 2)).toBe(3);
    expect(await ensureDatasetSteps(db, ds.id, 2)).toBe(0);
    await refreshItemStepSummary(db, ids);
    const f = await getItemStageFrames(db, ids[0]!, defaultPipelineSettings());
    expect(f.durationSec).toBe(6);
    await expect(stageFrameJpeg(db, { itemId: ids[0]!, plan: 'curation', index: 0, settings: defaultPipelineSettings(), dataDir: '/tmp' })).rejects.toThrow(/not found under the media root/);
    const facets = await listItemFacets(db, ds.id);
    expect(facets.sources).toEqual(['a', 'b']);
    const cur = await curationSummary(db, ds.id);
    expect(cur.stages).toEqual([]);
    const filter = itemFilterSchema.parse({ dataset: ds.id, sort: 'updatedAt', dir: 'asc' });
    const n = await findNeighbors(db, { filter, itemId: ids[1]! });
    expect(n.previous.length + n.next.length).toBe(2);
    await expect(findNeighbors(db, { filter, itemId: 0 })).rejects.toThrow(/not found/);
  });
});
