/**
 * Pulling the `<think>` and `<answer>` parts out of a chain of thought, with
 * the exact semantics of the Python reward / eval scripts (Video-R1, VideoRFT),
 * so a CoT the studio accepts is one the trainer rewards.
 */

/**
 * The characters Python 3 treats as whitespace, both for `str.strip()` /
 * `str.split()` and for `\s` in a `str` regex. JavaScript's `\s` and `trim()`
 * differ from it (they include U+FEFF and exclude U+001C–U+001F and U+0085),
 * and an answer that a trainer strips differently would score differently.
 */
const PY_WS = '\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';

export const PY_WHITESPACE_CLASS = `[${PY_WS}]`;

const LEADING_WS = new RegExp(`^[${PY_WS}]+`);
const TRAILING_WS = new RegExp(`[${PY_WS}]+$`);
const WS_RUN = new RegExp(`[${PY_WS}]+`);

/** Python's `s.strip()` (no arguments). */
export function pyStrip(text: string): string {
  return text.replace(LEADING_WS, '').replace(TRAILING_WS, '');
}

/** Python's `s.split()` (no arguments): split on whitespace runs, no empty items. */
export function pySplit(text: string): string[] {
  const stripped = pyStrip(text);
  return stripped === '' ? [] : stripped.split(WS_RUN);
}

/**
 * What to use as the answer when the text has no `<answer>…</answer>`:
 * - `'empty'`: the empty string, as the training reward does (the item then
 *   scores as wrong);
 * - `'whole-text'`: the whole text, stripped, as the eval script does.
 */
export type MissingTagPolicy = 'empty' | 'whole-text';

export interface ExtractOptions {
  /** Defaults to `'empty'`, the training reward's behaviour. */
  missingTag?: MissingTagPolicy;
}

// `<answer>\s*(.*?)\s*</answer>` with re.DOTALL; `[\s\S]` stands in for a dot
// that matches newlines, and the lazy group stops at the first closing tag.
const ANSWER_RE = new RegExp(`<answer>[${PY_WS}]*([\\s\\S]*?)[${PY_WS}]*</answer>`);
const THINK_RE = /<think>([\s\S]*?)<\/think>/;
// Anchored with ^…$ to reproduce re.fullmatch; without the `m` flag JS `$`
// only matches at the very end (Python's `$` would also accept a final "\n",
// but fullmatch does not, so the JS form is the faithful one).
const FORMAT_RE = new RegExp(`^<think>[\\s\\S]*?</think>[${PY_WS}]*<answer>[\\s\\S]*?</answer>$`);

/** The stripped content of the first `<answer>…</answer>`, or null when there is none. */
function matchAnswer(text: string): string | null {
  const m = ANSWER_RE.exec(text);
  return m ? pyStrip(m[1] ?? '') : null;
}

/** Whether the text has a complete `<answer>…</answer>` for extractAnswer to read. */
export function hasAnswerTag(text: string): boolean {
  return ANSWER_RE.test(text);
}

/**
 * The answer a trainer would read from `text`: the first
 * `<answer>\s*(.*?)\s*</answer>` (newlines allowed inside), stripped. Without
 * an answer tag the result follows `missingTag` (default `'empty'`).
 */
export function extractAnswer(text: string, options: ExtractOptions = {}): string {
  const answer = matchAnswer(text);
  if (answer !== null) return answer;
  return (options.missingTag ?? 'empty') === 'whole-text' ? pyStrip(text) : '';
}

/**
 * The content of the first `<think>…</think>`, stripped (the tags are usually
 * followed by a newline that is layout, not reasoning), or null when there is
 * no complete think block.
 */
export function extractThink(text: string): string | null {
  const m = THINK_RE.exec(text);
  return m ? pyStrip(m[1] ?? '') : null;
}

/**
 * The trainers' format reward: the whole text must match
 * `<think>.*?</think>\s*<answer>.*?</answer>` (re.fullmatch, re.DOTALL).
 *
 * Deliberately strict, like the trainer: no whitespace before `<think>` or
 * after `</answer>` (a trailing newline fails), only whitespace between
 * `</think>` and `<answer>` (so `process + "\n" + solution` passes). Because
 * the dots are unrestricted, extra tags *inside* the blocks still pass, e.g.
 * `<think>a</think>b</think><answer>c</answer>`; the trainer accepts those too.
 */
export function checkFormat(text: string): boolean {
  // Stricter than the trainers' regex in one way: a second <answer> block (e.g. an imported
  // process holding its answer with the solution's appended) fails, as the trainers' lazy match
  // would take one answer and train on both.
  return FORMAT_RE.test(text) && text.indexOf('<answer>') === text.lastIndexOf('<answer>');
}

export interface CotParts {
  /** Stripped content of the first think block, or null when absent. */
  think: string | null;
  /**
   * Stripped content of the first answer block, or null when absent. This is
   * structural: the missing-tag policy is a scoring concern (see extractAnswer).
   */
  answer: string | null;
  /** Whether the whole text passes the trainers' format check. */
  formatOk: boolean;
}

/** Splits a CoT into its think and answer parts and reports the format check. */
export function splitCot(text: string): CotParts {
  return { think: extractThink(text), answer: matchAnswer(text), formatOk: checkFormat(text) };
}
