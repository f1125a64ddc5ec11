import type { PipelineRun } from '@/generated/prisma/client';

/** A run as the jobs page and the API show it: counters, speed and cost, never secrets. */
export type RunView = {
  id: number;
  stage: string;
  status: string;
  datasetId: number;
  datasetName: string;
  filter: Record<string, string>;
  model: string | null;
  promptVersion: string | null;
  force: boolean;
  /** live requests, or the provider's Batch API. */
  mode: string;
  total: number;
  done: number;
  failed: number;
  skipped: number;
  cancelled: number;
  /** Results being worked on right now. */
  inFlight: number;
  tokensIn: number;
  tokensOut: number;
  costUsd: number;
  /** False when the run's endpoint has no price configured: show "no price set", not "$0". */
  priceSet: boolean;
  note: string | null;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** Results finished per minute: over the last minute while active, over the whole run once finished. */
  ratePerMinute: number | null;
  etaSeconds: number | null;
};

export const RATE_WINDOW_SECONDS = 60;

function priceSetIn(config: unknown): boolean {
  const c = config as { priceInputPerMTok?: unknown; priceOutputPerMTok?: unknown } | null;
  return Number(c?.priceInputPerMTok ?? 0) > 0 || Number(c?.priceOutputPerMTok ?? 0) > 0;
}

function modelOf(config: unknown): string | null {
  const m = (config as { model?: unknown } | null)?.model;
  return typeof m === 'string' ? m : null;
}

export function toRunView(
  run: PipelineRun & { dataset: { name: string } },
  live: { inFlight: number; finishedInWindow: number } | null,
  now = Date.now(),
): RunView {
  const active = run.status === 'queued' || run.status === 'running';
  let ratePerMinute: number | null = null;
  let etaSeconds: number | null = null;
  if (active && live && run.startedAt) {
    const window = Math.min(RATE_WINDOW_SECONDS, Math.max(1, (now - run.startedAt.getTime()) / 1000));
    ratePerMinute = (live.finishedInWindow / window) * 60;
    const remaining = Math.max(0, run.total - run.done - run.failed - run.skipped - run.cancelled);
    etaSeconds = ratePerMinute > 0 ? Math.round((remaining / ratePerMinute) * 60) : null;
  } else if (!active && run.startedAt && run.finishedAt) {
    // A finished run's rate is its average: results that did work, over the time it ran.
    const seconds = Math.max(1, (run.finishedAt.getTime() - run.startedAt.getTime()) / 1000);
    ratePerMinute = ((run.done + run.failed) / seconds) * 60;
  }
  return {
    id: run.id,
    stage: run.stage,
    status: run.status,
    datasetId: run.datasetId,
    datasetName: run.dataset.name,
    filter: (run.filter ?? {}) as Record<string, string>,
    model: modelOf(run.modelConfig),
    promptVersion: run.promptVersion ? `${run.stage}/${run.promptVersion}` : null,
    force: run.force,
    mode: run.mode,
    total: run.total,
    done: run.done,
    failed: run.failed,
    skipped: run.skipped,
    cancelled: run.cancelled,
    inFlight: live?.inFlight ?? 0,
    tokensIn: Number(run.tokensIn),
    tokensOut: Number(run.tokensOut),
    costUsd: run.costUsd,
    priceSet: priceSetIn(run.modelConfig),
    note: run.note,
    error: run.error,
    createdAt: run.createdAt.toISOString(),
    startedAt: run.startedAt?.toISOString() ?? null,
    finishedAt: run.finishedAt?.toISOString() ?? null,
    ratePerMinute,
    etaSeconds,
  };
}
