import { describe, expect, it } from 'vitest';
import { barredDuring, barringsAfter } from './barring.js';

const at = (iso: string) => new Date(iso);
const day = [at('2027-07-10T00:00:00Z'), at('2027-07-11T00:00:00Z')] as const;

describe('barrings on the simulated network', () => {
  it('counts a day as barred when the barring held at any moment of it, and only for its own kind', () => {
    expect(barredDuring([], 'roaming', ...day)).toBe(false);
    expect(barredDuring([{ barring: 'roaming', barred: true, at: at('2027-07-09T12:00:00Z') }], 'roaming', ...day)).toBe(true);
    expect(barredDuring([{ barring: 'roaming', barred: true, at: at('2027-07-09T12:00:00Z') }], 'international', ...day)).toBe(false);
    // barred in the evening, lifted the next day: the whole day has no roaming
    expect(barredDuring([{ barring: 'roaming', barred: true, at: at('2027-07-10T18:00:00Z') }], 'roaming', ...day)).toBe(true);
    // lifted in the morning: cut until then
    const lifted = [
      { barring: 'roaming' as const, barred: true, at: at('2027-07-01T00:00:00Z') },
      { barring: 'roaming' as const, barred: false, at: at('2027-07-10T08:00:00Z') },
    ];
    expect(barredDuring(lifted, 'roaming', ...day)).toBe(true);
    expect(barredDuring(lifted, 'roaming', at('2027-07-11T00:00:00Z'), at('2027-07-12T00:00:00Z'))).toBe(false);
    // a barring set after the day does not reach back
    expect(barredDuring([{ barring: 'roaming', barred: true, at: at('2027-07-11T00:00:00Z') }], 'roaming', ...day)).toBe(false);
  });

  it('keeps the last word on each kind', () => {
    expect(
      barringsAfter([
        { barring: 'international', barred: true },
        { barring: 'roaming', barred: true },
        { barring: 'international', barred: false },
        { barring: 'premium_rate', barred: true },
      ]),
    ).toEqual(['roaming', 'premium_rate']);
  });
});
