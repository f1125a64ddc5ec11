// Cross-site request forgery protection for state-changing requests, the same algorithm as
// Go 1.25's net/http CrossOriginProtection: browsers say where a request comes from
// (Sec-Fetch-Site, else Origin); a request from another origin is refused. Requests carrying
// neither header are not from a browser (curl, scripts, the CLI) and cannot be forged by a
// web page, so they pass. Bearer-token requests never reach this check: a page cannot make a
// browser attach a token it does not have.

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isCrossOriginRequest(opts: { method: string; headers: Headers; trustedOrigins: readonly string[] }): boolean {
  if (SAFE.has(opts.method.toUpperCase())) return false;
  const origin = opts.headers.get('origin');
  if (origin && opts.trustedOrigins.includes(origin)) return false;
  const site = opts.headers.get('sec-fetch-site');
  if (site) return site !== 'same-origin' && site !== 'none';
  if (!origin) return false;
  try {
    return new URL(origin).host !== opts.headers.get('host');
  } catch {
    return true; // "null" or garbage: an opaque origin is never ours
  }
}
