// Chance-corrected agreement. Raw agreement overstates it when one label dominates (most CoTs
// are accepted), so the panel shows these beside it.

/**
 * Cohen's kappa for two raters over the same items: (po − pe) / (1 − pe), where po is the share
 * of items they label alike and pe the agreement expected from each rater's own label shares.
 * Null with no items; 1 when both always use one same label (pe = 1, nothing to correct).
 */
export function cohenKappa(pairs: readonly (readonly [string, string])[]): number | null {
  const n = pairs.length;
  if (n === 0) return null;
  const a = new Map<string, number>();
  const b = new Map<string, number>();
  let agree = 0;
  for (const [x, y] of pairs) {
    if (x === y) agree++;
    a.set(x, (a.get(x) ?? 0) + 1);
    b.set(y, (b.get(y) ?? 0) + 1);
  }
  const po = agree / n;
  let pe = 0;
  for (const [label, ca] of a) pe += (ca / n) * ((b.get(label) ?? 0) / n);
  if (pe === 1) return po === 1 ? 1 : null;
  return (po - pe) / (1 - pe);
}

/**
 * Fleiss' kappa over items rated by several raters: `counts[i][j]` is how many raters gave item
 * i label j. Items with fewer than two ratings carry no agreement and are left out. With the
 * same number of raters per item this is Fleiss (1971); with varying numbers, each item's
 * agreement is taken over its own raters and label shares over all ratings.
 */
export function fleissKappa(counts: readonly (readonly number[])[]): number | null {
  const rows = counts.filter((r) => r.reduce((s, x) => s + x, 0) >= 2);
  if (rows.length === 0) return null;
  const k = Math.max(...rows.map((r) => r.length));
  const totals = new Array<number>(k).fill(0);
  let ratings = 0;
  let pBar = 0;
  for (const r of rows) {
    const ni = r.reduce((s, x) => s + x, 0);
    ratings += ni;
    r.forEach((x, j) => (totals[j]! += x));
    pBar += (r.reduce((s, x) => s + x * x, 0) - ni) / (ni * (ni - 1));
  }
  pBar /= rows.length;
  const pe = totals.reduce((s, t) => s + (t / ratings) ** 2, 0);
  if (pe === 1) return pBar === 1 ? 1 : null;
  return (pBar - pe) / (1 - pe);
}
