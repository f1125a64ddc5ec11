import type PgBoss from 'pg-boss';
import type { SlotLimiter } from '@/lib/models/limits/slot-limiter';
import { log } from '@/lib/log';
import type { WorkerState } from './wrap-handler';

export type PumpJob = PgBoss.JobWithMetadata<unknown>;

export type PumpOptions = {
  boss: PgBoss;
  queue: string;
  /** Jobs this worker runs at once for this queue. */
  concurrency: number;
  /** The endpoint's slots shared by all workers; null = only the local limit applies. */
  limiter: SlotLimiter | null;
  /** How long to wait before looking again when the queue is empty or every slot is taken. */
  pollMs?: number;
  /** Handles one job; throwing hands the job back to the queue for a retry. */
  handle: (job: PumpJob) => Promise<unknown>;
  state: WorkerState;
};

/**
 * Keeps up to `concurrency` jobs of one queue in flight, each acknowledged on its own as soon
 * as it finishes. pg-boss's own work() takes a batch and waits for all of it, so one slow model
 * call would hold the rest of the batch's capacity idle; this loop refills each slot the moment
 * it frees up, which is what keeps an endpoint's concurrency fully used.
 *
 * With a limiter, every job in flight holds one of the endpoint's slots. Slots are kept across
 * back-to-back jobs and given back as soon as the queue has nothing for them.
 */
export class StagePump {
  private inFlight = 0;
  private freeSlots: number[] = [];
  private busySlots = new Set<number>();
  private stopping = false;
  private loopDone: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private acks: string[] = [];
  private ackTimer: NodeJS.Timeout | null = null;
  private renewTimer: NodeJS.Timeout | null = null;
  private readonly pollMs: number;

  constructor(private readonly o: PumpOptions) {
    this.pollMs = o.pollMs ?? 500;
  }

  get active(): number {
    return this.inFlight;
  }

  async start(): Promise<void> {
    await this.o.limiter?.ensure();
    if (this.o.limiter) {
      const every = Math.max(1000, (this.o.limiter.ttlSeconds * 1000) / 3);
      this.renewTimer = setInterval(() => void this.renew(), every);
      this.renewTimer.unref();
    }
    this.loopDone = this.loop();
  }

  /** Stops taking jobs, waits up to `timeoutMs` for those in flight, gives its slots back. */
  async stop(timeoutMs: number): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.loopDone;
    const deadline = Date.now() + timeoutMs;
    while (this.inFlight > 0 && Date.now() < deadline) await this.sleep(100);
    await this.flushAcks();
    if (this.renewTimer) clearInterval(this.renewTimer);
    // Slots of jobs still running are left to expire: their requests are still in flight.
    await this.o.limiter?.release(this.freeSlots.splice(0)).catch(() => {});
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        this.wake = null;
        resolve();
      }, ms);
      this.wake = () => {
        clearTimeout(t);
        this.wake = null;
        resolve();
      };
    });
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      try {
        const room = this.o.concurrency - this.inFlight;
        if (room <= 0) {
          await this.sleep(this.pollMs);
          continue;
        }
        let n = room;
        const limiter = this.o.limiter;
        if (limiter) {
          if (this.freeSlots.length < room) this.freeSlots.push(...(await limiter.acquire(room - this.freeSlots.length)));
          n = Math.min(room, this.freeSlots.length);
          if (n === 0) {
            await this.sleep(this.pollMs);
            continue;
          }
        }
        const jobs = (await this.o.boss.fetch(this.o.queue, { batchSize: n, includeMetadata: true })) as PumpJob[];
        for (const job of jobs) this.run(job, limiter ? this.freeSlots.pop()! : null);
        if (jobs.length < n) {
          // The queue is drained for now: give back the slots we hold without a job.
          if (limiter && this.freeSlots.length > 0) await limiter.release(this.freeSlots.splice(0));
          if (!this.stopping) await this.sleep(this.pollMs);
        }
      } catch (e) {
        log('warn', 'stage pump error; retrying', { queue: this.o.queue, error: (e as Error).message });
        if (!this.stopping) await this.sleep(this.pollMs * 2);
      }
    }
  }

  private run(job: PumpJob, slot: number | null): void {
    this.inFlight++;
    this.o.state.active++;
    if (slot !== null) this.busySlots.add(slot);
    const started = Date.now();
    void this.o
      .handle(job)
      .then(
        () => this.ack(job.id),
        (e: unknown) => {
          log('warn', 'job failed; the queue will retry it', { queue: this.o.queue, jobId: job.id, ms: Date.now() - started, error: (e as Error).message });
          return this.o.boss.fail(this.o.queue, job.id, { message: (e as Error).message }).catch((err: unknown) => {
            log('warn', 'could not mark job failed; it will expire and be retried', { queue: this.o.queue, jobId: job.id, error: (err as Error).message });
          });
        },
      )
      .finally(() => {
        this.inFlight--;
        this.o.state.active--;
        if (slot !== null) {
          this.busySlots.delete(slot);
          this.freeSlots.push(slot);
        }
        this.wake?.();
      });
  }

  /** Completions are sent in small batches: one query per few jobs instead of one per job. */
  private ack(id: string): void {
    this.acks.push(id);
    if (this.acks.length >= 64) void this.flushAcks();
    else this.ackTimer ??= setTimeout(() => void this.flushAcks(), 20);
  }

  private async flushAcks(): Promise<void> {
    if (this.ackTimer) clearTimeout(this.ackTimer);
    this.ackTimer = null;
    const ids = this.acks.splice(0);
    if (ids.length === 0) return;
    try {
      await this.o.boss.complete(this.o.queue, ids);
    } catch (e) {
      // The results are saved; unacknowledged jobs expire, come back, and find nothing to do.
      log('warn', 'could not acknowledge jobs', { queue: this.o.queue, count: ids.length, error: (e as Error).message });
    }
  }

  private async renew(): Promise<void> {
    const limiter = this.o.limiter;
    if (!limiter) return;
    const held = [...this.freeSlots, ...this.busySlots];
    try {
      const kept = new Set(await limiter.renew(held));
      // A slot whose lease lapsed (e.g. the database was unreachable) may now be someone else's.
      this.freeSlots = this.freeSlots.filter((s) => kept.has(s));
    } catch (e) {
      log('warn', 'could not renew model slots', { queue: this.o.queue, error: (e as Error).message });
    }
  }
}
