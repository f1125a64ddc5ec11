import type { Representation } from '../cot/representation';
import type { SplitStep } from './split-steps';

// Ties each step to the video: the moments its time references point at, and the frame
// captions nearest to them (what the draft was written from, so a reviewer checks the claim
// against the right moment).

export type StepCaption = { seconds: number; timestamp: string; caption: string };
export type GroundedStep = SplitStep & { seconds: number[]; captions: StepCaption[] };

/** Seconds a reference points at: exact times as written, coarse ones at the middle of their third. */
function refSeconds(ref: SplitStep['refs'][number], durationSec: number | null): number | null {
  if (ref.seconds !== null) return durationSec && durationSec > 0 ? Math.min(ref.seconds, durationSec) : ref.seconds;
  if (ref.third === null || !durationSec || durationSec <= 0) return null;
  return (durationSec * (2 * ref.third + 1)) / 6;
}

function nearestFrame(rep: Representation, t: number): number {
  let best = -1;
  let dist = Infinity;
  rep.frames.forEach((f, i) => {
    const d = Math.abs(f.seconds - t);
    if (d < dist - 1e-9) {
      best = i;
      dist = d;
    }
  });
  return best;
}

export function groundSteps(steps: SplitStep[], rep: Representation | null, durationSec: number | null): GroundedStep[] {
  return steps.map((s) => {
    const seconds = [...new Set(s.refs.map((r) => refSeconds(r, durationSec)).filter((x): x is number => x !== null))];
    const frames = rep ? [...new Set(seconds.map((t) => nearestFrame(rep, t)).filter((i) => i >= 0))].sort((a, b) => a - b) : [];
    const captions = frames.map((i) => {
      const f = rep!.frames[i]!;
      return { seconds: f.seconds, timestamp: f.timestamp, caption: f.caption };
    });
    return { ...s, seconds, captions };
  });
}
