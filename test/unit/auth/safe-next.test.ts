import { describe, expect, it } from 'vitest';
import { safeNext } from '@/lib/auth/safe-next';

describe('where sign-in sends you next', () => {
  it('keeps paths on this site', () => {
    expect(safeNext('/items?dataset=2')).toBe('/items?dataset=2');
  });
  it('refuses other hosts and loops', () => {
    for (const bad of ['https://evil.example', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)', '/sign-in?next=/x', '', null, undefined]) {
      expect(safeNext(bad as string | null)).toBe('/');
    }
  });
  it('refuses targets that a URL parser turns into another host (tabs, newlines, dot segments)', () => {
    for (const bad of ['/\t/evil.example', '/\n/evil.example', '/\r\n/evil.example', '/./\t/evil.example', '/.//evil.example', '/%2e//evil.example', '/\u0000/evil']) {
      const out = safeNext(bad);
      expect(new URL(out, 'https://studio.example').host, JSON.stringify(bad)).toBe('studio.example');
      expect(out.startsWith('//')).toBe(false);
    }
    // As the sign-in page receives it from ?next=/%09/evil.example
    expect(safeNext(new URLSearchParams('next=/%09/evil.example').get('next'))).toBe('/');
    expect(safeNext('/items/4?dataset=2#x')).toBe('/items/4?dataset=2#x');
  });
});
