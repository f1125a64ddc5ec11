import { describe, expect, it } from 'vitest';
import { sampleSize } from '@/lib/sampling/sample-size';

describe('sample size from confidence and margin', () => {
  it('gives the textbook sizes for a large population', () => {
    expect(sampleSize({ confidence: 0.95, margin: 0.05, population: 10_000_000 })).toBe(385);
    expect(sampleSize({ confidence: 0.99, margin: 0.01, population: Number.MAX_SAFE_INTEGER })).toBe(16588);
    expect(sampleSize({ confidence: 0.9, margin: 0.1, population: Number.MAX_SAFE_INTEGER })).toBe(68);
  });

  it('needs fewer items from a small population (finite population correction)', () => {
    expect(sampleSize({ confidence: 0.95, margin: 0.05, population: 1000 })).toBe(278);
    expect(sampleSize({ confidence: 0.9, margin: 0.1, population: 400 })).toBe(58);
    expect(sampleSize({ confidence: 0.95, margin: 0.05, population: 310_000 })).toBe(384);
  });

  it('never asks for more items than there are', () => {
    expect(sampleSize({ confidence: 0.99, margin: 0.01, population: 50 })).toBe(50);
    expect(sampleSize({ confidence: 0.95, margin: 0.05, population: 1 })).toBe(1);
    expect(sampleSize({ confidence: 0.95, margin: 0.05, population: 0 })).toBe(0);
  });

  it('rejects a margin or population that makes no sense', () => {
    expect(() => sampleSize({ confidence: 0.95, margin: 0, population: 100 })).toThrow(/margin/);
    expect(() => sampleSize({ confidence: 0.95, margin: 0.05, population: -1 })).toThrow(/population/);
  });
});
