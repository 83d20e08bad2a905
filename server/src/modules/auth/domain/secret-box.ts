import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Seals a secret at rest with AES-256-GCM when a key is configured (TWO_FACTOR_KEY): "v1:iv:tag:data"
 * in base64url. Without a key the value is stored as "plain:…" — a database dump then holds the
 * secrets, which README says. Opening a sealed value without the key (or with another key) throws.
 */
export const sealSecret = (plain: string, key: Buffer | null): string => {
  if (!key) return `plain:${plain}`;
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join(':');
};

export const openSecret = (stored: string, key: Buffer | null): string => {
  if (stored.startsWith('plain:')) return stored.slice('plain:'.length);
  const [version, iv, tag, data] = stored.split(':');
  if (version !== 'v1' || !iv || !tag || !data) throw new Error('unknown sealed secret format');
  if (!key) throw new Error('a sealed two-factor secret needs TWO_FACTOR_KEY');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
};
