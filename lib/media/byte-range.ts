export type ByteRange = { start: number; end: number };

/**
 * Parses a single-range `Range: bytes=…` header against a file size (RFC 9110 §14.1.2).
 * Returns null for no/ignorable header (serve the whole file), 'unsatisfiable' for a range
 * that starts past the end. Multi-range requests are answered with the whole file.
 */
export function parseByteRange(header: string | null, size: number): ByteRange | null | 'unsatisfiable' {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m) return null;
  const [, a, b] = m;
  if (a === '' && b === '') return null;
  // Nothing in an empty file can be addressed.
  if (size === 0) return 'unsatisfiable';
  if (a === '') {
    const suffix = Number(b);
    if (suffix === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(a);
  const end = b === '' ? size - 1 : Math.min(Number(b), size - 1);
  if (start >= size || start > end) return 'unsatisfiable';
  return { start, end };
}
