import type { RoamingZone, UsageRecord } from '../network-gateway.js';
import { hashToSeed, seededRandom, type Random } from './random.js';

/**
 * The simulated network's usage: what every line in service uses each day, rated against its
 * bundle, drawn from a seed so that a day's file is the same whenever it is asked for. The shape is
 * what fleets show: most lines stay well under their bundle, some come near, a few go over, a
 * handful use many times their allowance; in summer a quarter of the lines go abroad for a week or
 * two (mostly in the EU), and a few travel for work the rest of the year.
 */

/** What the operator's rating knows of a line: its allowances for the month, from its bundle and options. */
export type RatedLine = {
  msisdn: string;
  /** Monthly national data allowance; null: the line carries no mobile data (a UC seat). */
  dataAllowanceMb: number | null;
  /** Monthly call minutes; null: unlimited; 0: a data-only line (no calls, no SMS). */
  voiceMinutes: number | null;
  /** International call minutes included by an option. */
  internationalMinutes: number;
  /** The Roaming World pack: outside the EU counts against the bundle as at home. */
  worldRoaming: boolean;
};

/** Prices of what a bundle does not include, in euro cents. */
export const OUT_OF_BUNDLE_RATES = {
  dataPerMb: 1,
  nationalMinute: 15,
  internationalMinute: 35,
  worldDataPerMb: 10,
  worldMinute: 75,
} as const;

/** What bundle options add to a line's allowances (catalog codes). */
const OPTION_EFFECTS: Record<string, Partial<{ dataMb: number; internationalMinutes: number; worldRoaming: boolean }>> = {
  'data-10': { dataMb: 10 * 1024 },
  'intl-100': { internationalMinutes: 100 },
  'intl-500': { internationalMinutes: 500 },
  'roaming-world': { worldRoaming: true },
};

/** A line's allowances from its bundle (data in GB, minutes; null = none / unlimited) and its options. */
export const ratedLine = (msisdn: string, bundle: { dataGb: number | null; callMinutes: number | null }, optionCodes: readonly string[]): RatedLine => {
  const effects = optionCodes.map((c) => OPTION_EFFECTS[c] ?? {});
  const extraMb = effects.reduce((n, e) => n + (e.dataMb ?? 0), 0);
  return {
    msisdn,
    dataAllowanceMb: bundle.dataGb === null ? null : Math.round(bundle.dataGb * 1024) + extraMb,
    voiceMinutes: bundle.callMinutes,
    internationalMinutes: effects.reduce((n, e) => n + (e.internationalMinutes ?? 0), 0),
    worldRoaming: effects.some((e) => e.worldRoaming === true),
  };
};

/** How much of its bundle a line tends to use in a month: the fleet's mix. */
const TENDENCIES: { share: number; from: number; to: number }[] = [
  { share: 0.6, from: 0.1, to: 0.6 },
  { share: 0.22, from: 0.6, to: 0.8 },
  { share: 0.1, from: 0.8, to: 1.0 },
  { share: 0.06, from: 1.0, to: 1.4 },
  { share: 0.02, from: 2.0, to: 6.0 }, // the outliers: a hotspot for the team, a video call left running
];

const between = (r: Random, from: number, to: number) => from + (to - from) * r();

const pickTendency = (r: Random) => {
  let u = r();
  for (const t of TENDENCIES) {
    if (u < t.share) return between(r, t.from, t.to);
    u -= t.share;
  }
  return between(r, 0.1, 0.6);
};

const dayParts = (day: string) => day.split('-').map(Number) as [number, number, number];
const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const dayOfYear = (y: number, m: number, d: number) => Math.round((Date.UTC(y, m - 1, d) - Date.UTC(y, 0, 1)) / 86_400_000);

/** A line's trip abroad, if any, in a month: the days (of the month) it roams and where. */
type Trip = { firstDay: number; lastDay: number; zone: RoamingZone } | null;

/**
 * Summer trips are drawn per line and year (one holiday of 5–16 days starting between late June and
 * late August), business trips per line and month (2–5 days). A summer trip that spans two months
 * shows in both.
 */
const tripOn = (seed: number, msisdn: string, y: number, m: number, d: number): RoamingZone | null => {
  const year = seededRandom(hashToSeed(seed, `trip:${msisdn}:${y}`));
  if (year() < 0.25) {
    const start = 175 + Math.floor(year() * 60); // day of year: from about 24 June to 23 August
    const length = 5 + Math.floor(year() * 12);
    const zone: RoamingZone = year() < 0.85 ? 'eu' : 'world';
    const doy = dayOfYear(y, m, d);
    if (doy >= start && doy < start + length) return zone;
  }
  const month = seededRandom(hashToSeed(seed, `work-trip:${msisdn}:${y}-${m}`));
  if (month() < 0.04) {
    const trip: Trip = { firstDay: 1 + Math.floor(month() * 25), lastDay: 0, zone: month() < 0.7 ? 'eu' : 'world' };
    trip.lastDay = trip.firstDay + 1 + Math.floor(month() * 4);
    if (d >= trip.firstDay && d <= trip.lastDay) return trip.zone;
  }
  return null;
};

/** One day's raw use of a line, before rating: volumes only. */
type RawDay = { dataMb: number; nationalMin: number; internationalMin: number; sms: number; zone: RoamingZone | null };

const rawDay = (seed: number, line: RatedLine, y: number, m: number, d: number): RawDay => {
  const profile = seededRandom(hashToSeed(seed, `line:${line.msisdn}`));
  const dataTendency = pickTendency(profile);
  const voiceTendency = pickTendency(profile);
  const talksAbroad = profile() < 0.12;
  const month = seededRandom(hashToSeed(seed, `month:${line.msisdn}:${y}-${m}`));
  const monthly = between(month, 0.85, 1.15);
  const day = seededRandom(hashToSeed(seed, `day:${line.msisdn}:${y}-${m}-${d}`));
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  const rhythm = (weekday === 0 || weekday === 6 ? 0.6 : 1.15) * between(day, 0.4, 1.6);
  const n = daysInMonth(y, m);

  const dataBase = line.dataAllowanceMb === null ? 0 : line.dataAllowanceMb > 0 ? line.dataAllowanceMb : 2048;
  const dataMb = Math.round(((dataBase * dataTendency * monthly) / n) * rhythm);
  const speaks = line.voiceMinutes !== 0;
  const voiceBase = line.voiceMinutes === null ? 600 : line.voiceMinutes;
  const nationalMin = speaks ? Math.round(((voiceBase * voiceTendency * monthly) / n) * rhythm) : 0;
  // calls abroad come on some days only: a few a month for the lines that make them
  const internationalMin = speaks && talksAbroad && day() < 0.3 ? Math.floor(day() * 8 * rhythm) : 0;
  const sms = speaks ? Math.floor(day() * 8) : 0;
  return { dataMb, nationalMin, internationalMin, sms, zone: line.dataAllowanceMb === null ? null : tripOn(seed, line.msisdn, y, m, d) };
};

/** Running totals of a month, to know when a line passes its allowances. */
type MonthSoFar = { dataMb: number; nationalMin: number; internationalMin: number };

/**
 * Rates one day given what the month used before it. Data at home and in the EU counts against the
 * allowance (roam like at home); outside the EU it does only with the Roaming World pack, otherwise
 * each MB and minute is charged.
 */
const rateDay = (line: RatedLine, raw: RawDay, before: MonthSoFar): { record: Omit<UsageRecord, 'msisdn'>; after: MonthSoFar } => {
  const abroad = raw.zone !== null;
  const charged = raw.zone === 'world' && !line.worldRoaming;
  const roamingDataMb = abroad ? Math.round(raw.dataMb * 0.8) : 0;
  const homeDataMb = raw.dataMb - roamingDataMb;
  const roamingVoiceMin = abroad ? Math.round(raw.nationalMin * 0.5) : 0;
  const nationalMin = raw.nationalMin - roamingVoiceMin;

  const countedData = homeDataMb + (charged ? 0 : roamingDataMb);
  const countedVoice = nationalMin + (charged ? 0 : roamingVoiceMin);
  const over = (used: number, adding: number, allowance: number | null) => (allowance === null ? 0 : Math.max(0, Math.min(adding, used + adding - allowance)));

  const cents =
    over(before.dataMb, countedData, line.dataAllowanceMb) * OUT_OF_BUNDLE_RATES.dataPerMb +
    over(before.nationalMin, countedVoice, line.voiceMinutes) * OUT_OF_BUNDLE_RATES.nationalMinute +
    over(before.internationalMin, raw.internationalMin, line.internationalMinutes) * OUT_OF_BUNDLE_RATES.internationalMinute +
    (charged ? roamingDataMb * OUT_OF_BUNDLE_RATES.worldDataPerMb + roamingVoiceMin * OUT_OF_BUNDLE_RATES.worldMinute : 0);

  return {
    record: {
      dataMb: homeDataMb,
      voiceNationalMin: nationalMin,
      voiceInternationalMin: raw.internationalMin,
      sms: raw.sms,
      roamingZone: raw.zone,
      roamingDataMb,
      roamingVoiceMin,
      outOfBundleCents: cents,
    },
    after: { dataMb: before.dataMb + countedData, nationalMin: before.nationalMin + countedVoice, internationalMin: before.internationalMin + raw.internationalMin },
  };
};

/**
 * A line's rated usage on each day of a month up to `day` (YYYY-MM-DD), null on days it had none.
 * `carries(day)` says whether the network carried the line's traffic on a day: a suspended or barred
 * day has no usage and uses up no allowance. Each day is rated against the days before it, so the
 * out-of-bundle charges of a month add up as they would on the operator's bill.
 */
/** Which kinds of traffic the network barred a line from on a day (it then used none of them that day). */
export type DayBarrings = (day: string) => { roaming: boolean; international: boolean };

/**
 * A day as the network let it happen: abroad with roaming barred, the line used nothing abroad (only
 * what it used before leaving or after coming home, the day's home share); calls abroad barred, none.
 */
const barredDay = (raw: RawDay, barred: { roaming: boolean; international: boolean }): RawDay => {
  if (!barred.roaming && !barred.international) return raw;
  let out = raw;
  if (barred.roaming && raw.zone !== null) {
    const homeData = raw.dataMb - Math.round(raw.dataMb * 0.8);
    const homeVoice = raw.nationalMin - Math.round(raw.nationalMin * 0.5);
    out = { ...out, zone: null, dataMb: homeData, nationalMin: homeVoice };
  }
  return barred.international ? { ...out, internationalMin: 0 } : out;
};

export const usageOfMonthUpTo = (seed: number, line: RatedLine, day: string, carries: (day: string) => boolean = () => true, barrings?: DayBarrings): (UsageRecord | null)[] => {
  const [y, m, d] = dayParts(day);
  if (line.dataAllowanceMb === null && line.voiceMinutes === null) return Array.from({ length: d }, () => null);
  const prefix = day.slice(0, 8);
  let soFar: MonthSoFar = { dataMb: 0, nationalMin: 0, internationalMin: 0 };
  const out: (UsageRecord | null)[] = [];
  for (let i = 1; i <= d; i += 1) {
    if (!carries(`${prefix}${String(i).padStart(2, '0')}`)) {
      out.push(null);
      continue;
    }
    const raw = rawDay(seed, line, y, m, i);
    const { record, after } = rateDay(line, barrings ? barredDay(raw, barrings(`${prefix}${String(i).padStart(2, '0')}`)) : raw, soFar);
    soFar = after;
    const used = record.dataMb + record.voiceNationalMin + record.voiceInternationalMin + record.sms + record.roamingDataMb + record.roamingVoiceMin;
    out.push(used === 0 ? null : { msisdn: line.msisdn, ...record });
  }
  return out;
};

/** A line's rated usage on `day`, or null when it had none (see usageOfMonthUpTo). */
export const usageOfDay = (seed: number, line: RatedLine, day: string, carries?: (day: string) => boolean, barrings?: DayBarrings): UsageRecord | null =>
  usageOfMonthUpTo(seed, line, day, carries, barrings).at(-1) ?? null;
