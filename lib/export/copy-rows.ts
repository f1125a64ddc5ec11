import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';

// Reading a query's rows through COPY … TO STDOUT: PostgreSQL's cheapest way out, and in
// constant memory (the stream pauses the connection while the consumer is busy).
//
// CSV format with a delimiter (\x02) and quote (\x01) that text almost never holds, so values
// come out raw: no backslash escapes to undo, and a value is quoted only when it holds a
// newline, one of those two bytes, or is the empty string (unquoted empty means NULL).
const DELIMITER = 0x02;
const QUOTE = 0x01;
const NEWLINE = 0x0a;
const QUOTE_PAIR = /\x01\x01/g;

/** Parses as many whole rows as `buf` holds from `start`; returns them and where the unfinished row begins. */
export function parseCsvRows(buf: Buffer, start: number, columns: number): { rows: Array<Array<string | null>>; next: number } {
  const rows: Array<Array<string | null>> = [];
  let pos = start;
  let rowStart = start;
  let row: Array<string | null> = [];
  // Cached positions of the next delimiter / newline, so scanning stays linear.
  let nextDelim = -2;
  let nextNewline = -2;
  const n = buf.length;
  for (;;) {
    if (pos >= n) return { rows, next: rowStart };
    let value: string | null;
    if (buf[pos] === QUOTE) {
      let j = pos + 1;
      let doubled = false;
      let end = -1;
      for (;;) {
        const k = buf.indexOf(QUOTE, j);
        if (k === -1 || k + 1 >= n) break; // the row continues in the next chunk
        if (buf[k + 1] === QUOTE) {
          doubled = true;
          j = k + 2;
          continue;
        }
        end = k;
        break;
      }
      if (end === -1) return { rows, next: rowStart };
      value = buf.toString('utf8', pos + 1, end);
      if (doubled) value = value.replace(QUOTE_PAIR, '\x01');
      pos = end + 1;
    } else {
      if (nextDelim !== -1 && nextDelim < pos) nextDelim = buf.indexOf(DELIMITER, pos);
      if (nextNewline !== -1 && nextNewline < pos) nextNewline = buf.indexOf(NEWLINE, pos);
      const end = nextDelim !== -1 && (nextNewline === -1 || nextDelim < nextNewline) ? nextDelim : nextNewline;
      if (end === -1) return { rows, next: rowStart };
      value = end === pos ? null : buf.toString('utf8', pos, end);
      pos = end;
    }
    row.push(value);
    if (pos >= n) return { rows, next: rowStart };
    if (buf[pos] === DELIMITER) {
      pos++;
      continue;
    }
    if (buf[pos] !== NEWLINE) throw new Error(`unexpected byte ${buf[pos]} after a field in COPY output`);
    if (row.length !== columns) throw new Error(`COPY row has ${row.length} fields, expected ${columns}`);
    rows.push(row);
    row = [];
    pos++;
    rowStart = pos;
  }
}

/** Yields the rows of `sql` (no parameters: COPY takes none), a batch per chunk received. */
export async function* copyRows(client: pg.ClientBase, sql: string, columns: number): AsyncGenerator<Array<Array<string | null>>> {
  // A deep buffer keeps the connection streaming while a batch is turned into records.
  const stream = client.query(copyTo(`COPY (${sql}) TO STDOUT WITH (FORMAT csv, DELIMITER E'\\x02', QUOTE E'\\x01')`, { highWaterMark: 1024 * 1024 }));
  let rest: Buffer | null = null;
  for await (const piece of stream as AsyncIterable<Buffer>) {
    const chunk: Buffer = rest ? Buffer.concat([rest, piece]) : piece;
    const { rows, next } = parseCsvRows(chunk, 0, columns);
    rest = next < chunk.length ? chunk.subarray(next) : null;
    if (rows.length > 0) yield rows;
  }
  if (rest) throw new Error('COPY output ended inside a row');
}

/**
 * A parameterized statement (Prisma.Sql from the item-filter compiler, lib/items/filter-sql.ts)
 * with its values written in as literals, for COPY, which takes no parameters. The one place
 * SQL is rendered with values inline: strings are quoted by the pg driver's escapeLiteral,
 * arrays become ARRAY[…] of such literals, dates ISO timestamps.
 * Placeholders inside quoted strings or identifiers are left alone.
 */
export function inlineSql(sql: { text: string; values: unknown[] }): string {
  const { text, values } = sql;
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === "'" || ch === '"') {
      let j = i + 1;
      for (; j < text.length; j++) {
        if (text[j] === ch) {
          if (text[j + 1] === ch) j++;
          else break;
        }
      }
      out += text.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const m = ch === '$' ? /^\$(\d+)/.exec(text.slice(i, i + 12)) : null;
    if (m) {
      const n = Number(m[1]);
      if (n < 1 || n > values.length) throw new Error(`inlineSql: no value for $${n}`);
      out += literal(values[n - 1]);
      i += m[0].length;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

function literal(v: unknown): string {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error('cannot inline a non-finite number into SQL');
    return String(v);
  }
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'bigint') return String(v);
  if (typeof v === 'string') return pg.escapeLiteral(v);
  if (v instanceof Date) return pg.escapeLiteral(v.toISOString());
  if (Array.isArray(v)) return `ARRAY[${v.map(literal).join(', ')}]`;
  throw new Error(`inlineSql: cannot inline a ${typeof v}`);
}
