/** The client address as Next.js reports it (the first X-Forwarded-For entry), or null. */
export function clientIp(headers: Headers | undefined | null): string | null {
  const first = headers?.get('x-forwarded-for')?.split(',')[0]?.trim();
  return first ? first.slice(0, 64) : null;
}

/**
 * The origin the browser addressed (scheme + Host header), e.g. http://127.0.0.1:3000. Next.js
 * builds request.url from its own idea of the hostname, which need not be what the browser used.
 */
export function requestOrigin(req: Request): string {
  const url = new URL(req.url);
  const host = req.headers.get('host');
  return host ? `${url.protocol}//${host}` : url.origin;
}
