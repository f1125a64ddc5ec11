import type PgBoss from 'pg-boss';
import { log } from '@/lib/log';
import type { WorkerState } from './wrap-handler';

export type PumpJob = PgBoss.JobWithMetadata<unknown>;

/** With jobs in flight, how long a free slot may wait for others so one fetch serves several. */
const COALESCE_MS = 5;

export type PumpOptions = {
  boss: PgBoss;
  queue: string;
  /** Jobs this worker runs at once for this queue. */
  concurrency: number;
  /** How long to wait before looking again when the queue is empty or every slot is taken. */
  pollMs?: number;
  /** Work done once for the jobs one fetch returned (e.g. claiming them in one query); its
   * result is passed to each job's handler. Throwing hands the whole batch back to the queue. */
  prepare?: (jobs: PumpJob[]) => Promise<unknown>;
  /** Handles one job; throwing hands the job back to the queue for a retry. */
  handle: (job: PumpJob, prepared: unknown) => Promise<unknown>;
  state: WorkerState;
};

/**
 * Keeps up to `concurrency` jobs of one queue in flight, each acknowledged on its own as soon
 * as it finishes. pg-boss's own work() takes a batch and waits for all of it, so one slow model
 * call would hold the rest of the batch's capacity idle; this loop refills each place the
 * moment it frees up. (The endpoint's own limit is applied per request, by its SlotPool.)
 */
export class StagePump {
  private inFlight = 0;
  private stopping = false;
  private loopDone: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private acks: string[] = [];
  private ackTimer: NodeJS.Timeout | null = null;
  private readonly pollMs: number;
  private waitingSince: number | null = null;
  /** Where a worker's time goes, for the debug log: query time of fetches and claims, jobs. */
  readonly stats = { fetches: 0, fetchMs: 0, prepareMs: 0, jobs: 0, jobMs: 0 };

  constructor(private readonly o: PumpOptions) {
    this.pollMs = o.pollMs ?? 500;
  }

  get active(): number {
    return this.inFlight;
  }

  start(): void {
    this.loopDone = this.loop();
  }

  /** Stops taking jobs and waits up to `timeoutMs` for those in flight. */
  async stop(timeoutMs: number): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.loopDone;
    const deadline = Date.now() + timeoutMs;
    while (this.inFlight > 0 && Date.now() < deadline) await this.sleep(100);
    await this.flushAcks();
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
        // One fetch per freed slot would be a query per job at full speed: while work is in
        // flight, let a few slots free up (for at most COALESCE_MS) and fetch them together.
        if (this.inFlight > 0 && room < Math.max(1, Math.floor(this.o.concurrency / 8))) {
          this.waitingSince ??= Date.now();
          const waited = Date.now() - this.waitingSince;
          if (waited < COALESCE_MS) {
            await this.sleep(COALESCE_MS - waited);
            continue;
          }
        }
        this.waitingSince = null;
        const n = room;
        const f0 = performance.now();
        const jobs = (await this.o.boss.fetch(this.o.queue, { batchSize: n, includeMetadata: true })) as PumpJob[];
        const f1 = performance.now();
        this.stats.fetches++;
        this.stats.fetchMs += f1 - f0;
        let prepared: unknown;
        try {
          prepared = jobs.length && this.o.prepare ? await this.o.prepare(jobs) : undefined;
          this.stats.prepareMs += performance.now() - f1;
        } catch (e) {
          log('warn', 'could not prepare jobs; the queue will retry them', { queue: this.o.queue, count: jobs.length, error: (e as Error).message });
          await this.o.boss.fail(this.o.queue, jobs.map((j) => j.id)).catch(() => {});
          await this.sleep(this.pollMs);
          continue;
        }
        for (const job of jobs) this.run(job, prepared);
        // The queue is drained for now.
        if (jobs.length < n && !this.stopping) await this.sleep(this.pollMs);
      } catch (e) {
        log('warn', 'stage pump error; retrying', { queue: this.o.queue, error: (e as Error).message });
        if (!this.stopping) await this.sleep(this.pollMs * 2);
      }
    }
  }

  private run(job: PumpJob, prepared: unknown): void {
    this.inFlight++;
    this.o.state.active++;
    const started = Date.now();
    this.stats.jobs++;
    void this.o
      .handle(job, prepared)
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
        this.stats.jobMs += Date.now() - started;
        this.inFlight--;
        this.o.state.active--;
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
}
