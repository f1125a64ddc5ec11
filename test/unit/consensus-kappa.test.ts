import { describe, expect, it } from 'vitest';
import { cohenKappa, fleissKappa } from '@/lib/consensus/kappa';

function pairs(spec: [string, string, number][]): [string, string][] {
  return spec.flatMap(([a, b, n]) => Array.from({ length: n }, () => [a, b] as [string, string]));
}

describe("Cohen's kappa", () => {
  it('matches the textbook 2×2 example (50 items, po 0.70, pe 0.50 → κ 0.40)', () => {
    // Wikipedia "Cohen's kappa", worked example: yes/yes 20, yes/no 5, no/yes 10, no/no 15.
    const k = cohenKappa(pairs([['yes', 'yes', 20], ['yes', 'no', 5], ['no', 'yes', 10], ['no', 'no', 15]]));
    expect(k).toBeCloseTo(0.4, 10);
  });

  it('is far below raw agreement on skewed labels', () => {
    // 90 accepted by both, 5 + 5 split, none rejected by both: 90% raw agreement, κ slightly negative.
    const k = cohenKappa(pairs([['accepted', 'accepted', 90], ['accepted', 'rejected', 5], ['rejected', 'accepted', 5]]));
    expect(k).toBeCloseTo((0.9 - (0.95 * 0.95 + 0.05 * 0.05)) / (1 - (0.95 * 0.95 + 0.05 * 0.05)), 10);
    expect(k!).toBeLessThan(0);
  });

  it('is 1 for perfect agreement and null without items', () => {
    expect(cohenKappa(pairs([['a', 'a', 3], ['b', 'b', 2]]))).toBe(1);
    expect(cohenKappa([])).toBeNull();
  });
});

describe("Fleiss' kappa", () => {
  it('matches the textbook example (10 subjects, 14 raters, 5 categories → κ 0.210)', () => {
    // Wikipedia "Fleiss' kappa", worked example (Fleiss 1971 layout): P̄ = 0.378, P̄e = 0.213.
    const table = [
      [0, 0, 0, 0, 14],
      [0, 2, 6, 4, 2],
      [0, 0, 3, 5, 6],
      [0, 3, 9, 2, 0],
      [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0],
      [3, 2, 6, 3, 0],
      [2, 5, 3, 2, 2],
      [6, 5, 2, 1, 0],
      [0, 2, 2, 3, 7],
    ];
    expect(fleissKappa(table)).toBeCloseTo(0.2099, 4);
  });

  it('is 1 for unanimity and null without two ratings per item', () => {
    expect(fleissKappa([[3, 0], [0, 3], [3, 0]])).toBe(1);
    expect(fleissKappa([[1], [0]])).toBeNull();
  });
});
