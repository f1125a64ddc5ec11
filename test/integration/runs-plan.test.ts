import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '@/cli/run-command';
import { planRun } from '@/lib/runs/plan-run';
import { seedDataset, startHarness, type Harness } from '../support/pipeline-harness';

// Plan before you spend: a dry run counts with the statements the run uses, so its numbers
// are the run's.
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.startWorker();
});
afterAll(async () => h?.stop());

describe('run plan (dry run)', () => {
  it('counts what the run then does: matching, skipped, cannot run yet (and why), to run', async () => {
    const { dataset, itemIds, videoIds } = await seedDataset(h.db, { items: Array.from({ length: 6 }, () => ({})), withRepresentation: true });
    // Two items cannot run yet (no representation); one is already drafted with this model and prompt.
    await h.db.$executeRawUnsafe(`UPDATE video SET representation = NULL WHERE id = ANY($1::int[])`, videoIds.slice(4));
    const before = await planRun(h.db, h.settings, { stage: 'draft', dataset: dataset.name });
    await h.db.cotVersion.create({ data: { itemId: itemIds[0]!, kind: 'draft', text: '<think>x</think><answer>A</answer>', model: 'scripted-model', promptVersion: before.promptVersion! } });

    const lines: string[] = [];
    expect(await runCommand(['draft', '--dataset', dataset.name, '--dry-run', '--json'], { log: (l) => lines.push(l) }, h.settings)).toBe(0);
    const plan = JSON.parse(lines.join('\n')) as Awaited<ReturnType<typeof planRun>>;
    expect(plan).toMatchObject({ stage: 'draft', matching: 6, skipped: 1, toRun: 3, cannotRun: [{ reason: "The item's video has no representation yet: run represent first", count: 2, endsAs: 'failed' }] });
    expect(plan.estimate).toMatchObject({ basis: 'heuristic', requests: 3 });
    expect(plan.estimate.costUsd).toBeGreaterThan(0);
    expect(plan.estimate.seconds).toBeGreaterThan(0);
    // Nothing was started.
    expect(await h.db.pipelineRun.count({ where: { datasetId: dataset.id } })).toBe(0);

    const run = await h.waitForRun((await h.createRun({ stage: 'draft', dataset: dataset.name })).id);
    expect({ total: run.total, skipped: run.skipped, failed: run.failed, done: run.done }).toEqual({ total: plan.matching, skipped: plan.skipped, failed: 2, done: plan.toRun });
    const failures = await h.db.stageResult.findMany({ where: { runId: run.id, status: 'failed' }, select: { error: true } });
    expect(failures.map((f) => f.error)).toEqual([plan.cannotRun[0]!.reason, plan.cannotRun[0]!.reason]);

    // Once the dataset has history for this stage and model, the estimate comes from it.
    const again = await planRun(h.db, h.settings, { stage: 'draft', dataset: dataset.id, force: true });
    expect(again.estimate.basis).toBe('history');
    // The scripted server bills 700 + 180 tokens a draft.
    expect(again.estimate.tokensIn / again.estimate.requests).toBeCloseTo(700, 0);
    expect(again.estimate.tokensOut / again.estimate.requests).toBeCloseTo(180, 0);
  });
});
