import { describe, expect, it } from 'vitest';
import { safeNext } from '@/components/auth/safe-next';

describe('where sign-in sends you next', () => {
  it('keeps paths on this site', () => {
    expect(safeNext('/items?dataset=2')).toBe('/items?dataset=2');
  });
  it('refuses other hosts and loops', () => {
    for (const bad of ['https://evil.example', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)', '/sign-in?next=/x', '', null, undefined]) {
      expect(safeNext(bad as string | null)).toBe('/');
    }
  });
});
