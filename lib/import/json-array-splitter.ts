import { ImportFormatError } from './import-errors';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

function isWhitespace(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
}

export type ArrayElement = { index: number; bytes: Buffer };

type State = 'start' | 'first' | 'next' | 'value' | 'done';

/**
 * Cuts a JSON array arriving in chunks into the raw bytes of its top-level elements, so each
 * record can be parsed on its own and a file of any size never sits in memory. It works on bytes:
 * every structural character is ASCII, and UTF-8 never uses ASCII bytes inside a multi-byte
 * character, so a chunk boundary in the middle of a character is harmless.
 */
export class JsonArraySplitter {
  private state: State = 'start';
  private depth = 0;
  private inString = false;
  private escape = false;
  private parts: Buffer[] = [];
  private partBytes = 0;
  private index = 0;

  constructor(private readonly maxElementBytes = 64 * 1024 * 1024) {}

  /** Feeds one chunk; returns the elements it completed. */
  push(chunk: Buffer): ArrayElement[] {
    const out: ArrayElement[] = [];
    let start = this.state === 'value' ? 0 : -1;
    const n = chunk.length;
    let i = 0;
    // Cached positions of the next quote / backslash, so long strings full of escapes stay linear.
    let nextQuote = -2;
    let nextBackslash = -2;
    while (i < n) {
      if (this.state === 'value') {
        if (this.inString) {
          if (this.escape) {
            this.escape = false;
            i++;
            continue;
          }
          // Strings are most of a record's bytes: jump to the next quote or backslash.
          if (nextQuote !== -1 && nextQuote < i) nextQuote = chunk.indexOf(QUOTE, i);
          if (nextBackslash !== -1 && nextBackslash < i) nextBackslash = chunk.indexOf(BACKSLASH, i);
          const q = nextQuote;
          const bs = nextBackslash;
          if (q === -1 && bs === -1) {
            i = n;
            break;
          }
          if (bs !== -1 && (q === -1 || bs < q)) {
            this.escape = true;
            i = bs + 1;
          } else {
            this.inString = false;
            i = q + 1;
          }
          continue;
        }
        const b = chunk[i]!;
        if (b === QUOTE) this.inString = true;
        else if (b === OPEN_BRACE || b === OPEN_BRACKET) this.depth++;
        else if (b === CLOSE_BRACE || b === CLOSE_BRACKET) {
          if (this.depth === 0) {
            if (b === CLOSE_BRACE) throw new ImportFormatError(`record [${this.index}]: unexpected '}'`);
            out.push(this.finish(chunk, start, i));
            this.state = 'done';
            i++;
            continue;
          }
          this.depth--;
        } else if (b === COMMA && this.depth === 0) {
          out.push(this.finish(chunk, start, i));
          this.state = 'next';
          i++;
          continue;
        }
        i++;
        continue;
      }

      const b = chunk[i]!;
      if (isWhitespace(b)) {
        i++;
        continue;
      }
      switch (this.state) {
        case 'start':
          if (b !== OPEN_BRACKET) throw new ImportFormatError(`expected a JSON array of records ('[' at the start), found '${String.fromCharCode(b)}'`);
          this.state = 'first';
          i++;
          break;
        case 'first':
        case 'next':
          if (b === CLOSE_BRACKET && this.state === 'first') {
            this.state = 'done';
            i++;
            break;
          }
          if (b === COMMA || b === CLOSE_BRACKET) throw new ImportFormatError(`record [${this.index}]: expected a value, found '${String.fromCharCode(b)}'`);
          this.state = 'value';
          this.depth = 0;
          start = i;
          break;
        case 'done':
          throw new ImportFormatError(`unexpected data after the closing ']' of the array: '${String.fromCharCode(b)}'`);
      }
    }
    if (this.state === 'value' && start >= 0 && start < n) {
      const piece = chunk.subarray(start);
      this.partBytes += piece.length;
      if (this.partBytes > this.maxElementBytes) {
        throw new ImportFormatError(`record [${this.index}] is larger than ${Math.round(this.maxElementBytes / 1024 / 1024)} MB; is the file a JSON array of records?`);
      }
      this.parts.push(piece);
    }
    return out;
  }

  /** Call at the end of input: a file that stops inside the array is truncated. */
  end(): void {
    if (this.state === 'start') throw new ImportFormatError('the file is empty');
    if (this.state !== 'done') {
      const what = this.state === 'value' ? `inside record [${this.index}]` : `after record [${this.index - 1}]`;
      throw new ImportFormatError(`the file ends ${what} without the closing ']': it looks truncated`);
    }
  }

  private finish(chunk: Buffer, start: number, end: number): ArrayElement {
    const tail = chunk.subarray(Math.max(start, 0), end);
    const bytes = this.parts.length === 0 ? tail : Buffer.concat([...this.parts, tail]);
    this.parts = [];
    this.partBytes = 0;
    return { index: this.index++, bytes };
  }
}
