import { describe, expect, it } from 'vitest';
import { formatTimecode, frameAt, stepFrames, timeOfFrame } from '@/lib/media/frame-time';

describe('frame stepping at the video frame rate', () => {
  it('steps exactly one frame at 30 and at 29.97 fps, landing inside the frame', () => {
    for (const fps of [30, 30000 / 1001, 25]) {
      let t = 0;
      for (let i = 1; i <= 100; i++) {
        t = stepFrames(t, fps, 1, 60);
        expect(frameAt(t, fps)).toBe(i);
      }
      t = stepFrames(t, fps, -1, 60);
      expect(frameAt(t, fps)).toBe(99);
    }
  });

  it('stays on the first and last frames at the ends', () => {
    expect(frameAt(stepFrames(0, 30, -1, 6), 30)).toBe(0);
    const last = stepFrames(5.99, 30, 5, 6);
    expect(frameAt(last, 30)).toBe(179);
    expect(last).toBeLessThan(6);
  });

  it('places a frame at its middle', () => {
    expect(timeOfFrame(0, 25)).toBeCloseTo(0.02);
    expect(frameAt(timeOfFrame(42, 24), 24)).toBe(42);
  });

  it('formats times with milliseconds and hours when needed', () => {
    expect(formatTimecode(75.25)).toBe('01:15.250');
    expect(formatTimecode(3675.5, false)).toBe('1:01:15');
    expect(formatTimecode(Number.NaN)).toBe('00:00.000');
  });
});
