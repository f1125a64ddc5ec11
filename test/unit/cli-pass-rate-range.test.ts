import { describe, expect, it } from 'vitest';
import { parsePassRateRange } from '@/cli/pass-rate-range';

describe('--pass-rate MIN..MAX', () => {
  it('reads both ends, either end alone', () => {
    expect(parsePassRateRange('0.1..0.9')).toEqual({ passRateMin: 0.1, passRateMax: 0.9 });
    expect(parsePassRateRange('0.25..')).toEqual({ passRateMin: 0.25 });
    expect(parsePassRateRange('..0')).toEqual({ passRateMax: 0 });
  });

  it('refuses ranges outside [0, 1], reversed ones, and other shapes, naming the option', () => {
    for (const bad of ['0.9..0.1', '1.5..', '..', '0.5', 'a..b', '-1..0']) expect(() => parsePassRateRange(bad), bad).toThrow(/--pass-rate takes MIN..MAX/);
  });
});
