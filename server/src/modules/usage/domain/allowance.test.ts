import { describe, expect, it } from 'vitest';
import { monthAllowances, type BundleAllowance } from './allowance.js';

const BUNDLES: Record<string, BundleAllowance> = { s: { dataGb: 5, callMinutes: 300 }, m: { dataGb: 20, callMinutes: null }, l: { dataGb: 100, callMinutes: null } };
const bundle = (code: string) => BUNDLES[code]!;
const line = { activatedOn: '2025-04-01', bundleCode: 'm', optionCodes: [] };
const change = (effectiveOn: string, from: string, to: string, toOptions: string[] = []) => ({ effectiveOn, fromBundleCode: from, fromOptionCodes: [], toBundleCode: to, toOptionCodes: toOptions });

describe('month allowances', () => {
  it('is the bundle with its options for a line that held it all month', () => {
    expect(monthAllowances('2026-11', line, [], bundle)).toEqual({ dataMb: 20 * 1024, voiceMin: null });
    expect(monthAllowances('2026-11', { ...line, bundleCode: 's', optionCodes: ['data-10'] }, [], bundle)).toEqual({ dataMb: 15 * 1024, voiceMin: 300 });
  });

  it('is pro rata for a line that changed bundle mid-month (S until the 16th of November, M after)', () => {
    const result = monthAllowances('2026-11', line, [change('2026-11-16', 's', 'm')], bundle);
    expect(result.dataMb).toBe(Math.floor((5 * 1024 * 15 + 20 * 1024 * 15) / 30));
    expect(result.voiceMin).toBeNull();
  });

  it('reads the bundle held in a past month from the first change after it', () => {
    expect(monthAllowances('2026-10', line, [change('2026-11-16', 's', 'm')], bundle)).toEqual({ dataMb: 5 * 1024, voiceMin: 300 });
  });

  it('counts from the day the line went live in its first month, to the last day of a short month', () => {
    expect(monthAllowances('2026-02', { ...line, activatedOn: '2026-02-15', bundleCode: 's' }, [], bundle)).toEqual({
      dataMb: Math.floor((5 * 1024 * 14) / 28),
      voiceMin: Math.floor((300 * 14) / 28),
    });
    expect(monthAllowances('2026-02', { ...line, activatedOn: '2026-02-28', bundleCode: 's' }, [], bundle).voiceMin).toBe(Math.floor(300 / 28));
  });
});
