import { describe, expect, it } from 'vitest';
import { findTimeRefs, parseClock, splitTimeRefs, timeRefTarget } from '@/lib/cot/time-refs';

const texts = (s: string) => findTimeRefs(s).map((r) => r.text);

describe('time references in a CoT', () => {
  it('finds clock times, seconds and coarse references', () => {
    const refs = findTimeRefs('Around 00:12 the ball moves; at 12s it stops, 12.5 seconds in it bounces, and at the end it rests. 1:02:03 too.');
    expect(refs.map((r) => [r.text, r.kind === 'exact' ? r.seconds : `third ${r.third}`])).toEqual([
      ['00:12', 12],
      ['12s', 12],
      ['12.5 seconds', 12.5],
      ['at the end', 'third 2'],
      ['1:02:03', 3723],
    ]);
  });

  it('seeks coarse references to the start of their third of the video', () => {
    const [begin, middle, end] = findTimeRefs('At the very beginning, in the middle of the video, towards the end of the clip');
    expect([begin, middle, end].map((r) => timeRefTarget(r!, 9))).toEqual([0, 3, 6]);
  });

  it('clamps exact times to the duration', () => {
    const [r] = findTimeRefs('at 00:40');
    expect(timeRefTarget(r!, 30)).toBe(30);
    expect(timeRefTarget(r!, null)).toBe(40);
  });

  it('leaves places, counts and speeds alone', () => {
    expect(texts('a sign in the middle of the screen, 5 squares, 1.5 m/s, the end of the table, ratio 16:9')).toEqual([]);
    expect(texts('Stay until the end.')).toEqual(['until the end']);
    expect(texts('Let me check the end of the clip too.')).toEqual(['the end of the clip']);
  });

  it('splits text into plain runs and references that join back to the original', () => {
    const s = 'From 00:01 to 00:03 the green word reads OPEN.';
    const parts = splitTimeRefs(s);
    expect(parts.map((p) => (typeof p === 'string' ? p : p.text)).join('')).toBe(s);
    expect(parts.filter((p) => typeof p !== 'string')).toHaveLength(2);
  });

  it('parses representation timestamps', () => {
    expect(parseClock('00:00:05')).toBe(5);
    expect(parseClock('01:02:03')).toBe(3723);
    expect(parseClock('nonsense')).toBeNull();
  });
});
