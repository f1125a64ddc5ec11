import { clientAddress } from '../http/client-address';

/**
 * The client's address as the studio's web server resolved it (the socket, or the nearest
 * untrusted X-Forwarded-For hop behind COT_TRUSTED_PROXIES), or null. Never a client's claim.
 */
export function clientIp(headers: Headers | undefined | null): string | null {
  return clientAddress(headers);
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
