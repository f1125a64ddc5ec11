import { ImportFormatError } from './import-errors';
import { JsonArraySplitter } from './json-array-splitter';

export type FileFormat = 'json' | 'jsonl';

/** Where a record sits in its file: a line of JSON Lines, or an index into a JSON array. */
export type RecordPosition = { line: number; index?: undefined } | { index: number; line?: undefined };

export type RawRecord = {
  /** 0-based order of the record in the file. */
  ordinal: number;
  position: RecordPosition;
  /** The parsed JSON value, when the record's text parsed. */
  value?: unknown;
  /** The record's text, when it parsed (unknown fields are kept as written: lib/records/raw-json.ts). */
  text?: string;
  /** Why the record's text did not parse. */
  error?: string;
  /** Bytes of the file consumed so far, for progress. */
  bytesRead: number;
};

export function describePosition(p: RecordPosition): string {
  return p.line !== undefined ? `line ${p.line}` : `record [${p.index}]`;
}

const MAX_RECORD_BYTES = 64 * 1024 * 1024;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const decoder = new TextDecoder('utf-8', { fatal: true });

function decode(bytes: Buffer): string {
  try {
    return decoder.decode(bytes);
  } catch {
    throw new Error('the text is not valid UTF-8');
  }
}

function parse(bytes: Buffer): { value?: unknown; text?: string; error?: string } {
  try {
    const text = decode(bytes);
    return { value: JSON.parse(text), text };
  } catch (e) {
    return { error: `not valid JSON: ${(e as Error).message}` };
  }
}

function isBlank(bytes: Buffer): boolean {
  for (const b of bytes) if (b !== 0x20 && b !== 0x09 && b !== 0x0d && b !== 0x0a) return false;
  return true;
}

/**
 * Reads records from a `.json` file (one array) or a `.jsonl` file (one object per line), one
 * chunk at a time: memory holds one chunk and one record, never the file. The format is told
 * by the first byte (`[` or `{`); a `.json` name insists on an array. A record whose text does
 * not parse is yielded with an error (the rest of the file is still readable); a file that
 * cannot be read as a whole throws ImportFormatError.
 */
export async function* readRecords(input: AsyncIterable<Buffer | string>, opts: { fileName?: string } = {}): AsyncGenerator<RawRecord> {
  let format: FileFormat | undefined;
  let bytesRead = 0;
  let ordinal = 0;
  let first = true;
  const splitter = new JsonArraySplitter(MAX_RECORD_BYTES);
  // JSON Lines state: the unfinished line's pieces.
  let lineParts: Buffer[] = [];
  let lineBytes = 0;
  let lineNo = 0;
  let pending: Buffer[] = [];

  function* lineRecord(bytes: Buffer, complete: boolean): Generator<RawRecord> {
    lineNo++;
    if (isBlank(bytes)) return;
    const parsed = parse(bytes);
    if (parsed.error && !complete) parsed.error = `the file ends in the middle of this record (truncated last line?): ${parsed.error}`;
    yield { ordinal: ordinal++, position: { line: lineNo }, ...parsed, bytesRead };
  }

  for await (const piece of input) {
    let chunk = typeof piece === 'string' ? Buffer.from(piece) : piece;
    bytesRead += chunk.length;
    if (first) {
      if (bytesRead === chunk.length && chunk.subarray(0, 3).equals(BOM)) chunk = chunk.subarray(3);
      // Whitespace before the first record: hold it (its newlines count as lines) until a byte decides the format.
      if (pending.length > 0) chunk = Buffer.concat([...pending, chunk]);
      let k = 0;
      while (k < chunk.length && (chunk[k] === 0x20 || chunk[k] === 0x0a || chunk[k] === 0x0d || chunk[k] === 0x09)) k++;
      if (k === chunk.length) {
        pending = [chunk];
        continue;
      }
      pending = [];
      first = false;
      const c = chunk[k]!;
      if (c === 0x5b) format = 'json';
      else if (c === 0x7b) format = 'jsonl';
      else {
        // Only the first character is shown: the file may be any file on the server, not the user's own.
        const shown = JSON.stringify(decodeLoosely(chunk.subarray(k, k + 4)).slice(0, 1));
        throw new ImportFormatError(`not a JSON or JSON Lines file: expected '[' (a JSON array) or '{' (one object per line) at the start, found ${shown}`);
      }
      if (format === 'jsonl' && opts.fileName && /\.json$/i.test(opts.fileName)) {
        throw new ImportFormatError(`${opts.fileName} starts with '{': a .json file must hold one array of records; for one record per line name the file .jsonl`);
      }
    }

    if (format === 'json') {
      for (const el of splitter.push(chunk)) {
        yield { ordinal: ordinal++, position: { index: el.index }, ...parse(el.bytes), bytesRead };
      }
      continue;
    }

    let from = 0;
    for (;;) {
      const nl = chunk.indexOf(0x0a, from);
      if (nl === -1) break;
      const tail = chunk.subarray(from, nl);
      const line = lineParts.length === 0 ? tail : Buffer.concat([...lineParts, tail]);
      lineParts = [];
      lineBytes = 0;
      yield* lineRecord(line, true);
      from = nl + 1;
    }
    if (from < chunk.length) {
      const rest = chunk.subarray(from);
      lineBytes += rest.length;
      if (lineBytes > MAX_RECORD_BYTES) throw new ImportFormatError(`line ${lineNo + 1} is longer than ${MAX_RECORD_BYTES / 1024 / 1024} MB; is this a JSON Lines file?`);
      lineParts.push(rest);
    }
  }

  if (first) throw new ImportFormatError('the file is empty');
  if (format === 'json') splitter.end();
  else if (lineParts.length > 0) yield* lineRecord(Buffer.concat(lineParts), false);
}

function decodeLoosely(bytes: Buffer): string {
  return new TextDecoder('utf-8').decode(bytes);
}
