import type { GroundedStep } from '../../steps/ground-steps';

// Which steps state something a frame can confirm or refute: objects, colours, counts,
// positions, directions, order, on-screen text. Steps about the question, the options or the
// answer format are left out (nothing to see), as are reflection-only steps with no content.

const VISUAL = new RegExp(
  [
    // colours
    String.raw`\b(?:red|green|blue|yellow|orange|purple|white|black|grey|gray|pink|brown|dark|bright)\b`,
    // counts
    String.raw`\b(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:\w+\s)?(?:squares?|circles?|balls?|cars?|people|persons?|objects?|letters?|words?|blocks?|shapes?|times?)\b`,
    String.raw`\b(?:count|number of|how many|only|alone|exactly)\b`,
    // positions and directions
    String.raw`\b(?:left|right|top|bottom|middle|centre|center|above|below|under|behind|in front|edge|corner|lane|row)\b`,
    String.raw`\b(?:mov(?:e|es|ing)|roll(?:s|ing)?|slid(?:e|es|ing)|enter(?:s|ing)?|leav(?:e|es|ing)|cross(?:es|ing)?|stops?|stays?|appears?|disappears?|comes? in|goes? off|passes|passing|rest(?:s|ing)?)\b`,
    // order and moments
    String.raw`\b(?:first|then|before|after|later|last|finally|earlier|at the (?:start|beginning|end))\b`,
    // on-screen text
    String.raw`\b(?:reads?|written|letters?|word|text|sign|code|printed|plate|digits?)\b`,
    // the look of things
    String.raw`\b(?:I can see|the video shows|visible|on screen|in the frame|shows up)\b`,
  ].join('|'),
  'i',
);
const ABOUT_THE_TASK = /^\s*(?:the question|checking the options|the options|I need|I should|so I need|let me picture|okay, let me picture|picture (?:it|the clip|this))/i;

export function isVisualClaim(text: string, step: Pick<GroundedStep, 'kind' | 'seconds'>): boolean {
  if (step.kind === 'answer') return false;
  if (ABOUT_THE_TASK.test(text)) return false;
  return step.seconds.length > 0 || VISUAL.test(text);
}

export type EvidenceClaim = {
  /** "d3": the draft's step 3 (0-based); "r5": the revision's step 5. */
  id: string;
  text: string;
  /** Every (version, step) stating exactly this text: the revision often repeats a draft step. */
  targets: { versionId: number; stepIndex: number }[];
  seconds: number[];
};

/** The visual claims of the item's CoTs, identical texts asked once. */
export function visualClaims(versions: { prefix: string; versionId: number; text: string; steps: GroundedStep[] }[]): EvidenceClaim[] {
  const byText = new Map<string, EvidenceClaim>();
  for (const v of versions) {
    for (const s of v.steps) {
      const text = v.text.slice(s.start, s.end);
      if (!isVisualClaim(text, s)) continue;
      const key = text.trim().replace(/\s+/g, ' ');
      const seen = byText.get(key);
      if (seen) seen.targets.push({ versionId: v.versionId, stepIndex: s.index });
      else byText.set(key, { id: `${v.prefix}${s.index}`, text: key, targets: [{ versionId: v.versionId, stepIndex: s.index }], seconds: s.seconds });
    }
  }
  return [...byText.values()];
}

/**
 * The sampled frames a claim is checked on: those within `radius` seconds of the moments it
 * names, or every sampled frame when it names none (order and counts need the whole clip).
 */
export function framesForClaim(claim: Pick<EvidenceClaim, 'seconds'>, planSeconds: number[], radius = 1): number[] {
  if (claim.seconds.length === 0) return planSeconds.map((_, i) => i);
  const near = planSeconds.map((t, i) => [t, i] as const).filter(([t]) => claim.seconds.some((s) => Math.abs(t - s) <= radius + 1e-6));
  if (near.length > 0) return near.map(([, i]) => i);
  // A moment between samples (or past the end): the nearest frame.
  const t0 = claim.seconds[0]!;
  let best = 0;
  planSeconds.forEach((t, i) => {
    if (Math.abs(t - t0) < Math.abs(planSeconds[best]! - t0)) best = i;
  });
  return [best];
}
