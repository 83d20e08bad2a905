import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OUT_OF_BUNDLE_RATES, ratedLine, usageOfDay, usageOfMonthUpTo, type RatedLine } from './usage-generator.js';

const SEED = 42;
const days = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const n = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return Array.from({ length: n }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`);
};
const msisdn = (i: number) => `+3247${String(1_000_000 + i).padStart(7, '0')}`;
const mobileM = (i: number) => ratedLine(msisdn(i), { dataGb: 20, callMinutes: null }, []);
const monthOf = (line: RatedLine, month: string) => usageOfMonthUpTo(SEED, line, days(month).at(-1)!);
const sum = (records: ReturnType<typeof monthOf>, pick: (r: NonNullable<ReturnType<typeof monthOf>[number]>) => number) => records.reduce((n, r) => n + (r ? pick(r) : 0), 0);

const day = fc.date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const line = fc
  .record({
    i: fc.nat(100_000),
    dataGb: fc.option(fc.constantFrom(5, 10, 20, 40, 100), { nil: null }),
    callMinutes: fc.option(fc.constantFrom(0, 300, 500), { nil: null }),
    options: fc.subarray(['data-10', 'intl-100', 'roaming-world']),
  })
  .map((l) => ratedLine(msisdn(l.i), { dataGb: l.dataGb, callMinutes: l.callMinutes }, l.options));

describe('usage generator', () => {
  it('draws the same day the same way, in whole non-negative units', () => {
    fc.assert(
      fc.property(line, day, (l, d) => {
        const r = usageOfDay(SEED, l, d);
        expect(usageOfDay(SEED, l, d)).toEqual(r);
        if (!r) return;
        const figures = [r.dataMb, r.voiceNationalMin, r.voiceInternationalMin, r.sms, r.roamingDataMb, r.roamingVoiceMin, r.outOfBundleCents];
        expect(figures.every((n) => Number.isInteger(n) && n >= 0)).toBe(true);
        if (r.roamingZone === null) expect([r.roamingDataMb, r.roamingVoiceMin]).toEqual([0, 0]);
      }),
    );
  });

  it('gives a line the network did not carry no usage, and a data-only line no calls', () => {
    fc.assert(
      fc.property(line, day, (l, d) => {
        expect(usageOfDay(SEED, l, d, (x) => x !== d)).toBeNull();
        const r = usageOfDay(SEED, { ...l, voiceMinutes: 0 }, d);
        if (r) expect([r.voiceNationalMin, r.voiceInternationalMin, r.sms, r.roamingVoiceMin]).toEqual([0, 0, 0, 0]);
      }),
    );
  });

  it('charges only what the bundle lacks: with unlimited calls and the options, nothing until the data allowance is used up', () => {
    fc.assert(
      fc.property(line, day, (l, d) => {
        if (l.dataAllowanceMb === null) return;
        const covered: RatedLine = { ...l, voiceMinutes: null, internationalMinutes: 1e6, worldRoaming: true };
        let used = 0;
        for (const r of usageOfMonthUpTo(SEED, covered, d)) {
          used += r ? r.dataMb + r.roamingDataMb : 0;
          if (used <= l.dataAllowanceMb) expect(r?.outOfBundleCents ?? 0).toBe(0);
        }
      }),
    );
  });

  it('agrees day by day with the month drawn at once', () => {
    fc.assert(
      fc.property(line, day, (l, d) => {
        expect(usageOfDay(SEED, l, d)).toEqual(usageOfMonthUpTo(SEED, l, d).at(-1));
      }),
      { numRuns: 30 },
    );
  });

  it("adds up a month's data charges to what passed the allowance, counted once (data-only line, roaming covered)", () => {
    fc.assert(
      fc.property(fc.nat(100_000), fc.constantFrom('2026-02', '2026-07', '2026-12'), fc.constantFrom(1, 5, 20), (i, month, gb) => {
        const l: RatedLine = { msisdn: msisdn(i), dataAllowanceMb: gb * 1024, voiceMinutes: 0, internationalMinutes: 0, worldRoaming: true };
        const records = monthOf(l, month);
        const used = sum(records, (r) => r.dataMb + r.roamingDataMb);
        expect(sum(records, (r) => r.outOfBundleCents)).toBe(Math.max(0, used - gb * 1024) * OUT_OF_BUNDLE_RATES.dataPerMb);
      }),
      { numRuns: 30 },
    );
  });

  it('keeps days the network cut out of the allowance: later days are never charged more', () => {
    fc.assert(
      fc.property(fc.nat(100_000), fc.integer({ min: 1, max: 27 }), (i, cut) => {
        const l = ratedLine(msisdn(i), { dataGb: 5, callMinutes: 300 }, []);
        const last = '2026-10-28';
        const cutDay = `2026-10-${String(cut).padStart(2, '0')}`;
        const carried = usageOfDay(SEED, l, last)?.outOfBundleCents ?? 0;
        const withCut = usageOfDay(SEED, l, last, (d) => d !== cutDay)?.outOfBundleCents ?? 0;
        expect(withCut).toBeLessThanOrEqual(carried);
      }),
      { numRuns: 50 },
    );
  });

  it('looks like a fleet: most lines well under their bundle, a few over, a handful far over', () => {
    const usedShare = Array.from({ length: 1500 }, (_, i) => sum(monthOf(mobileM(i), '2026-10'), (r) => r.dataMb + r.roamingDataMb) / (20 * 1024));
    const share = (test: (x: number) => boolean) => usedShare.filter(test).length / usedShare.length;
    expect(share((x) => x < 0.8)).toBeGreaterThan(0.7);
    expect(share((x) => x >= 0.8 && x <= 1)).toBeGreaterThan(0.05);
    expect(share((x) => x > 1)).toBeGreaterThan(0.03);
    expect(share((x) => x > 1)).toBeLessThan(0.15);
    expect(share((x) => x > 2)).toBeGreaterThan(0.005);
    expect(share((x) => x > 2)).toBeLessThan(0.04);
  });

  it('sends a quarter of the lines abroad in summer, mostly in the EU, and few the rest of the year', () => {
    const roamed = (month: string) =>
      Array.from({ length: 1000 }, (_, i) => monthOf(mobileM(i), month).filter((r) => r?.roamingZone)).filter((r) => r.length > 0);
    const summer = [...roamed('2026-07'), ...roamed('2026-08')];
    const november = roamed('2026-11');
    expect(summer.length / 2000).toBeGreaterThan(0.1);
    const zones = summer.flat().map((r) => r!.roamingZone);
    expect(zones.filter((z) => z === 'eu').length / zones.length).toBeGreaterThan(0.6);
    expect(november.length / 1000).toBeLessThan(0.08);
    expect(november.length).toBeGreaterThan(0);
  });
});

describe('usage while a kind of traffic is barred', () => {
  it('has no roaming on the days roaming is barred (the home share stays), and no calls abroad while international calls are', () => {
    const august = days('2026-08');
    let roamingDays = 0;
    for (let i = 0; i < 400; i += 1) {
      const line = mobileM(i);
      const free = usageOfMonthUpTo(SEED, line, '2026-08-31');
      const barred = usageOfMonthUpTo(SEED, line, '2026-08-31', () => true, () => ({ roaming: true, international: true }));
      free.forEach((day, d) => {
        const b = barred[d];
        expect(b?.roamingDataMb ?? 0).toBe(0);
        expect(b?.roamingZone ?? null).toBeNull();
        expect(b?.voiceInternationalMin ?? 0).toBe(0);
        if (day?.roamingZone) {
          roamingDays += 1;
          expect(b?.dataMb ?? 0).toBe(day.dataMb);
        }
      });
      // barred only on the month's last days: the days before are as they were
      const lateBar = usageOfMonthUpTo(SEED, line, '2026-08-31', () => true, (d) => ({ roaming: d >= august[25]!, international: false }));
      expect(lateBar.slice(0, 25)).toEqual(free.slice(0, 25));
    }
    expect(roamingDays).toBeGreaterThan(0);
  });
});
