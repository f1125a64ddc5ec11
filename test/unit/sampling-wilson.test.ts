import { describe, expect, it } from 'vitest';
import { normalQuantile, wilsonInterval, zFor } from '@/lib/sampling/wilson';

describe('critical values', () => {
  it('matches the normal table at the usual confidence levels', () => {
    expect(zFor(0.9)).toBeCloseTo(1.6448536269514722, 9);
    expect(zFor(0.95)).toBeCloseTo(1.959963984540054, 9);
    expect(zFor(0.99)).toBeCloseTo(2.5758293035489004, 9);
    expect(zFor(0.999)).toBeCloseTo(3.2905267314919255, 9);
  });

  it('is symmetric and monotone in the tails', () => {
    expect(normalQuantile(0.5)).toBeCloseTo(0, 12);
    expect(normalQuantile(0.001)).toBeCloseTo(-normalQuantile(0.999), 9);
    expect(normalQuantile(0.01)).toBeLessThan(normalQuantile(0.02));
  });

  it('refuses a confidence outside (0, 1)', () => {
    expect(() => zFor(1)).toThrow(/confidence/);
    expect(() => zFor(0)).toThrow(/confidence/);
  });
});

describe('the Wilson score interval', () => {
  it('reproduces the published example (Newcombe 1998: 81 of 263 at 95%)', () => {
    const i = wilsonInterval(81, 263, 0.95);
    expect(i.estimate).toBeCloseTo(0.30798, 4);
    expect(i.low).toBeCloseTo(0.2553, 4);
    expect(i.high).toBeCloseTo(0.3662, 4);
  });

  it('stays inside [0, 1] at the edges, where the normal approximation collapses to a point', () => {
    const none = wilsonInterval(0, 10, 0.95);
    expect(none.low).toBe(0);
    expect(none.high).toBeCloseTo(0.2775, 4);
    const all = wilsonInterval(10, 10, 0.95);
    expect(all.low).toBeCloseTo(0.7225, 4);
    expect(all.high).toBe(1);
  });

  it('narrows as decisions come in and widens with the confidence asked for', () => {
    const few = wilsonInterval(19, 20, 0.95);
    const many = wilsonInterval(190, 200, 0.95);
    expect(many.high - many.low).toBeLessThan(few.high - few.low);
    const surer = wilsonInterval(190, 200, 0.99);
    expect(surer.low).toBeLessThan(many.low);
    expect(surer.high).toBeGreaterThan(many.high);
  });

  it('is the whole range before any decision, and rejects impossible counts', () => {
    expect(wilsonInterval(0, 0, 0.95)).toEqual({ estimate: 0, low: 0, high: 1 });
    expect(() => wilsonInterval(5, 4, 0.95)).toThrow(/successes/);
    expect(() => wilsonInterval(1.5, 4, 0.95)).toThrow(/integers/);
  });
});
