import { describe, expect, it } from 'vitest';
import { ModelCallError } from '@/lib/models/model-error';
import { backoffDelayMs, parseRetryAfter, withRetries } from '@/lib/models/retry';

const headers = (h: Record<string, string>) => new Headers(h);
const policy = { baseMs: 500, capMs: 30_000, maxRetryAfterMs: 120_000 };

describe('Retry-After', () => {
  it('reads seconds, milliseconds and HTTP dates', () => {
    expect(parseRetryAfter(headers({ 'retry-after': '3' }))).toBe(3000);
    expect(parseRetryAfter(headers({ 'retry-after-ms': '250', 'retry-after': '3' }))).toBe(250);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter(headers({ 'retry-after': 'Thu, 01 Jan 2026 00:00:10 GMT' }), now)).toBe(10_000);
  });

  it('ignores what it cannot read', () => {
    expect(parseRetryAfter(headers({}))).toBeNull();
    expect(parseRetryAfter(headers({ 'retry-after': 'soon' }))).toBeNull();
    expect(parseRetryAfter(headers({ 'retry-after': '-4' }))).toBeNull();
    expect(parseRetryAfter(undefined)).toBeNull();
  });
});

describe('backoff', () => {
  it('doubles per attempt with jitter between half and the full step, up to the cap', () => {
    expect(backoffDelayMs(1, policy, null, () => 0)).toBe(250);
    expect(backoffDelayMs(1, policy, null, () => 1)).toBe(500);
    expect(backoffDelayMs(3, policy, null, () => 1)).toBe(2000);
    expect(backoffDelayMs(20, policy, null, () => 1)).toBe(30_000);
  });

  it('never comes back sooner than Retry-After', () => {
    expect(backoffDelayMs(1, policy, 4000, () => 0)).toBe(4000);
    expect(backoffDelayMs(1, policy, 4000, () => 1)).toBe(4400);
  });
});

describe('withRetries', () => {
  const fail = (kind: ConstructorParameters<typeof ModelCallError>[0]['kind'], retryAfterMs: number | null = null) => new ModelCallError({ kind, message: kind, retryAfterMs });

  it('retries 429, 5xx, timeouts and connection errors, then gives up with the attempt count', async () => {
    const slept: number[] = [];
    let calls = 0;
    const err = await withRetries(
      async () => {
        calls++;
        throw fail(['rate_limited', 'server', 'timeout', 'connection'][calls - 1] as 'server');
      },
      { maxRetries: 3, policy, sleep: async (ms) => void slept.push(ms) },
    ).catch((e: ModelCallError) => e);
    expect(calls).toBe(4);
    expect(slept).toHaveLength(3);
    expect(err).toMatchObject({ kind: 'connection', attempts: 4 });
  });

  it('does not retry client errors or unusable replies', async () => {
    for (const kind of ['client', 'bad_response', 'aborted'] as const) {
      let calls = 0;
      await expect(withRetries(async () => ((calls++, Promise.reject(fail(kind))) as Promise<never>), { maxRetries: 5, sleep: async () => {} })).rejects.toMatchObject({ kind, attempts: 1 });
      expect(calls).toBe(1);
    }
  });

  it('waits what the server asked and calls the rate limiter before every attempt', async () => {
    const events: string[] = [];
    let calls = 0;
    const r = await withRetries(
      async () => {
        events.push('call');
        if (++calls === 1) throw fail('rate_limited', 1500);
        return 'ok';
      },
      { maxRetries: 2, policy, beforeAttempt: async () => void events.push('limit'), sleep: async (ms) => void events.push(`sleep ${ms >= 1500}`) },
    );
    expect(r).toEqual({ value: 'ok', attempts: 2 });
    expect(events).toEqual(['limit', 'call', 'sleep true', 'limit', 'call']);
  });

  it('fails at once when the server asks to wait longer than the policy allows', async () => {
    await expect(withRetries(async () => Promise.reject(fail('rate_limited', 600_000)), { maxRetries: 5, policy, sleep: async () => {} })).rejects.toThrow(/server asked to wait 600 s/);
  });
});
