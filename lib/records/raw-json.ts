// The raw text of JSON values, as the file spelled them. JSON.parse turns 12345678901234567890
// into 12345678901234567000 and 1.0 into 1, and jsonb sorts the keys of nested objects: a value
// that must come back byte-for-value is therefore kept as the text it was read from (with the
// whitespace between tokens removed, so it fits on one JSON Lines line).

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);

function fail(text: string, at: number, what: string): never {
  throw new Error(`invalid JSON at offset ${at}: ${what} (${JSON.stringify(text.slice(at, at + 12))})`);
}

/** Index just past the string starting at `at` (a '"'). */
function skipString(text: string, at: number): number {
  let i = at + 1;
  for (;;) {
    const q = text.indexOf('"', i);
    if (q === -1) fail(text, at, 'unterminated string');
    // The quote is escaped when an odd number of backslashes precede it.
    let bs = 0;
    for (let k = q - 1; k > at && text.charCodeAt(k) === 0x5c; k--) bs++;
    if (bs % 2 === 0) return q + 1;
    i = q + 1;
  }
}

function skipWs(text: string, at: number): number {
  while (at < text.length && WS.has(text.charCodeAt(at))) at++;
  return at;
}

/** The value starting at `at`: its text without insignificant whitespace, and where it ends. */
function readValue(text: string, at: number): { raw: string; end: number } {
  const c = text[at];
  if (c === '"') {
    const end = skipString(text, at);
    return { raw: text.slice(at, end), end };
  }
  if (c === '{' || c === '[') {
    let depth = 0;
    let out = '';
    let i = at;
    let from = at;
    while (i < text.length) {
      const ch = text.charCodeAt(i);
      if (ch === 0x22) {
        i = skipString(text, i);
        continue;
      }
      if (WS.has(ch)) {
        out += text.slice(from, i);
        i = skipWs(text, i);
        from = i;
        continue;
      }
      if (ch === 0x7b || ch === 0x5b) depth++;
      else if (ch === 0x7d || ch === 0x5d) {
        depth--;
        if (depth === 0) {
          out += text.slice(from, i + 1);
          return { raw: out, end: i + 1 };
        }
      }
      i++;
    }
    fail(text, at, 'unterminated object or array');
  }
  let i = at;
  while (i < text.length) {
    const ch = text.charCodeAt(i);
    if (ch === 0x2c || ch === 0x7d || ch === 0x5d || WS.has(ch)) break;
    i++;
  }
  if (i === at) fail(text, at, 'expected a value');
  return { raw: text.slice(at, i), end: i };
}

/**
 * Each top-level field of a JSON object text, mapped to its value's raw text (a field named
 * twice keeps the last, as JSON.parse does). `text` must already have parsed as an object.
 */
export function rawObjectFields(text: string): Map<string, string> {
  const fields = new Map<string, string>();
  let i = skipWs(text, 0);
  if (text[i] !== '{') fail(text, i, "expected '{'");
  i = skipWs(text, i + 1);
  if (text[i] === '}') return fields;
  for (;;) {
    if (text[i] !== '"') fail(text, i, 'expected a field name');
    const keyEnd = skipString(text, i);
    const key = JSON.parse(text.slice(i, keyEnd)) as string;
    i = skipWs(text, keyEnd);
    if (text[i] !== ':') fail(text, i, "expected ':'");
    i = skipWs(text, i + 1);
    const v = readValue(text, i);
    fields.set(key, v.raw);
    i = skipWs(text, v.end);
    if (text[i] === ',') {
      i = skipWs(text, i + 1);
      continue;
    }
    if (text[i] === '}') return fields;
    fail(text, i, "expected ',' or '}'");
  }
}

/** A JSON object text holding `keys` with their raw values, in that order. */
export function rawObjectText(fields: Map<string, string>, keys: Iterable<string>): string {
  let out = '{';
  for (const k of keys) {
    const v = fields.get(k);
    if (v === undefined) continue;
    out += `${out.length > 1 ? ',' : ''}${JSON.stringify(k)}:${v}`;
  }
  return `${out}}`;
}

/**
 * Whether the parsed value could come back different from its text through JSON.parse,
 * JSON.stringify and jsonb: it holds a number (spelling and precision), or an object with more
 * than one key (jsonb reorders keys; JavaScript moves integer-like keys first).
 */
export function mayChangeInJsonb(v: unknown): boolean {
  if (typeof v === 'number') return true;
  if (v === null || typeof v !== 'object') return false;
  if (Array.isArray(v)) return v.some(mayChangeInJsonb);
  const keys = Object.keys(v);
  if (keys.length > 1) return true;
  return keys.length === 1 && mayChangeInJsonb((v as Record<string, unknown>)[keys[0]!]);
}
