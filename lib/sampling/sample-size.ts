import { zFor } from './wilson';

/**
 * How many items to review to estimate a share within ±margin at the given confidence:
 * n0 = z²·p(1−p)/margin² with the worst case p = 0.5, reduced for a finite population of N
 * items (n = n0 / (1 + (n0 − 1)/N)), rounded up and never more than N.
 * 95% ± 5% gives 385 for a large population.
 */
export function sampleSize(opts: { confidence: number; margin: number; population: number }): number {
  const { confidence, margin, population } = opts;
  if (!(margin > 0 && margin < 1)) throw new RangeError(`margin must be in (0, 1), got ${margin}`);
  if (!Number.isInteger(population) || population < 0) throw new RangeError(`population must be a whole number, got ${population}`);
  if (population === 0) return 0;
  const z = zFor(confidence);
  const n0 = (z * z * 0.25) / (margin * margin);
  const n = n0 / (1 + (n0 - 1) / population);
  // Guard against float noise turning an exact integer into the next one up.
  return Math.min(population, Math.ceil(n - 1e-9));
}
