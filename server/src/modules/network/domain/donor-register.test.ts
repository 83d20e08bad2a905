import { describe, expect, it } from 'vitest';
import { isDonorOperator } from '../../services/domain/donor-operators.js';
import { iccidProblem } from '../../stock/domain/iccid.js';
import { checkBelgianMobile } from '../../stock/domain/phone-numbers.js';
import { DONOR_REGISTER } from './donor-register.js';

describe('the donor register seed', () => {
  it('holds about twenty distinct Belgian mobile numbers in E.164', () => {
    expect(DONOR_REGISTER.length).toBeGreaterThanOrEqual(20);
    expect(new Set(DONOR_REGISTER.map((e) => e.msisdn)).size).toBe(DONOR_REGISTER.length);
    for (const e of DONOR_REGISTER) expect(checkBelgianMobile(e.msisdn), e.msisdn).toEqual({ ok: true, e164: e.msisdn });
  });

  it('spreads over the usual mobile ranges', () => {
    const ranges = new Set(DONOR_REGISTER.map((e) => e.msisdn.slice(3, 6)));
    expect([...ranges].sort()).toEqual(['475', '476', '477', '478', '479', '484', '485', '486', '494', '495', '496']);
  });

  it('names donor operators the wizard offers, with the proof each account type needs', () => {
    for (const e of DONOR_REGISTER) {
      expect(isDonorOperator(e.operator), e.operator).toBe(true);
      if (e.accountType === 'postpaid') expect(e.customerNumber, e.msisdn).toMatch(/^[A-Za-z0-9][A-Za-z0-9 ./-]{2,29}$/);
      else expect(iccidProblem(e.simNumber ?? ''), e.msisdn).toBeNull();
    }
    expect(DONOR_REGISTER.filter((e) => e.accountType === 'prepaid').length).toBeGreaterThan(4);
  });

  it('has the Acme number the browser tests port', () => {
    expect(DONOR_REGISTER).toContainEqual({
      msisdn: '+32475123456',
      operator: 'proximus',
      accountType: 'postpaid',
      customerNumber: '1234567',
      simNumber: null,
      holderName: 'Acme Logistics NV',
    });
  });
});
