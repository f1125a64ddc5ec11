import fs from 'node:fs';
import { Readable } from 'node:stream';
import { contentTypeFor } from './content-type';
import { parseByteRange } from './byte-range';

/** Streams a file with range, conditional-request and caching support. */
export function serveFile(file: string, headers: Headers, method: 'GET' | 'HEAD' = 'GET'): Response {
  const st = fs.statSync(file);
  const etag = `W/"${st.size.toString(16)}-${Math.floor(st.mtimeMs).toString(16)}"`;
  const lastModified = st.mtime.toUTCString();
  const common: Record<string, string> = {
    'accept-ranges': 'bytes',
    'content-type': contentTypeFor(file),
    etag,
    'last-modified': lastModified,
    // Media files are immutable in practice but may be replaced; revalidate cheaply via ETag.
    'cache-control': 'private, max-age=0, must-revalidate',
  };

  const inm = headers.get('if-none-match');
  const ims = headers.get('if-modified-since');
  if ((inm && inm === etag) || (!inm && ims && Date.parse(ims) >= Math.floor(st.mtimeMs / 1000) * 1000)) {
    return new Response(null, { status: 304, headers: common });
  }

  // If-Range: only honour the range when the validator still matches.
  const ifRange = headers.get('if-range');
  const rangeHeader = ifRange && ifRange !== etag && ifRange !== lastModified ? null : headers.get('range');
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
