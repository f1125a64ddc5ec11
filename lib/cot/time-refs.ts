// Time references inside a chain of thought, so the review page can turn them into links that
// seek the player. Drafts are written from frame captions and told to use coarse references
// (beginning / middle / end); revisions and humans use clock times ("00:12") or seconds.

export type TimeRef =
  | { kind: 'exact'; start: number; end: number; text: string; seconds: number }
  | { kind: 'coarse'; start: number; end: number; text: string; third: 0 | 1 | 2 };

export type TimeRefSegment = string | TimeRef;

// 00:12 · 0:12 · 01:02:03 · 00:12.5 — not part of a longer number or ratio chain.
const CLOCK = String.raw`(?<![\d:.])(?:(\d{1,2}):)?(\d{1,2}):([0-5]\d)(?:\.(\d{1,3}))?(?![\d:])`;
// 12s · 12 s · 12.5 seconds · 3 secs — "5 squares" and "1.5 m/s" are not.
const SECONDS = String.raw`(?<![\d.])(\d{1,5}(?:\.\d+)?)\s?(?:seconds?|secs?|s)(?![\p{L}\p{N}])`;
// "at the beginning", "towards the end of the clip", "in the middle of the video".
// "the end of the clip" always counts. A bare "in the middle" is usually a place in the frame
// ("a sign in the middle"), so middle needs "of the video/clip"; "at the start" / "until the
// end" count on their own, unless followed by "of the <something else>" ("the end of the table").
const PREP = String.raw`(?:at|in|near|toward|towards|by|during|from|to|until|till|around)`;
const VIDEO_NOUN = String.raw`(?:video|clip|footage|recording|sequence)`;
const COARSE_EDGE = String.raw`\b${PREP}\s+the\s+(?:very\s+)?(beginning|start|end)(?:\s+of\s+the\s+${VIDEO_NOUN})?\b(?!\s+of\b)`;
const COARSE_OF_VIDEO = String.raw`\b(?:${PREP}\s+)?the\s+(?:very\s+)?(beginning|start|middle|end)\s+of\s+the\s+${VIDEO_NOUN}\b`;

const PATTERN = new RegExp(`${CLOCK}|${SECONDS}|${COARSE_EDGE}|${COARSE_OF_VIDEO}`, 'giu');
const THIRD = { beginning: 0, start: 0, middle: 1, end: 2 } as const;

/** Every time reference in `text`, in order, with character offsets. */
export function findTimeRefs(text: string): TimeRef[] {
  const refs: TimeRef[] = [];
  for (const m of text.matchAll(PATTERN)) {
    const start = m.index;
    const matched = m[0];
    const end = start + matched.length;
    const [, h, mm, ss, frac, secs, edge, ofVideo] = m;
    const coarse = (edge ?? ofVideo)?.toLowerCase() as keyof typeof THIRD | undefined;
    if (ss !== undefined && mm !== undefined) {
      const seconds = Number(h ?? 0) * 3600 + Number(mm) * 60 + Number(ss) + (frac ? Number(`0.${frac}`) : 0);
      refs.push({ kind: 'exact', start, end, text: matched, seconds });
    } else if (secs !== undefined) {
      refs.push({ kind: 'exact', start, end, text: matched, seconds: Number(secs) });
    } else if (coarse !== undefined) {
      refs.push({ kind: 'coarse', start, end, text: matched, third: THIRD[coarse] });
    }
  }
  return refs;
}

/** The text cut into plain strings and references, for rendering links between text nodes. */
export function splitTimeRefs(text: string): TimeRefSegment[] {
  const out: TimeRefSegment[] = [];
  let at = 0;
  for (const ref of findTimeRefs(text)) {
    if (ref.start > at) out.push(text.slice(at, ref.start));
    out.push(ref);
    at = ref.end;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}

/** Where a reference seeks to: exact times as written (clamped), coarse ones to the start of their third. */
export function timeRefTarget(ref: TimeRef, durationSec: number | null): number {
  const d = durationSec && durationSec > 0 ? durationSec : null;
  if (ref.kind === 'exact') return d === null ? ref.seconds : Math.min(ref.seconds, d);
  if (d === null) return 0;
  return (d * ref.third) / 3;
}

/** "HH:MM:SS" (the representation's frame timestamps) → seconds; null when malformed. */
export function parseClock(timestamp: string): number | null {
  const m = /^\s*(?:(\d+):)?(\d{1,2}):(\d{1,2}(?:\.\d+)?)\s*$/.exec(timestamp);
  if (!m) return null;
  return Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3]);
}
