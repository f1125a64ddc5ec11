import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { z } from 'zod';
import { AppError } from '../errors';

// Remote media (a record `path` that is an http(s) URL) is fetched by the server — ffprobe when
// videos are probed, ffmpeg when frames are sampled — so an imported URL could point the server
// at internal hosts and read their answers back as probe errors. A dataset therefore lists the
// URL prefixes its remote media may come from (`remoteMediaPrefixes`, empty by default: no remote
// media at all), and the server fetches nothing else. Loopback, link-local (cloud metadata),
// private and unspecified addresses are refused unless a prefix names that address literally
// (e.g. http://127.0.0.1:9000/media/): a listed host *name* must resolve to public addresses.

const INTERNAL = new BlockList();
for (const [net, bits] of [['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.168.0.0', 16], ['198.18.0.0', 15]] as const) {
  INTERNAL.addSubnet(net, bits, 'ipv4');
}
for (const [net, bits] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10]] as const) INTERNAL.addSubnet(net, bits, 'ipv6');

export function isInternalAddress(raw: string): boolean {
  // An IPv4-mapped IPv6 address is its IPv4 address (BlockList would match it against every v4 range otherwise).
  const address = raw.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1');
  const family = isIP(address);
  return family !== 0 && INTERNAL.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

const unbracket = (host: string) => host.replace(/^\[(.*)\]$/, '$1');

/** One allowed prefix: an http(s) URL without credentials, query or fragment. */
export const remoteMediaPrefixSchema = z
  .string()
  .trim()
  .max(2000)
  .refine((s) => {
    try {
      const u = new URL(s);
      return (u.protocol === 'http:' || u.protocol === 'https:') && !u.username && !u.password && !u.search && !u.hash;
    } catch {
      return false;
    }
  }, 'must be an http(s) URL prefix without credentials, query or fragment, e.g. https://media.example.com/videos/')
  .transform((s) => new URL(s).href);

export const remoteMediaPrefixesSchema = z.array(remoteMediaPrefixSchema).max(50);

/** The prefix `url` falls under, compared as parsed URLs (same origin, path beneath), or null. */
export function matchingPrefix(url: string, prefixes: readonly string[]): URL | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.username || u.password) return null;
  for (const p of prefixes) {
    const prefix = new URL(p);
    const dir = prefix.pathname.endsWith('/') ? prefix.pathname : `${prefix.pathname}/`;
    if (u.origin === prefix.origin && (u.pathname === prefix.pathname || u.pathname.startsWith(dir))) return prefix;
  }
  return null;
}

type Lookup = (host: string) => Promise<{ address: string }[]>;
const systemLookup: Lookup = (host) => lookup(host, { all: true });

/** Throws FORBIDDEN unless the server may fetch `url` for a dataset with these prefixes. */
export async function assertRemoteMediaAllowed(url: string, prefixes: readonly string[], resolve: Lookup = systemLookup): Promise<void> {
  if (!matchingPrefix(url, prefixes)) throw new AppError('FORBIDDEN', 'Remote media URL is not under one of the dataset’s allowed remote media prefixes; nothing was fetched');
  const host = unbracket(new URL(url).hostname);
  if (isIP(host)) {
    // Under a listed prefix with the same origin, so this literal address was listed by an admin.
    return;
  }
  let addresses: string[];
  try {
    addresses = (await resolve(host)).map((a) => a.address);
  } catch {
    throw new AppError('NOT_FOUND', `Remote media host ${host} does not resolve`);
  }
  // "localhost" is as literal as 127.0.0.1: an admin who lists it means it.
  if (host === 'localhost') return;
  if (addresses.some(isInternalAddress)) {
    throw new AppError('FORBIDDEN', `Remote media host ${host} resolves to an internal address; list that address itself as a prefix to allow it`);
  }
}
