import { BlockList, isIP } from 'node:net';

// Who is on the other end of a request. Next.js copies a client-sent X-Forwarded-For into the
// request untouched, so no handler can tell a real address from a claimed one. The studio's web
// server (scripts/web-server.ts) therefore resolves the address from the socket itself, trusting
// X-Forwarded-For only when the socket peer is a configured proxy (COT_TRUSTED_PROXIES), and
// hands it on in CLIENT_ADDRESS_HEADER after dropping any client-sent copy. Handlers read it
// through clientAddress() only.

export const CLIENT_ADDRESS_HEADER = 'x-cot-client-address';
const SERVER_MARK = Symbol.for('cot.client-address-header-set-by-server');

/** Called by the web server that sets CLIENT_ADDRESS_HEADER on every request (and tests). */
export function trustClientAddressHeader(on = true): void {
  (globalThis as Record<symbol, unknown>)[SERVER_MARK] = on;
}

/**
 * The client's address as the studio's web server resolved it, or null when the app runs
 * under another server (e.g. a bare `next start`), whose copy of the header could be the
 * client's own invention.
 */
export function clientAddress(headers: Headers | undefined | null): string | null {
  if ((globalThis as Record<symbol, unknown>)[SERVER_MARK] !== true) return null;
  const v = headers?.get(CLIENT_ADDRESS_HEADER)?.trim();
  return v && isIP(v) ? v : null;
}

/** "::ffff:127.0.0.1" → "127.0.0.1": one spelling per address, so limits count it once. */
export function normalizeAddress(a: string): string {
  const m = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(a);
  return (m ? m[1]! : a).toLowerCase();
}

/**
 * COT_TRUSTED_PROXIES: comma-separated addresses or CIDR ranges (e.g. "127.0.0.1, 10.0.0.0/8,
 * fd00::/8"). Throws naming the entry that is neither.
 */
export function parseTrustedProxies(spec: string | undefined): BlockList {
  const list = new BlockList();
  for (const raw of (spec ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    const [addr, bits, extra] = raw.split('/');
    const family = isIP(addr ?? '');
    const prefix = bits === undefined ? (family === 6 ? 128 : 32) : Number(bits);
    if (!family || extra !== undefined || !Number.isInteger(prefix) || prefix < 0 || prefix > (family === 6 ? 128 : 32)) {
      throw new Error(`COT_TRUSTED_PROXIES: "${raw}" is not an IP address or CIDR range`);
    }
    list.addSubnet(normalizeAddress(addr!), prefix, family === 6 ? 'ipv6' : 'ipv4');
  }
  return list;
}

function isTrusted(list: BlockList, a: string): boolean {
  const family = isIP(a);
  return family !== 0 && list.check(a, family === 6 ? 'ipv6' : 'ipv4');
}

/**
 * The client address for one request: the socket peer, unless that peer is a trusted proxy —
 * then the nearest X-Forwarded-For entry (walking from the right, the side proxies append to)
 * that is not itself a trusted proxy. Entries a client wrote further left are never reached
 * past an untrusted hop, so rotating them changes nothing.
 */
export function resolveClientAddress(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trusted: BlockList): string | null {
  if (!socketAddress) return null;
  let current = normalizeAddress(socketAddress);
  if (!isTrusted(trusted, current)) return current;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? ''))
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normalizeAddress(hops[i]!.replace(/^\[(.*)\](?::\d+)?$/, '$1').replace(/^(\d+\.\d+\.\d+\.\d+):\d+$/, '$1'));
    if (!isIP(hop)) return current; // garbage from a client: stop at the last address we trust
    current = hop;
    if (!isTrusted(trusted, hop)) return hop;
  }
  return current;
}
