/**
 * "Billing – changed services": the billing month is the calendar month; a change takes effect on
 * the day it is confirmed. From that day to the end of the month the old bundle and options are
 * credited and the new ones charged, pro rata by days. A new service is charged from the day it
 * becomes active, a deleted one credited from the day it ends. Amounts are euro cents, rounded once
 * per line (half away from zero), so a line never depends on how other lines were rounded.
 */
export type PricedItem = { code: string; monthlyPriceCents: number };
export type BillingLine = { code: string; kind: 'charge' | 'credit'; days: number; daysInMonth: number; amountCents: number };

/** A calendar date as the bill sees it (no time of day, no time zone). */
export type BillDate = { year: number; month: number; day: number };

export const parseBillDate = (iso: string): BillDate => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`not a date: ${iso}`);
  const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  if (date.month < 1 || date.month > 12 || date.day < 1 || date.day > daysInMonth(date.year, date.month)) throw new Error(`not a date: ${iso}`);
  return date;
};

export const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Days from `date` (included) to the end of its month. */
export const remainingDays = (date: BillDate) => daysInMonth(date.year, date.month) - date.day + 1;

const roundHalfAwayFromZero = (x: number) => Math.sign(x) * Math.round(Math.abs(x));

/** One line: the item's monthly price for the rest of the month from `date`. */
export const proRataLine = (item: PricedItem, date: BillDate, kind: BillingLine['kind']): BillingLine => {
  const dim = daysInMonth(date.year, date.month);
  const days = remainingDays(date);
  // integer arithmetic first, one rounding at the end
  const amount = roundHalfAwayFromZero((item.monthlyPriceCents * days) / dim);
  return { code: item.code, kind, days, daysInMonth: dim, amountCents: kind === 'credit' && amount !== 0 ? -amount : amount };
};

/** A change of bundle and options on `date`: credit what goes, charge what comes; unchanged items cancel out and are left off. */
export const changeLines = (before: PricedItem[], after: PricedItem[], date: BillDate): BillingLine[] => {
  const same = (a: PricedItem, b: PricedItem) => a.code === b.code && a.monthlyPriceCents === b.monthlyPriceCents;
  const gone = before.filter((b) => !after.some((a) => same(a, b)));
  const come = after.filter((a) => !before.some((b) => same(a, b)));
  return [...gone.map((i) => proRataLine(i, date, 'credit')), ...come.map((i) => proRataLine(i, date, 'charge'))];
};

export const newServiceLines = (items: PricedItem[], activeFrom: BillDate) => items.map((i) => proRataLine(i, activeFrom, 'charge'));
export const endedServiceLines = (items: PricedItem[], endsOn: BillDate) => items.map((i) => proRataLine(i, endsOn, 'credit'));

export const totalCents = (lines: BillingLine[]) => lines.reduce((sum, l) => sum + l.amountCents, 0);
