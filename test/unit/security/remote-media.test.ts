import { describe, expect, it } from 'vitest';
import { assertRemoteMediaAllowed, isInternalAddress, matchingPrefix, remoteMediaPrefixesSchema } from '@/lib/media/remote-media';

const resolvesTo = (...addresses: string[]) => async () => addresses.map((address) => ({ address }));

describe('remote media prefixes', () => {
  it('match parsed URLs: same origin, path beneath the prefix', () => {
    const p = ['https://cdn.example.com/videos/'];
    expect(matchingPrefix('https://cdn.example.com/videos/a/b.mp4', p)).not.toBeNull();
    expect(matchingPrefix('https://cdn.example.com/videos-private/b.mp4', p)).toBeNull();
    expect(matchingPrefix('https://cdn.example.com.evil.test/videos/b.mp4', p)).toBeNull();
    expect(matchingPrefix('https://cdn.example.com@169.254.169.254/videos/b.mp4', p)).toBeNull();
    expect(matchingPrefix('http://cdn.example.com/videos/b.mp4', p)).toBeNull();
  });

  it('a listed host name that resolves to an internal address is refused; a literal listed address is allowed', async () => {
    const p = ['https://cdn.example.com/', 'http://10.0.0.5:9000/media/'];
    await expect(assertRemoteMediaAllowed('https://cdn.example.com/x.mp4', p, resolvesTo('169.254.169.254'))).rejects.toThrow(/internal address/);
    await expect(assertRemoteMediaAllowed('https://cdn.example.com/x.mp4', p, resolvesTo('93.184.216.34'))).resolves.toBeUndefined();
    await expect(assertRemoteMediaAllowed('http://10.0.0.5:9000/media/x.mp4', p, resolvesTo())).resolves.toBeUndefined();
    await expect(assertRemoteMediaAllowed('http://10.0.0.6:9000/media/x.mp4', p, resolvesTo())).rejects.toThrow(/allowed remote media prefixes/);
  });

  it('knows the internal ranges and validates the setting', () => {
    for (const a of ['::ffff:127.0.0.1', '127.0.0.1', '10.1.2.3', '169.254.169.254', '192.168.1.1', '172.16.0.1', '::1', 'fe80::1', 'fd00::1', '0.0.0.0']) expect(isInternalAddress(a), a).toBe(true);
    expect(isInternalAddress('93.184.216.34')).toBe(false);
    expect(() => remoteMediaPrefixesSchema.parse(['ftp://x/'])).toThrow(/http\(s\) URL prefix/);
    expect(() => remoteMediaPrefixesSchema.parse(['https://u:p@x/'])).toThrow();
  });
});
