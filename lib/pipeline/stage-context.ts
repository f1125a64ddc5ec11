import { z } from 'zod';
import type { PrismaClient } from '@/generated/prisma/client';
import { applyOverrides, modelOverridesSchema, estimateCostUsd, type ModelEndpoint, type ModelStage } from '../models/model-config';
import { ModelCallError } from '../models/model-error';
import type { ChatResult } from '../models/chat';
import type { RetryHooks } from '../models/retry';
import type { PipelineSettings } from './settings';
import { StageFailure, type Usage } from './result/stage-failure';
import type { ModelCallRow } from './ledger/model-call-ledger';

/** What a stage needs from the process running it. */
export type StageContext = {
  db: PrismaClient;
  settings: PipelineSettings;
  /** The endpoint's limits, applied to every HTTP attempt: requests per minute, tokens per
   * minute and requests in flight, per endpoint (base URL + key), shared by all workers. */
  gate: (stage: ModelStage, runId: number) => Pick<RetryHooks, 'beforeAttempt' | 'around' | 'onAttempt'>;
  signal?: AbortSignal;
  /** The worker process (its heartbeat id), noted on the results it takes. */
  workerId?: string;
  /** Appends one model-call attempt to the spend ledger (every attempt, failed or not). */
  recordCall?: (row: ModelCallRow) => void;
};

const runModelConfigSchema = z.looseObject({ overrides: modelOverridesSchema.optional() });

/**
 * This worker's endpoint for the stage, with the run's choices (model, sampling) applied. The
 * base URL and key are the worker's own: a run records which model it asked for, never a secret.
 */
export function runEndpoint(settings: PipelineSettings, stage: ModelStage, runModelConfig: unknown): ModelEndpoint {
  const endpoint = settings.endpoints[stage];
  if (!endpoint) {
    throw new StageFailure(`This worker has no ${stage} model endpoint: set COT_${stage.toUpperCase()}_BASE_URL and COT_${stage.toUpperCase()}_MODEL${stage === 'consistency' ? '' : ' (or COT_DEFAULT_*)'}`);
  }
  const parsed = runModelConfigSchema.safeParse(runModelConfig ?? {});
  return applyOverrides(endpoint, parsed.success ? parsed.data.overrides : undefined);
}

export function usageOf(endpoint: ModelEndpoint, r: Pick<ChatResult, 'tokensIn' | 'tokensOut' | 'latencyMs'>): Usage {
  return { tokensIn: r.tokensIn, tokensOut: r.tokensOut, latencyMs: r.latencyMs, costUsd: estimateCostUsd(endpoint, r.tokensIn, r.tokensOut) };
}

/** Model errors that survived every retry become the item's failure, raw reply kept. */
export async function callModel<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof ModelCallError) {
      const tries = e.attempts > 1 ? ` (after ${e.attempts} attempts)` : '';
      throw new StageFailure(`${e.message}${tries}`, { raw: e.raw });
    }
    throw e;
  }
}
