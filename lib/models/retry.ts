import { ModelCallError, isRetriable } from './model-error';

export type BackoffPolicy = {
  /** First delay before jitter. */
  baseMs: number;
  /** No single wait is longer than this (a Retry-After above it is honoured up to maxRetryAfterMs). */
  capMs: number;
  /** A server asking for longer than this is treated as down: the call fails instead of waiting. */
  maxRetryAfterMs: number;
};

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 500, capMs: 30_000, maxRetryAfterMs: 120_000 };

/**
 * Reads Retry-After (seconds or an HTTP date) and the non-standard retry-after-ms that OpenAI
 * and several proxies send. Returns null when absent or unreadable.
 */
export function parseRetryAfter(headers: { get(name: string): string | null } | undefined, now = Date.now()): number | null {
  if (!headers) return null;
  const ms = headers.get('retry-after-ms');
  if (ms !== null && ms.trim() !== '') {
    const n = Number(ms);
    if (Number.isFinite(n) && n >= 0) return n;
  }
  const v = headers.get('retry-after');
  if (v === null || v.trim() === '') return null;
  const secs = Number(v);
  if (Number.isFinite(secs)) return secs >= 0 ? secs * 1000 : null;
  const at = Date.parse(v);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/**
 * Delay before retry number `attempt` (1 = the first retry): "full jitter" exponential backoff,
 * so many workers hitting one 429 do not all come back at the same instant. A server's
 * Retry-After is a floor: we never come back sooner than asked.
 */
export function backoffDelayMs(attempt: number, policy: BackoffPolicy, retryAfterMs: number | null, random: () => number = Math.random): number {
  const exp = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  const jittered = exp / 2 + (exp / 2) * random();
  if (retryAfterMs === null) return Math.round(jittered);
  // A little jitter on top of Retry-After spreads the herd without arriving early.
  return Math.round(retryAfterMs + Math.min(1000, retryAfterMs * 0.1) * random());
}

/** One HTTP attempt, as the spend ledger records it (lib/pipeline/ledger/model-call-ledger.ts). */
export type AttemptOutcome = { attempt: number; latencyMs: number } & (
  | { ok: true; tokensIn: number; tokensOut: number; raw: string | null }
  | { ok: false; error: ModelCallError }
);

export type RetryHooks = {
  /** Called after every attempt, successful or not (the spend ledger listens here). */
  onAttempt?: (outcome: AttemptOutcome) => void;
  /** Called before every attempt (the rate limiter waits here). */
  beforeAttempt?: () => Promise<void>;
  /** Wraps each attempt (the concurrency limiter holds a slot for exactly the request's duration). */
  around?: <T>(attempt: () => Promise<T>) => Promise<T>;
  onRetry?: (info: { attempt: number; delayMs: number; error: ModelCallError }) => void;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  signal?: AbortSignal;
};

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason ?? new Error('aborted'));
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(signal?.reason ?? new Error('aborted'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Runs `call` with up to `maxRetries` retries of 429 / 5xx / timeouts / connection errors. */
export async function withRetries<T>(
  call: (attempt: number) => Promise<T>,
  opts: { maxRetries: number; policy?: BackoffPolicy; describe?: (value: T) => { tokensIn: number; tokensOut: number; raw: string | null } } & RetryHooks,
): Promise<{ value: T; attempts: number }> {
  const policy = opts.policy ?? DEFAULT_BACKOFF;
  const wait = opts.sleep ?? sleep;
  for (let attempt = 1; ; attempt++) {
    await opts.beforeAttempt?.();
    // Timed inside `around`: the time waiting for a slot is not the endpoint's latency.
    let started = performance.now();
    const timed = () => ((started = performance.now()), call(attempt));
    try {
      const value = await (opts.around ? opts.around(timed) : timed());
      const latencyMs = Math.round(performance.now() - started);
      if (opts.onAttempt) opts.onAttempt({ attempt, latencyMs, ok: true, ...(opts.describe?.(value) ?? { tokensIn: 0, tokensOut: 0, raw: null }) });
      return { value, attempts: attempt };
    } catch (e) {
      if (!(e instanceof ModelCallError)) throw e;
      opts.onAttempt?.({ attempt, latencyMs: Math.round(performance.now() - started), ok: false, error: e });
      const retriesLeft = attempt <= opts.maxRetries;
      if (!isRetriable(e.kind) || !retriesLeft) throw e.withAttempts(attempt);
      if (e.retryAfterMs !== null && e.retryAfterMs > policy.maxRetryAfterMs) {
        throw new ModelCallError({ kind: e.kind, status: e.status, raw: e.raw, attempts: attempt, message: `${e.message} (server asked to wait ${Math.round(e.retryAfterMs / 1000)} s, longer than we wait)` });
      }
      const delayMs = backoffDelayMs(attempt, policy, e.retryAfterMs);
      opts.onRetry?.({ attempt, delayMs, error: e });
      await wait(delayMs, opts.signal);
    }
  }
}
