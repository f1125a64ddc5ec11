import { sql } from 'kysely';
import type { PrismaClient } from '@/generated/prisma/client';
import { kdb } from '@/lib/db/kysely';

/**
 * Which of the runs this worker is working on have been cancelled. A worker takes a few more
 * jobs than it has endpoint slots (so the endpoint never idles); those waiting for a slot when
 * their run is cancelled must not start their request. One query a second covers every run the
 * worker touched recently.
 */
export class RunCancellations {
  private watched = new Map<number, number>();
  private cancelled = new Set<number>();
  /** When a claim last proved the run live (a resumed run is live again). */
  private liveAt = new Map<number, number>();

  watch(runId: number): void {
    this.watched.set(runId, Date.now());
  }

  isCancelled(runId: number): boolean {
    return this.cancelled.has(runId);
  }

  /** A result of the run was just claimed, which only a queued or running run allows. */
  sawLive(runId: number): void {
    this.cancelled.delete(runId);
    this.liveAt.set(runId, Date.now());
  }

  async refresh(db: PrismaClient): Promise<void> {
    const cutoff = Date.now() - 5 * 60_000;
    for (const [id, at] of this.watched) if (at < cutoff) this.watched.delete(id);
    for (const [id, at] of this.liveAt) if (at < cutoff) this.liveAt.delete(id);
    if (this.watched.size === 0) return;
    const asked = Date.now();
    const rows = await kdb(db)
      .selectFrom('pipeline_run')
      .select('id')
      .where(sql<boolean>`id = ANY(${[...this.watched.keys()]}::int[])`)
      .where('status', '=', 'cancelled')
      .execute();
    // A claim made while this query ran knows better (the run was resumed meanwhile).
    this.cancelled = new Set(rows.map((r) => r.id).filter((id) => (this.liveAt.get(id) ?? 0) < asked));
  }
}

/** Thrown before a request of a cancelled run starts; the result is recorded as cancelled. */
export class RunCancelled extends Error {
  constructor(runId: number) {
    super(`Run ${runId} was cancelled`);
    this.name = 'RunCancelled';
  }
}
