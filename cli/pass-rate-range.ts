import { UsageError } from './usage';

/** `--pass-rate MIN..MAX` (either side may be empty: `0.1..`, `..0.9`), both in [0, 1]. */
export function parsePassRateRange(text: string): { passRateMin?: number; passRateMax?: number } {
  const m = /^\s*([0-9.]*)\s*\.\.\s*([0-9.]*)\s*$/.exec(text);
  const num = (s: string | undefined) => (s === undefined || s === '' ? undefined : Number(s));
  const min = num(m?.[1]);
  const max = num(m?.[2]);
  const ok = (v: number | undefined) => v === undefined || (Number.isFinite(v) && v >= 0 && v <= 1);
  if (!m || !ok(min) || !ok(max) || (min === undefined && max === undefined) || (min !== undefined && max !== undefined && min > max)) {
    throw new UsageError(`--pass-rate takes MIN..MAX between 0 and 1, e.g. 0.1..0.9 (got "${text}")`);
  }
  return { ...(min !== undefined ? { passRateMin: min } : {}), ...(max !== undefined ? { passRateMax: max } : {}) };
}
