import type { PrismaClient } from '@/generated/prisma/client';

type Delta = { done: number; failed: number; skipped: number; tokensIn: number; tokensOut: number; costUsd: number };

/**
 * Per-run progress a worker has made since its last flush. Writing every job's counts to the
 * run row would make that row the hottest lock in the database (every job of a run waiting on
 * it through its commit); one batched update per second per worker keeps the page live
 * instead. The exact counts are restored from the results when a run settles.
 */
export class RunCounterBuffer {
  private deltas = new Map<number, Delta>();

  add(runId: number, status: 'done' | 'failed' | 'skipped', usage: { tokensIn: number; tokensOut: number; costUsd: number } | null): void {
    const d = this.deltas.get(runId) ?? { done: 0, failed: 0, skipped: 0, tokensIn: 0, tokensOut: 0, costUsd: 0 };
    d[status]++;
    d.tokensIn += usage?.tokensIn ?? 0;
    d.tokensOut += usage?.tokensOut ?? 0;
    d.costUsd += usage?.costUsd ?? 0;
    this.deltas.set(runId, d);
  }

  /** The run was reconciled: what we hold for it is already counted. */
  drop(runId: number): void {
    this.deltas.delete(runId);
  }

  get size(): number {
    return this.deltas.size;
  }

  async flush(db: PrismaClient): Promise<void> {
    if (this.deltas.size === 0) return;
    const entries = [...this.deltas.entries()];
    this.deltas = new Map();
    try {
      await db.$executeRawUnsafe(
        `UPDATE pipeline_run p SET done = p.done + d.done, failed = p.failed + d.failed, skipped = p.skipped + d.skipped,
                tokens_in = p.tokens_in + d.tokens_in, tokens_out = p.tokens_out + d.tokens_out, cost_usd = p.cost_usd + d.cost_usd
           FROM unnest($1::int[], $2::int[], $3::int[], $4::int[], $5::bigint[], $6::bigint[], $7::float8[])
                AS d(id, done, failed, skipped, tokens_in, tokens_out, cost_usd)
          WHERE p.id = d.id AND p.status IN ('running', 'cancelled')`,
        entries.map(([id]) => id),
        entries.map(([, d]) => d.done),
        entries.map(([, d]) => d.failed),
        entries.map(([, d]) => d.skipped),
        entries.map(([, d]) => d.tokensIn),
        entries.map(([, d]) => d.tokensOut),
        entries.map(([, d]) => d.costUsd),
      );
    } catch (e) {
      // Live counters are best effort; put the deltas back for the next flush.
      for (const [id, d] of entries) {
        const cur = this.deltas.get(id);
        if (!cur) this.deltas.set(id, d);
        else for (const k of Object.keys(d) as (keyof Delta)[]) cur[k] += d[k];
      }
      throw e;
    }
  }
}
