import type { PrismaClient } from '@/generated/prisma/client';
import { log } from '../log';
import { settleRunIfDone } from '../pipeline/reconcile-run';

/**
 * Decides when to look whether a run is finished. Looking after every job costs a query per
 * job; looking at most every `minIntervalMs` per run — and always once more after its last
 * job — costs a few per second, and a run still completes at most that long after its end.
 */
export class RunSettler {
  private lastCheck = new Map<number, number>();
  private timers = new Map<number, NodeJS.Timeout>();

  constructor(
    private readonly db: PrismaClient,
    private readonly onSettled: (runId: number) => void,
    private readonly minIntervalMs = 250,
    /** Runs before each check (the worker writes its spend ledger). */
    private readonly beforeCheck?: () => Promise<void>,
  ) {}

  /** A result of the run reached a final state. */
  async touch(runId: number): Promise<void> {
    const since = Date.now() - (this.lastCheck.get(runId) ?? 0);
    if (since >= this.minIntervalMs) return this.check(runId);
    if (!this.timers.has(runId)) {
      const t = setTimeout(() => void this.check(runId), this.minIntervalMs - since);
      t.unref();
      this.timers.set(runId, t);
    }
  }

  private async check(runId: number): Promise<void> {
    const t = this.timers.get(runId);
    if (t) clearTimeout(t);
    this.timers.delete(runId);
    this.lastCheck.set(runId, Date.now());
    try {
      await this.beforeCheck?.();
      if (await settleRunIfDone(this.db, runId)) this.onSettled(runId);
    } catch (e) {
      log('warn', 'could not check whether a run is finished', { runId, error: (e as Error).message });
    }
    if (this.lastCheck.size > 1000) this.lastCheck.clear();
  }

  /** Runs the checks still scheduled (a stopping worker may have finished a run's last job). */
  async flush(): Promise<void> {
    await Promise.all([...this.timers.keys()].map((id) => this.check(id)));
  }
}
