import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SERVICE_STATUSES, TRANSITIONS } from '../../services/domain/lifecycle.js';
import { BULK_ACTION_KINDS, groupBy, isEligible, pricingKey, splitEligible } from './bulk-action.js';

describe('bulk actions: who an action applies to', () => {
  it('follows the transition table: start and schedule only waiting services, change and suspend active ones, resume suspended ones', () => {
    const eligible = (kind: (typeof BULK_ACTION_KINDS)[number]) => SERVICE_STATUSES.filter((s) => isEligible(kind, s));
    expect(eligible('start')).toEqual(['waiting_for_activation']);
    expect(eligible('schedule')).toEqual(['waiting_for_activation']);
    expect(eligible('change')).toEqual(['active']);
    expect(eligible('suspend')).toEqual(['active']);
    expect(eligible('resume')).toEqual(['suspended']);
    expect(eligible('delete')).toEqual([...TRANSITIONS.terminate.from]);
  });

  it('splits any selection into eligible services and the others counted by status, losing none', () => {
    fc.assert(
      fc.property(fc.constantFrom(...BULK_ACTION_KINDS), fc.array(fc.record({ id: fc.uuid(), status: fc.constantFrom(...SERVICE_STATUSES) }), { maxLength: 60 }), (kind, rows) => {
        const { eligible, ineligible } = splitEligible(kind, rows);
        expect(eligible.length + ineligible.reduce((s, i) => s + i.count, 0)).toBe(rows.length);
        expect(eligible.every((r) => isEligible(kind, r.status))).toBe(true);
        expect(ineligible.every((i) => !isEligible(kind, i.status) && i.count > 0)).toBe(true);
      }),
    );
  });

  it('prices services alike whatever the order of their options', () => {
    expect(pricingKey({ serviceTypeCode: 'mobile.voice', bundleCode: 'mobile-m', optionCodes: ['b', 'a'] })).toBe(pricingKey({ serviceTypeCode: 'mobile.voice', bundleCode: 'mobile-m', optionCodes: ['a', 'b'] }));
    expect(pricingKey({ serviceTypeCode: 'mobile.voice', bundleCode: 'mobile-m', optionCodes: [] })).not.toBe(pricingKey({ serviceTypeCode: 'mobile.voice', bundleCode: 'mobile-l', optionCodes: [] }));
    const groups = groupBy([{ k: 'a' }, { k: 'b' }, { k: 'a' }], (r) => r.k);
    expect(groups.map((g) => g.length)).toEqual([2, 1]);
  });
});
