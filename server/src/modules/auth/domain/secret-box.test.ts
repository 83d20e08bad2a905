import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openSecret, sealSecret } from './secret-box.js';

describe('the sealed two-factor secret', () => {
  const key = randomBytes(32);

  it('is sealed with the key and opens with it only', () => {
    const sealed = sealSecret('JBSWY3DPEHPK3PXP', key);
    expect(sealed).toMatch(/^v1:/);
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(sealSecret('JBSWY3DPEHPK3PXP', key)).not.toBe(sealed);
    expect(openSecret(sealed, key)).toBe('JBSWY3DPEHPK3PXP');
    expect(() => openSecret(sealed, randomBytes(32))).toThrow();
    expect(() => openSecret(sealed, null)).toThrow(/TWO_FACTOR_KEY/);
    const tampered = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'BB' : 'AA');
    expect(() => openSecret(tampered, key)).toThrow();
  });

  it('is stored as it is, and marked so, without a key; such a value still opens once a key is set', () => {
    const plain = sealSecret('JBSWY3DPEHPK3PXP', null);
    expect(plain).toBe('plain:JBSWY3DPEHPK3PXP');
    expect(openSecret(plain, null)).toBe('JBSWY3DPEHPK3PXP');
    expect(openSecret(plain, key)).toBe('JBSWY3DPEHPK3PXP');
  });
});
