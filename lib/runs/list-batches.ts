import type { PrismaClient } from '@/generated/prisma/client';
import { AppError } from '../errors';

/** One provider batch of a batch-mode run, as the jobs page shows it. */
export type RunBatchView = {
  id: number;
  state: string;
  providerBatchId: string | null;
  requests: number;
  done: number;
  failed: number;
  /** Part number within its submission, and the request file's size. */
  part: number;
  bytes: number;
  /** The batch whose missing results this one resends, and how many times they went unanswered before. */
  resubmissionOf: number | null;
  generation: number;
  error: string | null;
  createdAt: string;
  updatedAt: string;
  /** When its output and error files were read and saved (null: still at the provider). */
  ingestedAt: string | null;
};

/** A run's batches, newest first, with its mode; a live run has none. */
export async function listRunBatches(db: PrismaClient, runId: number): Promise<{ runId: number; mode: string; batches: RunBatchView[] }> {
  const run = await db.pipelineRun.findUnique({ where: { id: runId }, select: { id: true, mode: true } });
  if (!run) throw new AppError('NOT_FOUND', `Run ${runId} not found`);
  const rows = await db.modelBatch.findMany({ where: { runId }, orderBy: { id: 'desc' }, take: 500 });
  return {
    runId,
    mode: run.mode,
    batches: rows.map((b) => ({
      id: b.id,
      state: b.state,
      providerBatchId: b.providerBatchId,
      requests: b.requestCount,
      done: b.doneCount,
      failed: b.failedCount,
      part: b.part,
      bytes: b.bytes,
      resubmissionOf: b.resubmissionOf,
      generation: b.generation,
      error: b.error,
      createdAt: b.createdAt.toISOString(),
      updatedAt: b.updatedAt.toISOString(),
      ingestedAt: b.ingestedAt?.toISOString() ?? null,
    })),
  };
}
