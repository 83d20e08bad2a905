import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * How a receiver knows a webhook comes from the portal and was not replayed much later: the header
 * `Fleetdesk-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>` where the HMAC is keyed with the hub's
 * secret (shown once, when the hub is registered) over `t + "." + body`, the body as sent (bytes,
 * before any JSON parsing). The README shows the receiver's side in a few lines of Node.
 */
export const SIGNATURE_HEADER = 'fleetdesk-signature';
/** A receiver should refuse a signature older than this (replays). */
export const SIGNATURE_TOLERANCE_SECONDS = 300;
export const HUB_SECRET_PREFIX = 'whsec_';

export const signatureOf = (secret: string, timestamp: number, body: string) => createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');

export const signatureHeader = (secret: string, timestamp: number, body: string) => `t=${timestamp},v1=${signatureOf(secret, timestamp, body)}`;

/** The receiver's check, as the README documents it: a v1 signature that matches, made within the tolerance. */
export const verifySignature = (secret: string, header: string, body: string, nowSeconds: number, toleranceSeconds = SIGNATURE_TOLERANCE_SECONDS): boolean => {
  const parts = header.split(',').map((p) => p.trim().split('='));
  const t = Number(parts.find(([k]) => k === 't')?.[1]);
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > toleranceSeconds) return false;
  const expected = Buffer.from(signatureOf(secret, t, body), 'hex');
  return parts
    .filter(([k, v]) => k === 'v1' && v && /^[0-9a-f]{64}$/.test(v))
    .some(([, v]) => timingSafeEqual(Buffer.from(v!, 'hex'), expected));
};
