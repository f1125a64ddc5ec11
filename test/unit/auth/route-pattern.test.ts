import { describe, expect, it } from 'vitest';
import { matchRoutePattern } from '@/lib/auth/route-pattern';

describe('route patterns', () => {
  it('matches literal segments exactly', () => {
    expect(matchRoutePattern('/api/health', '/api/health')).toBe(true);
    expect(matchRoutePattern('/api/health', '/api/health/x')).toBe(false);
    expect(matchRoutePattern('/api/health', '/api/healthz')).toBe(false);
  });

  it('matches one segment for [param]', () => {
    expect(matchRoutePattern('/api/tokens/[id]', '/api/tokens/5')).toBe(true);
    expect(matchRoutePattern('/api/tokens/[id]', '/api/tokens')).toBe(false);
    expect(matchRoutePattern('/api/tokens/[id]', '/api/tokens/5/x')).toBe(false);
  });

  it('matches any depth, including none, for **', () => {
    expect(matchRoutePattern('/api/items/**', '/api/items')).toBe(true);
    expect(matchRoutePattern('/api/items/**', '/api/items/1/review/undo')).toBe(true);
    expect(matchRoutePattern('/api/items/**', '/api/itemsx')).toBe(false);
    expect(matchRoutePattern('/a/**/c', '/a/b/b/c')).toBe(true);
    expect(matchRoutePattern('/a/**/c', '/a/c')).toBe(true);
    expect(matchRoutePattern('/**', '/')).toBe(true);
  });

  it('treats the root as its own path', () => {
    expect(matchRoutePattern('/', '/')).toBe(true);
    expect(matchRoutePattern('/', '/items')).toBe(false);
  });
});
