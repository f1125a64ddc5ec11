import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readRecords, type RawRecord } from '@/lib/import/read-records';

async function readAll(text: string | Buffer, opts: { chunk?: number; fileName?: string } = {}): Promise<RawRecord[]> {
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
  const size = opts.chunk ?? bytes.length;
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  const out: RawRecord[] = [];
  for await (const r of readRecords(Readable.from(chunks), { fileName: opts.fileName })) out.push(r);
  return out;
}

const RECORDS = [
  { problem_id: 1, problem: 'quote " and backslash \\ and brace } and bracket ] inside a string', options: ['A. x', 'B) y'] },
  { problem_id: 'b', problem: '多字节 emoji 🎬🧹 and combining é', nested: { a: [1, { b: '],}' }], c: null } },
  { problem_id: 3, problem: 'escaped unicode \u00e9 \ud83c\udfac and \\"', empty: '' },
];

describe('reading a JSON array as a stream', () => {
  const text = JSON.stringify(RECORDS, null, 2);

  it('yields the same records wherever the chunk boundaries fall (even inside a multi-byte character)', async () => {
    for (const chunk of [1, 2, 3, 5, 7, 64, 100_000]) {
      const got = await readAll(text, { chunk });
      expect(got.map((r) => r.value)).toEqual(RECORDS);
      expect(got.map((r) => r.position)).toEqual([{ index: 0 }, { index: 1 }, { index: 2 }]);
    }
  });

  it('reads an empty array as no records, and skips a byte-order mark', async () => {
    expect(await readAll(' [ ] \n')).toEqual([]);
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify([{ a: 1 }]))]);
    expect((await readAll(withBom)).map((r) => r.value)).toEqual([{ a: 1 }]);
  });

  it('reports an element that does not parse by its index and keeps reading', async () => {
    const got = await readAll('[{"a":1},{"a":tru},{"a":3}]');
    expect(got[1]).toMatchObject({ position: { index: 1 }, error: expect.stringMatching(/not valid JSON/) });
    expect(got[2]?.value).toEqual({ a: 3 });
  });

  it('refuses a truncated array, data after it, and a .json file that is not an array', async () => {
    await expect(readAll('[{"a":1},{"a":"unterminated')).rejects.toThrow(/ends inside record \[1\].*truncated/);
    await expect(readAll('[{"a":1},')).rejects.toThrow(/truncated/);
    await expect(readAll('[{"a":1}] {"b":2}')).rejects.toThrow(/after the closing/);
    await expect(readAll('{"a":1}\n', { fileName: 'data.json' })).rejects.toThrow(/\.json file must hold one array/);
  });

  it('reports text that is not UTF-8 as a bad record', async () => {
    const bad = Buffer.concat([Buffer.from('[{"a":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}]')]);
    expect((await readAll(bad))[0]?.error).toMatch(/not valid UTF-8/);
  });
});

describe('reading JSON Lines as a stream', () => {
  it('numbers lines as an editor does, across CRLF and blank lines', async () => {
    const text = '\n{"a":1}\r\n\r\n{"a":2}\n  \n{"a":3}';
    for (const chunk of [1, 3, 1000]) {
      const got = await readAll(text, { chunk });
      expect(got.map((r) => [r.position.line, r.value])).toEqual([
        [2, { a: 1 }],
        [4, { a: 2 }],
        [6, { a: 3 }],
      ]);
    }
  });

  it('names a truncated last line as truncated, with its line number', async () => {
    const got = await readAll('{"a":1}\n{"a":2,"b":"cut of');
    expect(got[1]).toMatchObject({ position: { line: 2 }, error: expect.stringMatching(/ends in the middle of this record.*truncated/) });
  });

  it('reports a bad line by number and keeps reading the next ones', async () => {
    const got = await readAll('{"a":1}\nnot json\n{"a":3}\n');
    expect(got.map((r) => r.error === undefined)).toEqual([true, false, true]);
    expect(got[1]).toMatchObject({ position: { line: 2 }, error: expect.stringMatching(/not valid JSON/) });
  });

  it('refuses a file that is neither JSON nor JSON Lines, and an empty file', async () => {
    await expect(readAll('problem_id,problem\n1,what\n')).rejects.toThrow(/not a JSON or JSON Lines file.*found "p"$/);
    await expect(readAll('')).rejects.toThrow(/empty/);
    await expect(readAll(' \n\n')).rejects.toThrow(/empty/);
  });

  it('hands over the first record before the rest of the file has arrived', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    async function* source() {
      yield Buffer.from('{"problem_id":1}\n');
      await gate; // the rest only comes once the first record has been consumed
      yield Buffer.from('{"problem_id":2}\n');
    }
    const records = readRecords(source());
    const first = await records.next();
    expect(first.value).toMatchObject({ value: { problem_id: 1 }, position: { line: 1 } });
    release();
    expect((await records.next()).value).toMatchObject({ value: { problem_id: 2 } });
    expect((await records.next()).done).toBe(true);
  });
});
