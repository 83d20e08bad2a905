import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addressesAllowed, checkCallbackUrl, embeddedV4, isPublicAddress } from './callback-url.js';

const production = { production: true };
const development = { production: false };

const v4 = (n: number) => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
/** Any address inside `net/prefix`. */
const inRange = (net: string, prefix: number) => {
  const base = net.split('.').reduce((a, b) => a * 256 + Number(b), 0);
  return fc.integer({ min: 0, max: 2 ** (32 - prefix) - 1 }).map((offset) => v4(base + offset));
};
const PRIVATE_RANGES: [string, number][] = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
];
const privateV4 = fc.oneof(...PRIVATE_RANGES.map(([net, prefix]) => inRange(net, prefix)));
/** Addresses in ordinary public unicast space (1–9, 11–99, 101–126, 128–168, 173–191, 193–197, 199–202, 204–223 as first byte, with the exceptions above left out). */
const publicV4 = fc
  .tuple(fc.constantFrom(1, 8, 9, 11, 45, 62, 81, 91, 104, 128, 151, 185, 193, 195, 212, 217), fc.nat(255), fc.nat(255), fc.nat(255))
  .map((parts) => parts.join('.'));

describe('callback addresses (SSRF)', () => {
  it('refuses every loopback, private, link-local, shared, multicast and reserved IPv4 address', () => {
    fc.assert(fc.property(privateV4, (ip) => !isPublicAddress(ip)));
  });

  it('allows ordinary public IPv4 addresses', () => {
    fc.assert(fc.property(publicV4, (ip) => isPublicAddress(ip)));
  });

  it('judges an IPv4 address the same when it hides in IPv6 (mapped, compatible, NAT64, 6to4)', () => {
    const hex = (ip: string) => {
      const [a, b, c, d] = ip.split('.').map(Number) as [number, number, number, number];
      return `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
    };
    fc.assert(
      fc.property(fc.oneof(privateV4, publicV4), (ip) => {
        for (const form of [`::ffff:${ip}`, `::ffff:${hex(ip)}`, `64:ff9b::${ip}`, `2002:${hex(ip)}::1`]) {
          expect(embeddedV4(form), form).toBe(ip);
          expect(isPublicAddress(form), form).toBe(isPublicAddress(ip));
        }
      }),
    );
  });

  it('refuses IPv6 loopback, unique-local, link-local, multicast and documentation ranges, and allows global unicast', () => {
    const hextet = fc.integer({ min: 0, max: 0xffff }).map((n) => n.toString(16));
    const tail = fc.array(hextet, { minLength: 7, maxLength: 7 }).map((h) => h.join(':'));
    const within = (first: (n: number) => string, min: number, max: number) => fc.tuple(fc.integer({ min, max }), tail).map(([n, t]) => `${first(n)}:${t}`);
    fc.assert(fc.property(within((n) => n.toString(16), 0xfc00, 0xfdff), (ip) => !isPublicAddress(ip)));
    fc.assert(fc.property(within((n) => n.toString(16), 0xfe80, 0xfebf), (ip) => !isPublicAddress(ip)));
    fc.assert(fc.property(within((n) => n.toString(16), 0xff00, 0xffff), (ip) => !isPublicAddress(ip)));
    // 2000::/3 without 2001:db8::/32 and 2002::/16 (6to4 is judged by its IPv4)
    fc.assert(fc.property(within((n) => n.toString(16), 0x2400, 0x2fff), (ip) => isPublicAddress(ip)));
    for (const ip of ['::1', '::', '2001:db8::1', 'fe80::1%eth0', '::ffff:127.0.0.1', '::ffff:169.254.169.254']) expect(isPublicAddress(ip), ip).toBe(false);
    expect(isPublicAddress('2a00:1450:4007:80e::200e')).toBe(true);
  });

  it('treats anything that is not an IP address as not public', () => {
    fc.assert(fc.property(fc.string(), (s) => !/^[0-9a-f:.%]+$/i.test(s) ? !isPublicAddress(s) : true));
  });

  it('in production: https only, no credentials, no private literal or localhost name; every resolved address must be public', () => {
    expect(checkCallbackUrl('https://hr.example.com/hooks', production).ok).toBe(true);
    expect(checkCallbackUrl('http://hr.example.com/hooks', production)).toEqual({ ok: false, problem: 'https_required' });
    expect(checkCallbackUrl('https://user:pw@hr.example.com/', production)).toEqual({ ok: false, problem: 'credentials_in_url' });
    expect(checkCallbackUrl('ftp://hr.example.com/', production)).toEqual({ ok: false, problem: 'invalid_url' });
    expect(checkCallbackUrl('not a url', production)).toEqual({ ok: false, problem: 'invalid_url' });
    for (const url of ['https://127.0.0.1/', 'https://[::1]:8443/x', 'https://169.254.169.254/latest/meta-data', 'https://localhost/', 'https://api.localhost/', 'https://10.1.2.3/', 'https://0x7f.1/']) {
      expect(checkCallbackUrl(url, production), url).toEqual({ ok: false, problem: 'address_not_allowed' });
    }
    fc.assert(fc.property(privateV4, (ip) => !checkCallbackUrl(`https://${ip}/hook`, production).ok));
    fc.assert(fc.property(fc.array(publicV4, { minLength: 1 }), privateV4, (good, bad) => addressesAllowed(good, production) && !addressesAllowed([...good, bad], production)));
    expect(addressesAllowed([], production)).toBe(false);
  });

  it('outside production: a plain http receiver on this computer is allowed (tests, a laptop)', () => {
    expect(checkCallbackUrl('http://127.0.0.1:4000/hook', development).ok).toBe(true);
    expect(addressesAllowed(['127.0.0.1'], development)).toBe(true);
    expect(checkCallbackUrl('http://user:pw@127.0.0.1/', development).ok).toBe(false);
  });
});
