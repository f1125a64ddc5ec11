// Response headers every page and API answer carries (proxy.ts; next.config.ts adds the static
// ones to build assets). README "Security" lists them.

/** A fresh per-request nonce for the page's scripts (Next.js reads it from the request's CSP). */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
}

/**
 * The Content-Security-Policy. Scripts: only those carrying this request's nonce (Next.js stamps
 * it on its own) and what they load ('strict-dynamic': Next's chunks, video.js). Styles allow
 * inline (React style attributes, video.js's default-size stylesheet). Media and images may come
 * from remote hosts because a dataset may list remote media prefixes (lib/media/remote-media.ts)
 * and the browser plays those straight from their source. No framing by anyone.
 */
export function contentSecurityPolicy(nonce: string, opts: { dev?: boolean } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data: https: http:",
    "media-src 'self' blob: https: http:",
    "font-src 'self' data:",
    `connect-src 'self'${opts.dev ? ' ws: wss:' : ''}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The headers without a per-request part, for every response including build assets. */
export const STATIC_SECURITY_HEADERS: Record<string, string> = {
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'cross-origin-opener-policy': 'same-origin',
};
