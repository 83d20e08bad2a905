// The portal shows every time in Belgian time (Europe/Brussels, see shared/i18n/format.ts), so a
// time the administrator types is Belgian time too, whatever the computer's own time zone.
// <input type="datetime-local"> speaks "YYYY-MM-DDTHH:mm" wall-clock values; these helpers turn
// them into ISO instants for the API and back.

const TIME_ZONE = 'Europe/Brussels';

const wallClock = new Intl.DateTimeFormat('en-US', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** The Brussels wall-clock time of an instant, as the milliseconds of that same time read as UTC. */
const wallClockAsUtc = (instant: number): number => {
  const parts = Object.fromEntries(wallClock.formatToParts(new Date(instant)).map((part) => [part.type, part.value]));
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

/** The latest start the server accepts (contract: at most 90 days ahead). */
export const MAX_SCHEDULE_DAYS = 90;

export type ScheduleProblem = 'required' | 'invalid' | 'past' | 'too_far';

/** Why a typed start time cannot be used (the server checks again), or null. */
export const scheduleProblem = (local: string, now = Date.now()): ScheduleProblem | null => {
  if (!local) return 'required';
  const iso = brusselsLocalToIso(local);
  if (!iso) return 'invalid';
  const at = Date.parse(iso);
  if (at <= now) return 'past';
  if (at > now + MAX_SCHEDULE_DAYS * 24 * 3_600_000) return 'too_far';
  return null;
};

/** min/max attributes for the input: from now to 90 days ahead. */
export const scheduleBounds = (now = Date.now()) => ({
  min: isoToBrusselsLocal(now),
  max: isoToBrusselsLocal(now + MAX_SCHEDULE_DAYS * 24 * 3_600_000),
});
