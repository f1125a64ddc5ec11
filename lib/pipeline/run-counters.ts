import { sql } from 'kysely';
import type { PrismaClient } from '@/generated/prisma/client';
import { kdb } from '@/lib/db/kysely';

type Delta = { runId: number; epoch: number; done: number; failed: number; skipped: number };

/**
 * Per-run progress a worker has made since its last flush. Writing every job's counts to the
 * run row would make that row the hottest lock in the database (every job of a run waiting on
 * it through its commit); one batched update per second per worker keeps the page live
 * instead. The exact counts are restored from the results when a run settles, is cancelled
 * or retried; each such reconciliation bumps the run's count epoch, and counts taken under an
 * older epoch are dropped rather than added on top (they may already be in the exact figure),
 * so the live counters never exceed the result rows. Tokens and cost are not counted here:
 * the spend ledger adds them (lib/pipeline/ledger/model-call-ledger.ts).
 */
export class RunCounterBuffer {
  private deltas = new Map<string, Delta>();

  add(runId: number, epoch: number, status: 'done' | 'failed' | 'skipped'): void {
    const key = `${runId}:${epoch}`;
    const d = this.deltas.get(key) ?? { runId, epoch, done: 0, failed: 0, skipped: 0 };
    d[status]++;
    this.deltas.set(key, d);
  }

  /** The run was reconciled: what we hold for it is already counted. */
  drop(runId: number): void {
    for (const [k, d] of this.deltas) if (d.runId === runId) this.deltas.delete(k);
  }

  get size(): number {
    return this.deltas.size;
  }

  async flush(db: PrismaClient): Promise<void> {
    if (this.deltas.size === 0) return;
    const entries = [...this.deltas.values()];
    this.deltas = new Map();
    try {
      await sql`UPDATE pipeline_run p SET done = p.done + d.done, failed = p.failed + d.failed, skipped = p.skipped + d.skipped
                   FROM unnest(${entries.map((d) => d.runId)}::int[], ${entries.map((d) => d.epoch)}::int[], ${entries.map((d) => d.done)}::int[],
                               ${entries.map((d) => d.failed)}::int[], ${entries.map((d) => d.skipped)}::int[]) AS d(id, epoch, done, failed, skipped)
                  WHERE p.id = d.id AND p.status = 'running' AND p.count_epoch = d.epoch`.execute(kdb(db));
    } catch (e) {
      // Live counters are best effort; put the deltas back for the next flush.
      for (const d of entries) {
        const key = `${d.runId}:${d.epoch}`;
        const cur = this.deltas.get(key);
        if (!cur) this.deltas.set(key, d);
        else {
          cur.done += d.done;
          cur.failed += d.failed;
          cur.skipped += d.skipped;
        }
      }
      throw e;
    }
  }
}
