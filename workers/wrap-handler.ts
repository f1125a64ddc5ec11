import type PgBoss from 'pg-boss';
import { ZodError } from 'zod';
import { log } from '@/lib/log';

export type WorkerState = {
  active: number;
  /** This process's id (heartbeat row, model slot leases). */
  workerId?: string;
  /** Called on shutdown, before the queue stops, with the time in-flight work may take. */
  onStop?: ((timeoutMs: number) => Promise<void>)[];
};

/**
 * Every handler runs through here once: timing, structured logs, and error sorting. A payload
 * that does not parse can never succeed, so it is acknowledged (logged, not retried); any
 * other error is rethrown so pg-boss retries it with the queue's backoff.
 */
export function wrapHandler<T>(
  name: string,
  state: WorkerState,
  handle: (job: PgBoss.Job<T>) => Promise<unknown>,
): PgBoss.WorkHandler<T> {
  return async (jobs) => {
    const results: unknown[] = [];
    for (const job of jobs) {
      const started = Date.now();
      state.active++;
      try {
        results.push(await handle(job));
        log('info', 'job done', { queue: name, jobId: job.id, ms: Date.now() - started });
      } catch (e) {
        if (e instanceof ZodError) {
          log('error', 'job payload rejected; not retried', { queue: name, jobId: job.id, issues: e.issues });
          results.push({ rejected: true });
        } else {
          log('warn', 'job failed; will retry if attempts remain', { queue: name, jobId: job.id, ms: Date.now() - started, error: (e as Error).message });
          throw e;
        }
      } finally {
        state.active--;
      }
    }
    return results;
  };
}
