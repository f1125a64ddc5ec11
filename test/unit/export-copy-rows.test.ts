import { describe, expect, it } from 'vitest';
import { parseCsvRows } from '@/lib/export/copy-rows';

// PostgreSQL's COPY … (FORMAT csv, DELIMITER E'\x02', QUOTE E'\x01') output, as the export reads it.
const D = '\x02';
const Q = '\x01';
const line = (...fields: string[]) => fields.join(D) + '\n';

describe('reading COPY CSV rows', () => {
  const text =
    line('1', 'plain ünï 🎬 text', '') + // an unquoted empty field is NULL
    line('2', `${Q}two\nlines\r\n and a tab\t${Q}`, `${Q}${Q}`) + // quoted: newlines; the empty string
    line('3', `${Q}has ${Q}${Q} quote and ${D} delimiter${Q}`, 'back\\slash \\N');
  const want = [
    ['1', 'plain ünï 🎬 text', null],
    ['2', 'two\nlines\r\n and a tab\t', ''],
    ['3', `has ${Q} quote and ${D} delimiter`, 'back\\slash \\N'],
  ];

  it('reads raw values, quoted values, empty strings and NULLs', () => {
    const buf = Buffer.from(text);
    expect(parseCsvRows(buf, 0, 3)).toEqual({ rows: want, next: buf.length });
  });

  it('stops before an unfinished row wherever the chunk ends, and resumes there', () => {
    const buf = Buffer.from(text);
    for (let cut = 0; cut <= buf.length; cut++) {
      const first = parseCsvRows(buf.subarray(0, cut), 0, 3);
      const rest = parseCsvRows(Buffer.concat([buf.subarray(first.next, cut), buf.subarray(cut)]), 0, 3);
      expect([...first.rows, ...rest.rows]).toEqual(want);
    }
  });

  it('refuses a row with the wrong number of fields', () => {
    expect(() => parseCsvRows(Buffer.from(line('1', '2')), 0, 3)).toThrow(/2 fields, expected 3/);
  });
});
