import { sql } from 'kysely';
import type { PrismaClient } from '@/generated/prisma/client';
import { kdb } from '@/lib/db/kysely';
import { liveFigures } from './list-runs';
import { toRunView, type RunView } from './run-view';

/** Whether any of the run's results is still pending or running (in-flight work of a cancelled run). */
async function hasOpenResults(db: PrismaClient, runId: number): Promise<boolean> {
  const {
    rows: [r],
  } = await sql<{ open: boolean }>`SELECT EXISTS (SELECT 1 FROM stage_result WHERE run_id = ${runId}::int AND status IN ('pending', 'running')) AS open`.execute(kdb(db));
  return r?.open ?? false;
}

/**
 * Polls a run until it has settled — no longer queued or running, and (after a cancel) its
 * in-flight work finished and counted — reporting progress along the way. The view returned
 * is read after settling, so its counts are the final ones.
 */
export async function followRun(db: PrismaClient, runId: number, opts: { intervalMs?: number; onProgress?: (run: RunView) => void; signal?: AbortSignal } = {}): Promise<RunView> {
  for (;;) {
    const run = await db.pipelineRun.findUniqueOrThrow({ where: { id: runId }, include: { dataset: { select: { name: true } } } });
    const active = run.status === 'queued' || run.status === 'running';
    const view = toRunView(run, active ? ((await liveFigures(db, [runId])).get(runId) ?? null) : null);
    opts.onProgress?.(view);
    if (opts.signal?.aborted) return view;
    if (!active && !(run.status === 'cancelled' && (await hasOpenResults(db, runId)))) return view;
    await new Promise((r) => setTimeout(r, opts.intervalMs ?? 2000));
  }
}
