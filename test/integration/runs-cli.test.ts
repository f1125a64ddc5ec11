import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '@/cli/run-command';
import { seedDataset, startHarness, type Harness } from '../support/pipeline-harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.startWorker();
});
afterAll(async () => h?.stop());

describe('cot-studio run', () => {
  it('starts a run over a filtered selection and follows it to the end', async () => {
    const { dataset } = await seedDataset(h.db, { items: [{ type: 'numerical', answer: '3' }, {}, { type: 'numerical', answer: '5' }], withRepresentation: true });
    const lines: string[] = [];
    const code = await runCommand(['draft', '--dataset', dataset.name, '--type', 'numerical', '--hasDraft', 'false', '--model', 'cli-model', '--wait'], { log: (l) => lines.push(l) }, h.settings);
    expect(code).toBe(0);
    expect(lines.at(-1)).toMatch(new RegExp(`^run #\\d+ draft on ${dataset.name}: completed · 2/2 · 2 done`));
    const run = await h.db.pipelineRun.findFirstOrThrow({ where: { datasetId: dataset.id } });
    expect(run.filter).toEqual({ dataset: String(dataset.id), type: 'numerical', hasDraft: 'false' });
    expect(run.modelConfig).toMatchObject({ model: 'cli-model' });
  });

  it('exits 3 when items failed, and explains bad usage', async () => {
    const { dataset } = await seedDataset(h.db, { items: [{}] });
    expect(await runCommand(['draft', '--dataset', String(dataset.id), '--wait'], { log: () => {} }, h.settings)).toBe(3);
    await expect(runCommand(['drafts', '--dataset', 'x'], { log: () => {} }, h.settings)).rejects.toThrow(/run takes one STAGE/);
    await expect(runCommand(['draft'], { log: () => {} }, h.settings)).rejects.toThrow(/run needs --dataset NAME/);
    await expect(runCommand(['draft', '--dataset', 'x', '--colour', 'red'], { log: () => {} }, h.settings)).rejects.toThrow(/Unknown option '--colour'/);
  });
});
