import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alertsApply, crossings, DEFAULT_ALERT_SETTINGS, effectiveSettings, roamingBlockApplies, toAnnounce, type LineMonth } from './thresholds.js';

const line = (over: Partial<LineMonth> = {}): LineMonth => ({ dataMb: 0, dataAllowanceMb: 10_000, outOfBundleCents: 0, roamingDataMb: 0, ...over });
const kinds = (l: LineMonth, settings = DEFAULT_ALERT_SETTINGS) => crossings(l, settings).map((c) => c.kind);

describe('usage alert thresholds', () => {
  it('fires each alert at its edge exactly, not one unit before', () => {
    expect(kinds(line({ dataMb: 7_999 }))).toEqual([]);
    expect(kinds(line({ dataMb: 8_000 }))).toEqual(['data_80']);
    expect(kinds(line({ dataMb: 9_999 }))).toEqual(['data_80']);
    expect(kinds(line({ dataMb: 10_000 }))).toEqual(['data_80', 'data_100']);
    // EUR 50 by default: 4,999 cents is not yet
    expect(kinds(line({ outOfBundleCents: 4_999 }))).toEqual([]);
    expect(kinds(line({ outOfBundleCents: 5_000 }))).toEqual(['spending']);
    // the roaming cap of 1,024 MB: the warning at 819.2 MB means 820 MB, the block at 1,024 MB
    expect(kinds(line({ roamingDataMb: 819 }))).toEqual([]);
    expect(kinds(line({ roamingDataMb: 820 }))).toEqual(['roaming_80']);
    expect(kinds(line({ roamingDataMb: 1_023 }))).toEqual(['roaming_80']);
    expect(kinds(line({ roamingDataMb: 1_024 }))).toEqual(['roaming_80', 'roaming_cap']);
  });

  it('has no data alerts for a line without a data allowance, or with them switched off', () => {
    expect(kinds(line({ dataMb: 50_000, dataAllowanceMb: null }))).toEqual([]);
    expect(kinds(line({ dataMb: 50_000, dataAllowanceMb: 0 }))).toEqual([]);
    expect(kinds(line({ dataMb: 50_000 }), { ...DEFAULT_ALERT_SETTINGS, dataAlerts: false })).toEqual([]);
  });

  it('never takes an alert back as use grows, and reaches every threshold in order', () => {
    fc.assert(
      fc.property(
        fc.record({ dataMb: fc.nat(200_000), outOfBundleCents: fc.nat(100_000), roamingDataMb: fc.nat(10_000) }),
        fc.record({ dataMb: fc.nat(200_000), outOfBundleCents: fc.nat(100_000), roamingDataMb: fc.nat(10_000) }),
        fc.option(fc.integer({ min: 1, max: 100_000 }), { nil: null }),
        fc.record({ dataAlerts: fc.boolean(), spendingAlertCents: fc.integer({ min: 100, max: 1_000_000 }), roamingCapMb: fc.integer({ min: 50, max: 102_400 }) }),
        (a, more, allowance, settings) => {
          const before = kinds({ ...a, dataAllowanceMb: allowance }, settings);
          const after = kinds({ dataMb: a.dataMb + more.dataMb, outOfBundleCents: a.outOfBundleCents + more.outOfBundleCents, roamingDataMb: a.roamingDataMb + more.roamingDataMb, dataAllowanceMb: allowance }, settings);
          for (const k of before) expect(after).toContain(k);
          // 100 % never without 80 %
          if (after.includes('data_100')) expect(after).toContain('data_80');
          if (after.includes('roaming_cap')) expect(after).toContain('roaming_80');
        },
      ),
    );
  });

  it('announces only the higher threshold when one usage file crosses both, and records both', () => {
    const both = crossings(line({ dataMb: 12_000, roamingDataMb: 2_000 }), DEFAULT_ALERT_SETTINGS);
    expect(both.map((c) => c.kind)).toEqual(['data_80', 'data_100', 'roaming_80', 'roaming_cap']);
    expect(toAnnounce(both).map((c) => c.kind)).toEqual(['data_100', 'roaming_cap']);
    // crossed one file after the other, each is announced
    expect(toAnnounce(both.filter((c) => c.kind === 'data_80')).map((c) => c.kind)).toEqual(['data_80']);
  });

  it("takes the line's own settings where it has them, the company's elsewhere, the defaults without either", () => {
    const company = { dataAlerts: false, spendingAlertCents: 2_500, roamingCapMb: 500 };
    expect(effectiveSettings(null, null)).toEqual({ dataAlerts: true, spendingAlertCents: 5_000, roamingCapMb: 1_024 });
    expect(effectiveSettings(company, { dataAlerts: null, spendingAlertCents: 10_000, roamingCapMb: null })).toEqual({ dataAlerts: false, spendingAlertCents: 10_000, roamingCapMb: 500 });
    expect(effectiveSettings(company, { dataAlerts: true })).toEqual({ ...company, dataAlerts: true });
  });
});

describe('months of alerts and of the roaming block', () => {
  it('alerts for the month in progress and for the month just ended while its last file arrives the next day', () => {
    expect(alertsApply('2026-12', '2026-12-06')).toBe(true);
    expect(alertsApply('2026-11', '2026-12-01')).toBe(true);
    expect(alertsApply('2026-11', '2026-12-02')).toBe(false);
    // across a year
    expect(alertsApply('2026-12', '2027-01-01')).toBe(true);
    expect(alertsApply('2026-12', '2027-01-02')).toBe(false);
    // a catch-up after a stop: months long over raise nothing; a month to come neither
    expect(alertsApply('2026-09', '2026-12-06')).toBe(false);
    expect(alertsApply('2027-01', '2026-12-31')).toBe(false);
  });

  it('blocks roaming only in the month in progress: the cap re-arms each month', () => {
    expect(roamingBlockApplies('2026-12', '2026-12-31')).toBe(true);
    expect(roamingBlockApplies('2026-12', '2027-01-01')).toBe(false);
  });

  it('alerts for any day of a month on that month’s days and the first day after it, never later', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }), fc.integer({ min: 0, max: 70 }), (start, after) => {
        const day = start.toISOString().slice(0, 10);
        const month = day.slice(0, 7);
        const later = new Date(Date.parse(`${day}T00:00:00Z`) + after * 86_400_000).toISOString().slice(0, 10);
        const lastOfMonth = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);
        const dayAfterMonth = new Date(Date.parse(`${lastOfMonth}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
        expect(alertsApply(month, later)).toBe(later <= dayAfterMonth);
        expect(roamingBlockApplies(month, later)).toBe(later <= lastOfMonth);
      }),
    );
  });
});
