import { describe, expect, it } from 'vitest';
import { planFrames, planUniformFrames, toTimestamp } from '@/lib/frames/frame-plan';

describe('frame plans', () => {
  it('formats timestamps as HH:MM:SS', () => {
    expect(toTimestamp(0)).toBe('00:00:00');
    expect(toTimestamp(61.9)).toBe('00:01:01');
    expect(toTimestamp(3723)).toBe('01:02:03');
  });

  it('samples 1 fps for short clips', () => {
    expect(planFrames({ durationSec: 3, fps: 1, maxFrames: 32 })).toEqual({ count: 3, fps: 1, timestamps: ['00:00:00', '00:00:01', '00:00:02'], seconds: [0, 1, 2] });
    expect(planFrames({ durationSec: 3.2, fps: 1, maxFrames: 32 }).count).toBe(4);
  });

  it('spreads max frames evenly over long clips', () => {
    const p = planFrames({ durationSec: 600, fps: 1, maxFrames: 32 });
    expect(p.count).toBe(32);
    expect(p.fps).toBeCloseTo(32 / 600, 9);
    expect(p.timestamps[1]).toBe('00:00:18');
    expect(p.timestamps[31]).toBe('00:09:41');
  });

  it('gives still images and unknown durations one frame', () => {
    expect(planFrames({ durationSec: 0, fps: 1, maxFrames: 8 }).count).toBe(1);
    expect(planFrames({ durationSec: null, fps: 1, maxFrames: 8 }).count).toBe(1);
  });

  it('takes N uniform frames for the consistency score', () => {
    const p = planUniformFrames({ durationSec: 8, count: 16 });
    expect(p.count).toBe(16);
    expect(p.seconds[15]).toBeCloseTo(7.5, 9);
  });
});
