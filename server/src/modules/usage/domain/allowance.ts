import { ratedLine } from '../../network/domain/usage-generator.js';
import { proRataAllowance, type AllowanceStretch } from './bands.js';

export type BundleAllowance = { dataGb: number | null; callMinutes: number | null };
export type HeldChange = { effectiveOn: string; fromBundleCode: string; fromOptionCodes: string[]; toBundleCode: string; toOptionCodes: string[] };

/**
 * A line's allowances of a month, as its bill counts them: each bundle (with its options) for the
 * days it was held, from the day the line went live. `changes` are the line's changes effective from
 * the month's first day on, oldest first; the first one's "from" is what the line held when the month
 * began. Minutes: null when unlimited on any day of the month.
 */
export const monthAllowances = (
  month: string,
  line: { activatedOn: string | null; bundleCode: string; optionCodes: readonly string[] },
  changes: readonly HeldChange[],
  bundle: (code: string) => BundleAllowance,
): { dataMb: number | null; voiceMin: number | null } => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const dayOf = (date: string) => (date.slice(0, 7) < month ? 1 : date.slice(0, 7) > month ? daysInMonth + 1 : Number(date.slice(8, 10)));
  const inMonth = changes.filter((c) => c.effectiveOn.slice(0, 7) === month);
  const startDay = line.activatedOn ? dayOf(line.activatedOn) : 1;
  const held = [
    { fromDay: startDay, code: inMonth[0]?.fromBundleCode ?? (changes[0]?.fromBundleCode ?? line.bundleCode), options: inMonth[0]?.fromOptionCodes ?? changes[0]?.fromOptionCodes ?? line.optionCodes },
    ...inMonth.map((c) => ({ fromDay: Math.max(startDay, dayOf(c.effectiveOn)), code: c.toBundleCode, options: c.toOptionCodes })),
  ];
  const rated = held.map((h) => ({ fromDay: h.fromDay, r: ratedLine('', bundle(h.code), h.options) }));
  const data: AllowanceStretch[] = rated.map((h) => ({ fromDay: h.fromDay, allowance: h.r.dataAllowanceMb }));
  const voice: AllowanceStretch[] = rated.map((h) => ({ fromDay: h.fromDay, allowance: h.r.voiceMinutes }));
  return {
    dataMb: proRataAllowance(data, daysInMonth),
    voiceMin: voice.some((v) => v.allowance === null) ? null : proRataAllowance(voice, daysInMonth),
  };
};
