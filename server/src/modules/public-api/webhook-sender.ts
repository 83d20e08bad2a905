import { lookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { addressesAllowed, checkCallbackUrl, hostOf, type CallbackPolicy, type CallbackProblem } from './domain/callback-url.js';

/** A callback the policy refuses, at registration or at delivery: no request was made. */
export class CallbackRefused extends Error {
  constructor(readonly problem: CallbackProblem | 'unresolvable') {
    super(`callback refused: ${problem}`);
  }
}

/** How long one delivery may take, connection to last byte; the job's lease outlasts it. */
export const DELIVERY_TIMEOUT_MS = 10_000;

/**
 * The addresses a callback may be reached at under the policy, resolved now: what DNS says must
 * pass the address rules, every address of it (a name with one private address among public ones
 * is refused, as an attacker would make it).
 */
export const resolveCallback = async (raw: string, policy: CallbackPolicy): Promise<{ url: URL; addresses: { address: string; family: number }[] }> => {
  const checked = checkCallbackUrl(raw, policy);
  if (!checked.ok) throw new CallbackRefused(checked.problem);
  const host = hostOf(checked.url);
  let addresses: { address: string; family: number }[];
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) }];
  else {
    try {
      addresses = await lookup(host, { all: true, verbatim: true });
    } catch {
      throw new CallbackRefused('unresolvable');
    }
  }
  if (!addressesAllowed(addresses.map((a) => a.address), policy)) throw new CallbackRefused('address_not_allowed');
  return { url: checked.url, addresses };
};

export type CallbackAnswer = { status: number };

/**
 * One POST of a signed event to its callback, connected to an address checked just now (the
 * connection's own lookup is pinned to it, so a name cannot resolve to a safe address for the check
 * and to an internal one for the request). No redirect is followed: a 3xx counts as a failure.
 */
export const postEvent = async (raw: string, body: string, headers: Record<string, string>, policy: CallbackPolicy): Promise<CallbackAnswer> => {
  const { url, addresses } = await resolveCallback(raw, policy);
  const pinned = addresses[0]!;
  const pinnedLookup: LookupFunction = (_host, opts, cb) => {
    if ((opts as { all?: boolean }).all) (cb as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [pinned]);
    else cb(null, pinned.address, pinned.family);
  };
  const client = url.protocol === 'https:' ? https : http;
  return new Promise<CallbackAnswer>((resolve, reject) => {
    const req = client.request(
      url,
      {
        method: 'POST',
        lookup: pinnedLookup,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body).toString(), 'user-agent': 'Fleetdesk-Webhooks/1', ...headers },
        timeout: DELIVERY_TIMEOUT_MS,
      },
      (res) => {
        // the answer's body is not read beyond draining it: only the status counts
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0 }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${DELIVERY_TIMEOUT_MS / 1000} s`)));
    req.on('error', reject);
    req.end(body);
  });
};
