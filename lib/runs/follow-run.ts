import type { PrismaClient } from '@/generated/prisma/client';
import { liveFigures } from './list-runs';
import { toRunView, type RunView } from './run-view';

/** Polls a run until it is no longer queued or running, reporting progress along the way. */
export async function followRun(db: PrismaClient, runId: number, opts: { intervalMs?: number; onProgress?: (run: RunView) => void; signal?: AbortSignal } = {}): Promise<RunView> {
  for (;;) {
    const run = await db.pipelineRun.findUniqueOrThrow({ where: { id: runId }, include: { dataset: { select: { name: true } } } });
    const active = run.status === 'queued' || run.status === 'running';
    const view = toRunView(run, active ? ((await liveFigures(db, [runId])).get(runId) ?? null) : null);
    opts.onProgress?.(view);
    if (!active || opts.signal?.aborted) return view;
    await new Promise((r) => setTimeout(r, opts.intervalMs ?? 2000));
  }
}
