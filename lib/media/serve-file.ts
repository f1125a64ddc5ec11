import fs from 'node:fs';
import { Readable } from 'node:stream';
import { contentTypeFor } from './content-type';
import { parseByteRange } from './byte-range';

/** Streams a file with range, conditional-request and caching support. */
export function serveFile(file: string, headers: Headers, method: 'GET' | 'HEAD' = 'GET'): Response {
  const st = fs.statSync(file);
  // A strong validator (size, mtime, inode): If-Range requires one (RFC 9110 §13.1.5), and
  // browsers resume media downloads with it.
  const etag = `"${st.size.toString(16)}-${Math.floor(st.mtimeMs).toString(16)}-${st.ino.toString(16)}"`;
  const lastModified = st.mtime.toUTCString();
  const common: Record<string, string> = {
    'accept-ranges': 'bytes',
    'content-type': contentTypeFor(file),
    etag,
    'last-modified': lastModified,
    // Media is effectively immutable but may be replaced: reuse for a minute (the review page
    // prefetches the next item's video), then revalidate cheaply by ETag.
    'cache-control': 'private, max-age=60, must-revalidate',
    'x-content-type-options': 'nosniff',
  };

  if (notModified(headers, etag, st.mtimeMs)) return new Response(null, { status: 304, headers: common });

  // If-Range: honour the range only while the validator still matches; else send it all.
  const ifRange = headers.get('if-range');
  const rangeHeader = ifRange && ifRange.trim() !== etag && ifRange.trim() !== lastModified ? null : headers.get('range');
  const range = parseByteRange(rangeHeader, st.size);
  if (range === 'unsatisfiable') {
    return new Response(null, { status: 416, headers: { ...common, 'content-range': `bytes */${st.size}` } });
  }
  const body = (start: number, end: number) =>
    method === 'HEAD' || st.size === 0
      ? null
      : (Readable.toWeb(fs.createReadStream(file, { start, end })) as unknown as ReadableStream<Uint8Array>);
  if (!range) {
    return new Response(body(0, Math.max(0, st.size - 1)), { status: 200, headers: { ...common, 'content-length': String(st.size) } });
  }
  return new Response(body(range.start, range.end), {
    status: 206,
    headers: {
      ...common,
      'content-length': String(range.end - range.start + 1),
      'content-range': `bytes ${range.start}-${range.end}/${st.size}`,
    },
  });
}

/** If-None-Match (a list, weak comparison, or `*`) wins over If-Modified-Since (RFC 9110 §13.2.2). */
function notModified(headers: Headers, etag: string, mtimeMs: number): boolean {
  const inm = headers.get('if-none-match');
  if (inm !== null) {
    const opaque = (t: string) => t.trim().replace(/^W\//, '');
    return inm.trim() === '*' || inm.split(',').some((t) => opaque(t) === opaque(etag));
  }
  const ims = headers.get('if-modified-since');
  if (!ims) return false;
  const since = Date.parse(ims);
  return Number.isFinite(since) && Math.floor(mtimeMs / 1000) * 1000 <= since;
}
