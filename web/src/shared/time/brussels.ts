// The portal counts time in Belgium (Europe/Brussels), whatever the computer's own time zone: dates
// and times are shown in it (shared/i18n/format.ts), a day or a billing month is a Brussels one (as
// the server counts them), and a time the administrator types is Brussels wall-clock time.
// <input type="datetime-local"> speaks "YYYY-MM-DDTHH:mm" wall-clock values; these helpers turn them
// into ISO instants for the API and back. This file is the one place that knows the zone.

export const BRUSSELS = 'Europe/Brussels';

const wallClock = new Intl.DateTimeFormat('en-US', {
  timeZone: BRUSSELS,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** Year, month, day, hour, minute and second of an instant on a Brussels clock, as two-digit strings (four for the year). */
const brusselsParts = (instant: number | Date) =>
  Object.fromEntries(wallClock.formatToParts(instant).map((part) => [part.type, part.value])) as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', string>;

/** Today in Brussels, as the server counts days: "YYYY-MM-DD". */
export const brusselsToday = (now: Date = new Date()): string => {
  const parts = brusselsParts(now);
  return `${parts.year}-${parts.month}-${parts.day}`;
};

/** The current month in Brussels, e.g. "2026-05" (the 1st begins at midnight Belgian time). */
export const brusselsMonth = (now: Date = new Date()): string => brusselsToday(now).slice(0, 7);

/** The Brussels wall-clock time of an instant, as the milliseconds of that same time read as UTC. */
const wallClockAsUtc = (instant: number): number => {
  const parts = brusselsParts(instant);
  return Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
};

const LOCAL_VALUE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** "2026-11-23T08:30" (Brussels) → "2026-11-23T07:30:00.000Z"; null when it is not such a value. */
export const brusselsLocalToIso = (local: string): string | null => {
  const match = LOCAL_VALUE.exec(local);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  if (Number.isNaN(asUtc)) return null;
  // The zone's offset at that moment; a second pass settles the hours around a clock change.
  let instant = asUtc - (wallClockAsUtc(asUtc) - asUtc);
  instant = asUtc - (wallClockAsUtc(instant) - instant);
  return new Date(instant).toISOString();
};

/** An instant as the "YYYY-MM-DDTHH:mm" Brussels value a datetime-local input shows. */
export const isoToBrusselsLocal = (iso: string | number | Date): string =>
  new Date(wallClockAsUtc(new Date(iso).getTime())).toISOString().slice(0, 16);
