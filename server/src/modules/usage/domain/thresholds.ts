import { addMonths } from './months.js';

/**
 * Usage alerts as the Belgian regulator (BIPT) asks for them, free of HTTP and database: a data alert
 * at 80 % and at 100 % of the bundle, an out-of-bundle spending alert (EUR 50 unless the customer
 * chose another amount), and a roaming data cap with a warning at 80 % and a block at the cap. Each
 * threshold alerts once per line and month; every edge is "reached" (at exactly 80 % the 80 % alert goes).
 */
export const USAGE_ALERT_KINDS = ['data_80', 'data_100', 'spending', 'roaming_80', 'roaming_cap'] as const;
export type UsageAlertKind = (typeof USAGE_ALERT_KINDS)[number];

export type AlertSettings = {
  /** The 80 % and 100 % data alerts. */
  dataAlerts: boolean;
  /** Out-of-bundle charges of the month that raise the spending alert, in euro cents. */
  spendingAlertCents: number;
  /** Roaming data a month may use before roaming is blocked (warning at 80 %), in MB. */
  roamingCapMb: number;
};

/** What a company has before it chose anything: the regulator's EUR 50 and a 1 GB roaming cap. */
export const DEFAULT_ALERT_SETTINGS: AlertSettings = { dataAlerts: true, spendingAlertCents: 5_000, roamingCapMb: 1_024 };

/** The amounts an administrator can choose: from EUR 1 to EUR 10,000, and from 50 MB to 100 GB of roaming. */
export const ALERT_LIMITS = {
  spendingAlertCents: { min: 100, max: 1_000_000 },
  roamingCapMb: { min: 50, max: 102_400 },
} as const;

/** A line's own choices; null (or absent) takes the company's. */
export type LineAlertOverride = { [K in keyof AlertSettings]?: AlertSettings[K] | null };

export const effectiveSettings = (company: AlertSettings | null, line: LineAlertOverride | null): AlertSettings => {
  const base = company ?? DEFAULT_ALERT_SETTINGS;
  return {
    dataAlerts: line?.dataAlerts ?? base.dataAlerts,
    spendingAlertCents: line?.spendingAlertCents ?? base.spendingAlertCents,
    roamingCapMb: line?.roamingCapMb ?? base.roamingCapMb,
  };
};

/** A line's month so far: data against its (pro-rata) allowance, out-of-bundle charges, roaming data. */
export type LineMonth = { dataMb: number; dataAllowanceMb: number | null; outOfBundleCents: number; roamingDataMb: number };

/** A threshold reached: what was used and the limit it is measured against (MB or cents). */
export type Crossing = { kind: UsageAlertKind; used: number; threshold: number };

const reached = (used: number, limit: number, percent: number) => used * 100 >= limit * percent;

/** Every threshold the line has reached this month, in the order of USAGE_ALERT_KINDS (whole numbers: no rounding moves an edge). */
export const crossings = (line: LineMonth, settings: AlertSettings): Crossing[] => {
  const out: Crossing[] = [];
  const allowance = line.dataAllowanceMb;
  if (settings.dataAlerts && allowance !== null && allowance > 0) {
    if (reached(line.dataMb, allowance, 80)) out.push({ kind: 'data_80', used: line.dataMb, threshold: allowance });
    if (reached(line.dataMb, allowance, 100)) out.push({ kind: 'data_100', used: line.dataMb, threshold: allowance });
  }
  if (line.outOfBundleCents >= settings.spendingAlertCents) out.push({ kind: 'spending', used: line.outOfBundleCents, threshold: settings.spendingAlertCents });
  if (reached(line.roamingDataMb, settings.roamingCapMb, 80)) out.push({ kind: 'roaming_80', used: line.roamingDataMb, threshold: settings.roamingCapMb });
  if (reached(line.roamingDataMb, settings.roamingCapMb, 100)) out.push({ kind: 'roaming_cap', used: line.roamingDataMb, threshold: settings.roamingCapMb });
  return out;
};

/**
 * Of the crossings new this time, those worth an e-mail: a line that went from under 80 % to over its
 * bundle in one day hears of the 100 % only (the 80 % is recorded all the same, so it never comes later).
 */
export const toAnnounce = (fresh: readonly Crossing[]): Crossing[] => {
  const kinds = new Set(fresh.map((c) => c.kind));
  return fresh.filter((c) => !(c.kind === 'data_80' && kinds.has('data_100')) && !(c.kind === 'roaming_80' && kinds.has('roaming_cap')));
};

const previousDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/**
 * Whether usage of `month` (YYYY-MM) still raises alerts on `today` (a Brussels day): the month in
 * progress, and the month just ended while its last day's file arrives (the day after). Older months
 * loaded late (a catch-up after a stop, the first start) raise none: the month is over, the bill says it.
 */
export const alertsApply = (month: string, today: string): boolean => month <= today.slice(0, 7) && month >= previousDay(today).slice(0, 7);

/** Whether reaching the roaming cap blocks roaming: only in the month in progress (the cap re-arms each month). */
export const roamingBlockApplies = (month: string, today: string): boolean => month === today.slice(0, 7);

/** The month after `month`: where a roaming block of `month` ends. */
export const monthAfter = (month: string) => addMonths(month, 1);
