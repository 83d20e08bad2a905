import { BlockList, isIP } from 'node:net';

/**
 * Where the portal may send a webhook (SSRF defence). In production a callback is an https URL whose
 * host resolves only to public addresses: never loopback, private, link-local, shared (CGNAT),
 * documentation, multicast or reserved ranges — the portal's own network and the cloud's metadata
 * service stay out of reach. Outside production a plain http receiver on this computer is allowed
 * (tests, a developer's laptop). Checked at registration and again at every delivery, because what
 * a name resolves to can change.
 */
export type CallbackPolicy = { production: boolean };

export const callbackPolicyOf = (env: 'development' | 'production' | 'test'): CallbackPolicy => ({ production: env === 'production' });

const NOT_PUBLIC_V4: [string, number][] = [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // shared address space (carrier-grade NAT)
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local (cloud metadata at 169.254.169.254)
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay anycast
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
];
const NOT_PUBLIC_V6: [string, number][] = [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['100::', 64], // discard
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
];

const blocked = new BlockList();
for (const [net, prefix] of NOT_PUBLIC_V4) blocked.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of NOT_PUBLIC_V6) blocked.addSubnet(net, prefix, 'ipv6');

/** The 16 bytes of an IPv6 address (any textual form node accepts), or null. */
const v6Bytes = (address: string): number[] | null => {
  if (isIP(address) !== 6) return null;
  let text = address.split('%')[0]!.toLowerCase();
  // a dotted IPv4 tail (::ffff:10.0.0.1) as two hextets
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted[1]!.split('.').map(Number) as [number, number, number, number];
    text = text.slice(0, -dotted[1]!.length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? (text.split('::') as [string, string]) : [text, null];
  const h = head ? head.split(':') : [];
  const t = tail === null ? [] : tail ? tail.split(':') : [];
  const groups = tail === null ? h : [...h, ...Array(8 - h.length - t.length).fill('0'), ...t];
  if (groups.length !== 8) return null;
  return groups.flatMap((g) => {
    const n = parseInt(g, 16);
    return [n >> 8, n & 0xff];
  });
};

/** The IPv4 address an IPv6 one carries (IPv4-mapped ::ffff:a.b.c.d, IPv4-compatible, NAT64 64:ff9b::/96, 6to4 2002::/16), if any. */
export const embeddedV4 = (address: string): string | null => {
  const b = v6Bytes(address);
  if (!b) return null;
  const zero = (from: number, to: number) => b.slice(from, to).every((x) => x === 0);
  const v4 = (i: number) => b.slice(i, i + 4).join('.');
  if (zero(0, 10) && b[10] === 0xff && b[11] === 0xff) return v4(12);
  if (zero(0, 12) && !zero(12, 14)) return v4(12); // ::a.b.c.d (deprecated IPv4-compatible)
  if (b[0] === 0x00 && b[1] === 0x64 && b[2] === 0xff && b[3] === 0x9b && zero(4, 12)) return v4(12);
  if (b[0] === 0x20 && b[1] === 0x02) return v4(2);
  return null;
};

/** True when an IP address (v4 or v6, in any form) is a public unicast address. Anything that is not an address is not public. */
export const isPublicAddress = (address: string): boolean => {
  const kind = isIP(address);
  if (kind === 4) return !blocked.check(address, 'ipv4');
  if (kind !== 6) return false;
  const inner = embeddedV4(address);
  if (inner !== null && !isPublicAddress(inner)) return false;
  return !blocked.check(address.split('%')[0]!, 'ipv6');
};

export type CallbackProblem = 'invalid_url' | 'https_required' | 'credentials_in_url' | 'address_not_allowed';

/** What the URL itself allows (scheme, form, an IP literal's range): the part checked without DNS. */
export const checkCallbackUrl = (raw: string, policy: CallbackPolicy): { ok: true; url: URL } | { ok: false; problem: CallbackProblem } => {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, problem: 'invalid_url' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, problem: 'invalid_url' };
  if (!url.hostname) return { ok: false, problem: 'invalid_url' };
  if (url.username || url.password) return { ok: false, problem: 'credentials_in_url' };
  if (!policy.production) return { ok: true, url };
  if (url.protocol !== 'https:') return { ok: false, problem: 'https_required' };
  const host = hostOf(url);
  if (isIP(host) && !isPublicAddress(host)) return { ok: false, problem: 'address_not_allowed' };
  // names that mean this computer whatever DNS says
  if (/^(localhost|localhost\.localdomain)\.?$/i.test(host) || /\.localhost\.?$/i.test(host)) return { ok: false, problem: 'address_not_allowed' };
  return { ok: true, url };
};

/** The URL's host as an address or name, without IPv6 brackets. */
export const hostOf = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, '$1');

/** Whether every address a callback's host resolves to may be reached under the policy. */
export const addressesAllowed = (addresses: readonly string[], policy: CallbackPolicy) => addresses.length > 0 && (!policy.production || addresses.every(isPublicAddress));
