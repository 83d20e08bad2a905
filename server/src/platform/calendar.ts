/**
 * Calendar days as the business sees them: a day starts at midnight in Brussels, whatever the
 * server's time zone. Days are 'YYYY-MM-DD' strings, months 'YYYY-MM'; both sort as text.
 */
const BRUSSELS = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit' });

export const brusselsDay = (at: Date): string => BRUSSELS.format(at);

export const monthOfDay = (day: string): string => day.slice(0, 7);

export const firstDayOfMonth = (month: string): string => `${month}-01`;

export const lastDayOfMonth = (month: string): string => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
};

export const isMonth = (s: string) => /^\d{4}-(0[1-9]|1[0-2])$/.test(s);

/**
 * The months a client may ask about. The calendar code above reads years below 100 as 19xx (that
 * is how Date.UTC works) and PostgreSQL has no year 0, so an open range let '0000-01' reach the
 * database as a date it refuses; every contract the portal bills lies well inside this one.
 */
export const MONTH_RANGE = { first: '2000-01', last: '2999-12' } as const;
export const isMonthInRange = (month: string) => month >= MONTH_RANGE.first && month <= MONTH_RANGE.last;

/** The instant a Brussels day begins (its local midnight), as a Date. */
export const brusselsMidnight = (day: string): Date => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  // Brussels is UTC+1 or UTC+2 and changes clocks on whole hours: the first whole UTC hour that is
  // already `day` there is its midnight.
  let t = Date.UTC(y, m - 1, d) - 3 * 3_600_000;
  while (brusselsDay(new Date(t)) < day) t += 3_600_000;
  return new Date(t);
};

export const nextDay = (day: string): string => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
};
