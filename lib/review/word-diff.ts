// Word-level diff between two CoT versions (Myers' O(ND) algorithm over word and whitespace
// tokens), for the draft/revision toggle and the history view. Pure, so it runs in the browser.

export type DiffOp = { type: 'equal' | 'insert' | 'delete'; text: string };

// Words, whitespace runs and single punctuation marks: a changed comma does not mark a word.
const TOKEN = /\s+|[\p{L}\p{N}_'’-]+|[^\s\p{L}\p{N}_]/gu;

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/**
 * Beyond this many differing tokens the edit script is not worth computing exactly: the middle
 * is reported as one deletion and one insertion (the texts are essentially unrelated).
 */
const MAX_EDIT_DISTANCE = 2000;

export function diffWords(a: string, b: string): DiffOp[] {
  const x = tokenize(a);
  const y = tokenize(b);
  // Common prefix and suffix cost nothing and keep the search small.
  let pre = 0;
  while (pre < x.length && pre < y.length && x[pre] === y[pre]) pre++;
  let suf = 0;
  while (suf < x.length - pre && suf < y.length - pre && x[x.length - 1 - suf] === y[y.length - 1 - suf]) suf++;
  const ops: DiffOp[] = [];
  push(ops, 'equal', x.slice(0, pre));
  const midX = x.slice(pre, x.length - suf);
  const midY = y.slice(pre, y.length - suf);
  for (const op of myers(midX, midY)) push(ops, op.type, [op.text]);
  push(ops, 'equal', x.slice(x.length - suf));
  return ops;
}

function push(ops: DiffOp[], type: DiffOp['type'], tokens: string[]): void {
  if (tokens.length === 0) return;
  const text = tokens.join('');
  const last = ops[ops.length - 1];
  if (last && last.type === type) last.text += text;
  else ops.push({ type, text });
}

function myers(x: string[], y: string[]): DiffOp[] {
  const n = x.length;
  const m = y.length;
  if (n === 0) return m === 0 ? [] : [{ type: 'insert', text: y.join('') }];
  if (m === 0) return [{ type: 'delete', text: x.join('') }];
  const max = Math.min(n + m, MAX_EDIT_DISTANCE);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  // trace[d] keeps V before step d, only the diagonals -d-1..d+1 step d reads (memory ~ D²).
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      const px0 = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let px = px0;
      let py = px - k;
      while (px < n && py < m && x[px] === y[py]) {
        px++;
        py++;
      }
      v[offset + k] = px;
      if (px >= n && py >= m) {
        found = d;
        break;
      }
    }
  }
  if (found < 0) return [{ type: 'delete', text: x.join('') }, { type: 'insert', text: y.join('') }];

  // Walk the trace backwards to recover the edit script.
  const out: DiffOp[] = [];
  let px = n;
  let py = m;
  for (let d = found; d > 0; d--) {
    const vd = trace[d]!;
    const at = (k: number) => vd[k + d + 1]!;
    const k = px - py;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (px > prevX && py > prevY) {
      out.push({ type: 'equal', text: x[--px]! });
      py--;
    }
    if (px === prevX) out.push({ type: 'insert', text: y[--py]! });
    else out.push({ type: 'delete', text: x[--px]! });
  }
  while (px > 0 && py > 0) {
    out.push({ type: 'equal', text: x[--px]! });
    py--;
  }
  out.reverse();
  const merged: DiffOp[] = [];
  for (const op of out) push(merged, op.type, [op.text]);
  return merged;
}

/** Counts of inserted and deleted words (whitespace not counted), for a one-line summary. */
export function diffStats(ops: DiffOp[]): { inserted: number; deleted: number } {
  let inserted = 0;
  let deleted = 0;
  for (const op of ops) {
    const words = op.text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
    if (op.type === 'insert') inserted += words;
    if (op.type === 'delete') deleted += words;
  }
  return { inserted, deleted };
}
