/**
 * Number handling for the numerical and regression rules. The trainers do
 * `float(s.replace(',', ''))` and `round(x, 2)` in Python, so both are
 * reproduced here rather than approximated with parseFloat / Math.round
 * (parseFloat('3 apples') is 3, Python's float() rejects it; Math.round rounds
 * 0.125 to 0.13, Python's round gives 0.12).
 */
import { PY_WHITESPACE_CLASS } from './extract';

const PY_WS_CHAR = new RegExp(`^${PY_WHITESPACE_CLASS}$`);
const ASCII_WS_EDGES = /^[\t\n\x0b\x0c\r ]+|[\t\n\x0b\x0c\r ]+$/g;
const NON_ASCII_DIGIT = /\p{Nd}/u;

// Python's float literal grammar: underscores only between digits, optional
// fraction and exponent. Hex, internal spaces and empty strings are rejected.
const DIGITPART = '[0-9](?:_?[0-9])*';
const FLOAT_LITERAL = new RegExp(
  `^[+-]?(?:(?:${DIGITPART})?\\.${DIGITPART}|${DIGITPART}\\.?)(?:[eE][+-]?${DIGITPART})?$`,
);

/**
 * The value of a Unicode decimal digit (general category Nd). Unicode encodes
 * every decimal digit set as a contiguous run 0..9 and adjacent runs are whole
 * sets, so the offset from the start of the contiguous Nd block, mod 10, is
 * the digit's value.
 */
function unicodeDigitValue(cp: number): number {
  let start = cp;
  while (start > 0 && NON_ASCII_DIGIT.test(String.fromCodePoint(start - 1))) start--;
  return (cp - start) % 10;
}

/**
 * Python's float() preprocessing: non-ASCII whitespace becomes a space and
 * non-ASCII decimal digits (full-width "１２", Arabic-Indic "٣") become ASCII
 * digits, so a model answering in full-width digits is read as CPython would.
 */
function toAsciiLikePython(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 128) out += ch;
    else if (PY_WS_CHAR.test(ch)) out += ' ';
    else if (NON_ASCII_DIGIT.test(ch)) out += String(unicodeDigitValue(cp));
    else out += ch;
  }
  return out;
}

/**
 * Parses a number the way the trainers do: remove every comma, then Python's
 * float(). Returns null for anything float() rejects.
 *
 * Unlike float(), it also returns null for non-finite results ("inf", "nan",
 * "1e400"): the trainers would score "inf" vs "inf" as equal and reward a
 * "nan" regression answer, which is never a sensible curation outcome.
 */
export function parseNumber(text: string): number | null {
  const cleaned = toAsciiLikePython(text.replaceAll(',', '')).replace(ASCII_WS_EDGES, '');
  if (!FLOAT_LITERAL.test(cleaned)) return null;
  const value = Number(cleaned.replaceAll('_', ''));
  return Number.isFinite(value) ? value : null;
}

/** The numerical rule's "has a decimal" test: the raw answer contains '.' or ','. */
export function hasDecimalMark(text: string): boolean {
  return text.includes('.') || text.includes(',');
}

/**
 * Python's round(x, 2): round to the nearest hundredth of the exact binary
 * value, ties to even. Exact ties only happen for multiples of 1/8 with an
 * odd numerator (x.125, x.375, ...); everywhere else toFixed(2) is already
 * the correctly rounded result, since it also works on the exact value.
 */
export function roundTo2(x: number): number {
  if (!Number.isFinite(x) || Math.abs(x) >= 2 ** 52) return x;
  const eighths = x * 8;
  if (Number.isInteger(eighths) && Math.abs(eighths) % 2 === 1) {
    // x has exactly three decimals ending in 5: keep the even hundredth.
    const three = x.toFixed(3);
    const hundredthsDigit = Number(three.charAt(three.length - 2));
    return hundredthsDigit % 2 === 0 ? Number(three.slice(0, -1)) : Number(x.toFixed(2));
  }
  return Number(x.toFixed(2));
}
