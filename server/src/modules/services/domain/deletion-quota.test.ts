import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDeletionQuota, deletionLimit, inContractPeriod } from './deletion-quota.js';

describe('the 30 % deletion rule', () => {
  it('allows 30 % of the contracted services, rounded down', () => {
    expect([0, 1, 3, 4, 9, 10, 20, 40, 41].map(deletionLimit)).toEqual([0, 0, 0, 1, 2, 3, 6, 12, 12]);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (n) => {
        const limit = deletionLimit(n);
        expect(limit * 10).toBeLessThanOrEqual(n * 3);
        expect((limit + 1) * 10).toBeGreaterThan(n * 3);
      }),
    );
  });

  it('refuses exactly at the edge and says how much is used', () => {
    expect(checkDeletionQuota(40, 11)).toEqual({ allowed: true, limit: 12, used: 11, remaining: 1 });
    expect(checkDeletionQuota(40, 12)).toEqual({ allowed: false, limit: 12, used: 12, remaining: 0 });
    expect(checkDeletionQuota(40, 10, 3)).toMatchObject({ allowed: false, remaining: 2 });
    expect(checkDeletionQuota(3, 0)).toMatchObject({ allowed: false, limit: 0 });
  });

  it('counts only days inside the contract period', () => {
    expect(inContractPeriod('2025-03-01', '2025-03-01', '2028-02-29')).toBe(true);
    expect(inContractPeriod('2028-02-29', '2025-03-01', '2028-02-29')).toBe(true);
    expect(inContractPeriod('2028-03-01', '2025-03-01', '2028-02-29')).toBe(false);
    expect(inContractPeriod('2025-02-28', '2025-03-01', '2028-02-29')).toBe(false);
  });
});
