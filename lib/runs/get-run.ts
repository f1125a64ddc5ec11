import { sql } from 'kysely';
import type { PrismaClient } from '@/generated/prisma/client';
import { kdb } from '@/lib/db/kysely';
import { AppError } from '../errors';
import { liveFigures } from './list-runs';
import { toRunView, type RunView } from './run-view';
import { runSpend, type ModelSpend } from './run-spend';

/**
 * A failure's cause: its message without the parts that vary between items of one cause —
 * "(after 4 attempts)", durations ("within 5 s", "wait 120 s") — so those never split a group.
 */
export const FAILURE_CAUSE_SQL = sql<string | null>`regexp_replace(regexp_replace(error, ' \\(after \\d+ attempts\\)', '', 'g'), '\\m\\d+(\\.\\d+)? ?(ms|s|seconds)\\M', 'N s', 'g')`;

export type FailureGroup = {
  message: string;
  count: number;
  lastAt: string | null;
  samples: { resultId: number; itemId: number | null; videoId: number | null; label: string; attempts: number; raw: string | null }[];
};

export type RunDetail = {
  run: RunView;
  /** Exact, from the results. */
  counts: Record<'pending' | 'running' | 'done' | 'failed' | 'skipped' | 'cancelled', number>;
  failures: FailureGroup[];
  /** Why results were skipped, grouped. */
  skips: { reason: string; count: number }[];
  /** The run's model config as stored (no secrets are ever stored). */
  modelConfig: unknown;
  /** Per model, from the spend ledger: every attempt, failed and retried ones included. */
  spend: ModelSpend[];
};

const RAW_PREVIEW = 600;

/** One run with its failures grouped by message (largest first), each with a few samples. */
export async function getRun(db: PrismaClient, runId: number): Promise<RunDetail> {
  const run = await db.pipelineRun.findUnique({ where: { id: runId }, include: { dataset: { select: { name: true } } } });
  if (!run) throw new AppError('NOT_FOUND', `Run ${runId} not found`);
  const k = kdb(db);
  const [statusRows, groups, skips, live, spend] = await Promise.all([
    k
      .selectFrom('stage_result')
      .select([sql<string>`status::text`.as('status'), sql<number>`count(*)::int`.as('n')])
      .where('run_id', '=', runId)
      .groupBy(sql`1`)
      .execute(),
    k
      .selectFrom('stage_result')
      .select([
        FAILURE_CAUSE_SQL.as('error'),
        sql<number>`count(*)::int`.as('n'),
        sql<Date | null>`max(finished_at)`.as('last_at'),
        sql<number[]>`(array_agg(id ORDER BY finished_at DESC NULLS LAST))[1:3]`.as('ids'),
      ])
      .where('run_id', '=', runId)
      .where('status', '=', 'failed')
      .groupBy(sql`1`)
      .orderBy(sql`n DESC, last_at DESC`)
      .limit(20)
      .execute(),
    k
      .selectFrom('stage_result')
      .select([sql<string | null>`data->>'reason'`.as('reason'), sql<number>`count(*)::int`.as('n')])
      .where('run_id', '=', runId)
      .where('status', '=', 'skipped')
      .groupBy(sql`1`)
      .orderBy(sql`2 DESC`)
      .limit(10)
      .execute(),
    liveFigures(db, run.status === 'queued' || run.status === 'running' ? [runId] : []),
    runSpend(db, runId),
  ]);
  const sampleIds = groups.flatMap((g) => g.ids);
  const samples = sampleIds.length
    ? await db.stageResult.findMany({
        where: { id: { in: sampleIds } },
        select: { id: true, itemId: true, videoId: true, attempts: true, rawOutput: true, item: { select: { problemId: true } }, video: { select: { path: true } } },
      })
    : [];
  const byId = new Map(samples.map((s) => [s.id, s]));
  const counts = { pending: 0, running: 0, done: 0, failed: 0, skipped: 0, cancelled: 0 };
  for (const r of statusRows) counts[r.status as keyof typeof counts] = r.n;
  return {
    run: toRunView(run, live.get(runId) ?? null),
    counts,
    failures: groups.map((g) => ({
      message: g.error ?? '(no message)',
      count: g.n,
      lastAt: g.last_at ? new Date(g.last_at).toISOString() : null,
      samples: g.ids
        .map((id) => byId.get(id))
        .filter((s): s is NonNullable<typeof s> => s !== undefined)
        .map((s) => ({
          resultId: s.id,
          itemId: s.itemId,
          videoId: s.videoId,
          label: s.item ? `item ${s.item.problemId}` : s.video ? s.video.path : `result ${s.id}`,
          attempts: s.attempts,
          raw: s.rawOutput ? s.rawOutput.slice(0, RAW_PREVIEW) : null,
        })),
    })),
    skips: skips.map((s) => ({ reason: s.reason ?? '(no reason)', count: s.n })),
    modelConfig: run.modelConfig,
    spend,
  };
}
