import { describe, expect, it } from 'vitest';
import { parseTrustedProxies, resolveClientAddress } from '@/lib/http/client-address';

describe('the client address', () => {
  it('is the socket peer when no proxy is trusted (the default), whatever X-Forwarded-For claims', () => {
    const none = parseTrustedProxies('');
    expect(resolveClientAddress('198.51.100.7', '1.2.3.4', none)).toBe('198.51.100.7');
    expect(resolveClientAddress('::ffff:198.51.100.7', undefined, none)).toBe('198.51.100.7');
  });

  it('behind a trusted proxy is the nearest untrusted hop, so a client-written prefix is never reached', () => {
    const trusted = parseTrustedProxies('127.0.0.1, 10.0.0.0/8');
    // client wrote "6.6.6.6", the real client is 198.51.100.7, then an internal hop, then our proxy.
    expect(resolveClientAddress('127.0.0.1', '6.6.6.6, 198.51.100.7, 10.1.2.3', trusted)).toBe('198.51.100.7');
    expect(resolveClientAddress('127.0.0.1', undefined, trusted)).toBe('127.0.0.1');
    expect(resolveClientAddress('127.0.0.1', 'garbage', trusted)).toBe('127.0.0.1');
    // A socket peer that is not a trusted proxy is believed over any header.
    expect(resolveClientAddress('198.51.100.9', '10.0.0.1', trusted)).toBe('198.51.100.9');
  });

  it('refuses a COT_TRUSTED_PROXIES entry that is neither an address nor a range', () => {
    expect(() => parseTrustedProxies('10.0.0.0/33')).toThrow(/10\.0\.0\.0\/33/);
    expect(() => parseTrustedProxies('proxy.example')).toThrow(/proxy\.example/);
    expect(parseTrustedProxies('fd00::/8').check('fd00::1', 'ipv6')).toBe(true);
  });
});
