/** One request line of a Batch API input file. */
export type BatchLine = { customId: string; line: string };

export type JsonlFile = { lines: BatchLine[]; bytes: number };

/**
 * Splits request lines into JSONL files within the provider's limits: at most `maxRequests`
 * lines and `maxBytes` bytes per file (each line counted with its newline), in order. A line
 * that cannot fit even in a file of its own is returned in `tooLarge` (its result fails with
 * that reason) instead of producing a file the provider would refuse.
 */
export function splitJsonl(lines: BatchLine[], limits: { maxRequests: number; maxBytes: number }): { files: JsonlFile[]; tooLarge: (BatchLine & { bytes: number })[] } {
  if (limits.maxRequests < 1 || limits.maxBytes < 1) throw new Error('Batch file limits must be positive');
  const files: JsonlFile[] = [];
  const tooLarge: (BatchLine & { bytes: number })[] = [];
  let cur: JsonlFile = { lines: [], bytes: 0 };
  for (const l of lines) {
    const bytes = Buffer.byteLength(l.line, 'utf8') + 1;
    if (bytes > limits.maxBytes) {
      tooLarge.push({ ...l, bytes });
      continue;
    }
    if (cur.lines.length > 0 && (cur.lines.length >= limits.maxRequests || cur.bytes + bytes > limits.maxBytes)) {
      files.push(cur);
      cur = { lines: [], bytes: 0 };
    }
    cur.lines.push(l);
    cur.bytes += bytes;
  }
  if (cur.lines.length > 0) files.push(cur);
  return { files, tooLarge };
}

/** A file's body as uploaded. */
export function jsonlBody(file: JsonlFile): string {
  return file.lines.map((l) => `${l.line}\n`).join('');
}

/** The result and attempt a custom_id names ("r<result>-a<attempt>"); null for anything else. */
export function parseCustomId(id: string): { resultId: number; attempt: number } | null {
  const m = /^r(\d+)-a(\d+)$/.exec(id);
  return m ? { resultId: Number(m[1]), attempt: Number(m[2]) } : null;
}

export function customIdOf(resultId: number, attempt: number): string {
  return `r${resultId}-a${attempt}`;
}
