import { findTimeRefs } from '../cot/time-refs';

// A chain of thought cut into steps, deterministically, without rewriting a character: each
// step is a [start, end) range of the version's text (JavaScript string offsets, UTF-16 code
// units, so `text.slice(start, end)` is the step). Boundaries: paragraphs, sentences, and
// reflection markers ("wait", "hmm", "let me check", "but", "so" …) after a clause break,
// which start a new step (SkyThought splits at the same markers). The answer tag is the last step.

/** Bump when the rules change: stored splits of an older version are recomputed on read. */
export const SPLITTER_VERSION = 1;

export type StepTimeRef = { start: number; end: number; text: string; seconds: number | null; third: 0 | 1 | 2 | null };

export type SplitStep = {
  index: number;
  start: number;
  end: number;
  kind: 'reasoning' | 'answer';
  /** Starts with a reflection marker (self-check, doubt, conclusion). */
  reflection: boolean;
  refs: StepTimeRef[];
};

const MARKERS = [
  'wait',
  'hmm',
  'hm',
  'let me check',
  'let me double-check',
  'let me double check',
  'let me make sure',
  'let me verify',
  'let me re-check',
  'let me recheck',
  'let me look again',
  'but',
  'so',
  'actually',
  'alternatively',
  'however',
  'checking',
  'on second thought',
  'double-checking',
];
const MARKER_ALTERNATIVES = [...MARKERS].sort((a, b) => b.length - a.length).join('|');
// A marker is a whole word (or phrase) at the start, followed by a non-letter.
const MARKER_AT_START = new RegExp(`^["'“‘(]*(?:${MARKER_ALTERNATIVES})(?![\\p{L}\\p{N}])`, 'iu');
// A clause break followed by a marker: "…; but …", "… — wait, …", "…: so …".
const MARKER_AFTER_CLAUSE = new RegExp(`(?:[;:]|\\s[—–]|\\s-)\\s+(?=(?:${MARKER_ALTERNATIVES})(?![\\p{L}\\p{N}]))`, 'giu');
// End of a sentence: . ! ? … (and closing quotes/brackets), whitespace, then something that
// is not a lowercase letter (a capital, digit, quote, emoji, CJK). "1.5 m/s", "e.g. this" and
// "00:03." followed by a lowercase word stay whole.
const SENTENCE_END = /[.!?…]+["'”’)\]]*\s+(?=[^\p{Ll}\s])|[。！？]+\s*(?=\S)/gu;
const ABBREVIATIONS = /(?:^|\s)(?:e\.g|i\.e|etc|vs|approx|Mr|Mrs|Ms|Dr|St|No|Fig)\.$/i;

export function isReflection(text: string): boolean {
  return MARKER_AT_START.test(text.trimStart());
}

type Range = { start: number; end: number };

/** [start, end) of the reasoning and of the answer tag's whole match, within `text`. */
function regions(text: string): { reasoning: Range; answer: Range | null } {
  const answer = /<answer>[\s\S]*?<\/answer>/.exec(text);
  const answerRange = answer ? { start: answer.index, end: answer.index + answer[0].length } : null;
  const think = /<think>([\s\S]*?)(?:<\/think>|$)/.exec(text);
  if (think) {
    const start = think.index + '<think>'.length;
    return { reasoning: { start, end: start + think[1]!.length }, answer: answerRange };
  }
  return { reasoning: { start: 0, end: answerRange ? answerRange.start : text.length }, answer: answerRange };
}

/** Cuts [start, end) at every boundary offset inside it, dropping whitespace-only pieces and trimming each. */
function cut(text: string, range: Range, boundaries: number[]): Range[] {
  const points = [range.start, ...boundaries.filter((b) => b > range.start && b < range.end).sort((a, b) => a - b), range.end];
  const out: Range[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    let s = points[i]!;
    let e = points[i + 1]!;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) out.push({ start: s, end: e });
  }
  return out;
}

function sentenceBoundaries(text: string, range: Range): number[] {
  const slice = text.slice(range.start, range.end);
  const out: number[] = [];
  // Paragraphs: any line break.
  for (const m of slice.matchAll(/\n+/g)) out.push(range.start + m.index + m[0].length);
  for (const m of slice.matchAll(SENTENCE_END)) {
    // Only the word before the stop matters ("e.g."): a short window keeps this linear in the text.
    if (ABBREVIATIONS.test(slice.slice(Math.max(0, m.index - 8), m.index + 1))) continue;
    out.push(range.start + m.index + m[0].length);
  }
  for (const m of slice.matchAll(MARKER_AFTER_CLAUSE)) out.push(range.start + m.index + m[0].length);
  return out;
}

/** True when a piece is too short to stand as a step ("Hmm." alone) and should join the next. */
function fragment(text: string, r: Range): boolean {
  const piece = text.slice(r.start, r.end);
  // Scripts written without spaces have no word count to go by: their sentences stand.
  if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u.test(piece)) return false;
  return piece.split(/\s+/).filter(Boolean).length < 3;
}

/** The steps of a chain of thought. Deterministic; offsets index `text` itself. */
export function splitSteps(text: string): SplitStep[] {
  const { reasoning, answer } = regions(text);
  const pieces = cut(text, reasoning, sentenceBoundaries(text, reasoning));
  // Join fragments to the piece after them within the same paragraph.
  const merged: Range[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const p = { ...pieces[i]! };
    while (i + 1 < pieces.length && fragment(text, p) && !/\n/.test(text.slice(p.end, pieces[i + 1]!.start))) {
      p.end = pieces[++i]!.end;
    }
    merged.push(p);
  }
  const refs = findTimeRefs(text);
  const steps: SplitStep[] = merged.map((r, index) => ({
    index,
    start: r.start,
    end: r.end,
    kind: 'reasoning',
    reflection: isReflection(text.slice(r.start, r.end)),
    refs: refsIn(refs, r),
  }));
  if (answer) steps.push({ index: steps.length, start: answer.start, end: answer.end, kind: 'answer', reflection: false, refs: [] });
  return steps;
}

function refsIn(refs: ReturnType<typeof findTimeRefs>, r: Range): StepTimeRef[] {
  return refs
    .filter((x) => x.start >= r.start && x.end <= r.end)
    .map((x) => ({ start: x.start, end: x.end, text: x.text, seconds: x.kind === 'exact' ? x.seconds : null, third: x.kind === 'coarse' ? x.third : null }));
}
