// Host header validation: the studio answers only to the names it is known by, so a page on a
// rebound DNS name (an attacker's domain pointed at 127.0.0.1) never reaches it with the
// browser's view of "same origin". Allowed: the host of COT_ORIGIN and of every
// COT_TRUSTED_ORIGINS entry, and loopback names (localhost, 127.0.0.1, [::1]) on any port — those
// cannot be rebound.

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export function allowedHosts(opts: { origin: string | null; trustedOrigins: readonly string[] }): Set<string> {
  const out = new Set<string>();
  for (const o of [opts.origin, ...opts.trustedOrigins]) {
    if (!o) continue;
    try {
      out.add(new URL(o).host.toLowerCase());
    } catch {
      // COT_TRUSTED_ORIGINS entries that are not URLs match no host.
    }
  }
  return out;
}

export function isAllowedHost(host: string | null, allowed: Set<string>): boolean {
  if (!host) return false;
  const h = host.trim().toLowerCase();
  if (allowed.has(h)) return true;
  const name = h.startsWith('[') ? h.slice(0, h.indexOf(']') + 1) : h.replace(/:\d+$/, '');
  return LOOPBACK.has(name) && /^(\[[^\]]+\]|[^:]+)(:\d{1,5})?$/.test(h);
}

/** Every path segment decodes (a malformed `%c0` or `%ff` is a 400, never an unhandled error). */
export function pathDecodes(pathname: string): boolean {
  try {
    for (const segment of pathname.split('/')) decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}
