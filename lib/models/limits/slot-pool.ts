import { log } from '../../log';
import { sleep } from '../retry';
import type { SlotLimiter } from './slot-limiter';

/**
 * One process's share of an endpoint's concurrency slots. Each request in flight holds a slot
 * only while its HTTP exchange lasts (not while its job reads or writes the database, nor
 * while it backs off before a retry), so the endpoint is kept busy while jobs do their other
 * work. Slots move between requests of this process in memory; the shared table is touched
 * only to take more slots, give idle ones back after `lingerMs`, and renew the leases.
 */
export class SlotPool {
  private free: number[] = [];
  private busy = new Set<number>();
  private waiters: ((slot: number) => void)[] = [];
  private acquiring = false;
  private lingerTimer: NodeJS.Timeout | null = null;
  private givingBack: Promise<void> = Promise.resolve();
  private renewTimer: NodeJS.Timeout;
  private closed = false;
  /** For the debug log: requests, time waiting for a slot, time holding one. */
  readonly stats = { requests: 0, waitMs: 0, heldMs: 0 };

  constructor(
    private readonly limiter: SlotLimiter,
    private readonly opts: { lingerMs?: number; pollMs?: number } = {},
  ) {
    this.renewTimer = setInterval(() => void this.renew(), Math.max(1000, (limiter.ttlSeconds * 1000) / 3));
    this.renewTimer.unref();
  }

  get held(): number {
    return this.free.length + this.busy.size;
  }

  /** Runs `fn` holding one slot. */
  async with<T>(fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const t0 = performance.now();
    const slot = await this.acquire(signal);
    const t1 = performance.now();
    try {
      return await fn();
    } finally {
      this.release(slot);
      this.stats.requests++;
      this.stats.waitMs += t1 - t0;
      this.stats.heldMs += performance.now() - t1;
    }
  }

  private acquire(signal?: AbortSignal): Promise<number> {
    const slot = this.free.pop();
    if (slot !== undefined) {
      this.busy.add(slot);
      return Promise.resolve(slot);
    }
    return new Promise<number>((resolve, reject) => {
      const waiter = (s: number) => {
        signal?.removeEventListener('abort', onAbort);
        this.busy.add(s);
        resolve(s);
      };
      const onAbort = () => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(signal?.reason ?? new Error('aborted'));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiters.push(waiter);
      void this.fill();
    });
  }

  private release(slot: number): void {
    this.busy.delete(slot);
    const next = this.waiters.shift();
    if (next) return next(slot);
    this.free.push(slot);
    this.lingerTimer ??= setTimeout(() => void this.giveBack(), this.opts.lingerMs ?? 250);
    this.lingerTimer.unref();
  }

  /** Takes slots from the shared table for everyone waiting; polls while all are taken. */
  private async fill(): Promise<void> {
    if (this.acquiring) return;
    this.acquiring = true;
    try {
      while (this.waiters.length > 0 && !this.closed) {
        let got: number[] = [];
        try {
          got = await this.limiter.acquire(this.waiters.length);
        } catch (e) {
          log('warn', 'could not take model slots', { key: this.limiter.key, error: (e as Error).message });
        }
        for (const s of got) {
          const w = this.waiters.shift();
          if (w) w(s);
          else this.free.push(s);
        }
        if (this.waiters.length > 0) await sleep(this.opts.pollMs ?? 100);
      }
    } finally {
      this.acquiring = false;
    }
  }

  /** Idle slots go back to the shared table, for other workers. */
  private giveBack(): Promise<void> {
    this.lingerTimer = null;
    const idle = this.free.splice(0);
    if (idle.length === 0) return this.givingBack;
    // Chained, so close() can wait for a release already under way (a process exiting in the
    // middle of it would leave its slots taken until their leases expire).
    this.givingBack = this.givingBack.then(() =>
      this.limiter.release(idle).catch((e: unknown) => {
        log('warn', 'could not give model slots back; they expire on their own', { key: this.limiter.key, error: (e as Error).message });
      }),
    );
    return this.givingBack;
  }

  private async renew(): Promise<void> {
    const held = [...this.free, ...this.busy];
    if (held.length === 0) return;
    try {
      const kept = new Set(await this.limiter.renew(held));
      // A lease that lapsed (database unreachable for a while) may be someone else's now.
      this.free = this.free.filter((s) => kept.has(s));
    } catch (e) {
      log('warn', 'could not renew model slots', { key: this.limiter.key, error: (e as Error).message });
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.renewTimer);
    if (this.lingerTimer) clearTimeout(this.lingerTimer);
    // Slots of requests still in flight are left to expire: those requests have not ended.
    await this.giveBack();
  }
}
