import { describe, expect, it } from 'vitest';
import { relativeTime } from '@/lib/format/relative-time';
import { plural } from '@/lib/format/plural';

describe('relative times and plurals', () => {
  const now = new Date('2026-12-03T12:00:00Z');
  const ago = (s: number) => relativeTime(new Date(now.getTime() - s * 1000), now);
  it('says how long ago, then the date', () => {
    expect(ago(10)).toBe('just now');
    expect(ago(300)).toBe('5 min ago');
    expect(ago(3 * 3600)).toBe('3 h ago');
    expect(ago(86_400)).toBe('yesterday');
    expect(ago(4 * 86_400)).toBe('4 days ago');
    expect(ago(30 * 86_400)).toBe('3 Nov');
    expect(ago(400 * 86_400)).toBe('29 Oct 2025');
    expect(ago(-7200)).toBe('in 2 h');
  });
  it('puts the noun in the right number', () => {
    expect(plural(1, 'decision')).toBe('1 decision');
    expect(plural(0, 'decision')).toBe('0 decisions');
    expect(plural(1204, 'item')).toBe('1,204 items');
    expect(plural(2, 'reply', 'replies')).toBe('2 replies');
  });
});
