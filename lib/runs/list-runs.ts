import { sql } from 'kysely';
import type { PrismaClient } from '@/generated/prisma/client';
import { kdb } from '@/lib/db/kysely';
import { RATE_WINDOW_SECONDS, toRunView, type RunView } from './run-view';

/** Live figures of active runs from their results: in flight now, and finished in the last minute. */
export async function liveFigures(db: PrismaClient, runIds: number[]): Promise<Map<number, { inFlight: number; finishedInWindow: number }>> {
  const out = new Map<number, { inFlight: number; finishedInWindow: number }>();
  if (runIds.length === 0) return out;
  const k = kdb(db);
  const n = sql<number>`count(*)::int`.as('n');
  const [running, recent] = await Promise.all([
    k.selectFrom('stage_result').select(['run_id', n]).where('run_id', 'in', runIds).where('status', '=', 'running').groupBy('run_id').execute(),
    k
      .selectFrom('stage_result')
      .select(['run_id', n])
      .where('run_id', 'in', runIds)
      .where('finished_at', '>', sql<Date>`now() - make_interval(secs => ${RATE_WINDOW_SECONDS}::int)`)
      .groupBy('run_id')
      .execute(),
  ]);
  for (const id of runIds) out.set(id, { inFlight: 0, finishedInWindow: 0 });
  for (const r of running) out.get(r.run_id)!.inFlight = r.n;
  for (const r of recent) out.get(r.run_id)!.finishedInWindow = r.n;
  return out;
}

/** The newest runs (all datasets, or one), with live progress for those still going. */
export async function listRuns(db: PrismaClient, opts: { limit?: number; datasetId?: number } = {}): Promise<RunView[]> {
  const runs = await db.pipelineRun.findMany({
    where: opts.datasetId ? { datasetId: opts.datasetId } : {},
    orderBy: { id: 'desc' },
    take: Math.min(opts.limit ?? 50, 200),
    include: { dataset: { select: { name: true } } },
  });
  const active = runs.filter((r) => r.status === 'queued' || r.status === 'running').map((r) => r.id);
  const live = await liveFigures(db, active);
  const now = Date.now();
  return runs.map((r) => toRunView(r, live.get(r.id) ?? null, now));
}
