import { DateTime } from 'luxon';

export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;
const GREGORIAN_CYCLE_MS = 146_097 * DAY_MS;

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/**
 * Parses an ISO date or date-time written in local time of `zone` (a bare date is the
 * start of that day). An explicit offset is honoured. Returns epoch milliseconds, or
 * undefined when the text is not a real date (2023-02-30 is refused, not rolled over).
 */
export function parseLocal(text: string, zone: string): number | undefined {
  const m = ISO.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((v) => (v === undefined ? 0 : Number(v)));
  const millis = m[7] === undefined ? 0 : Number(m[7].padEnd(3, '0'));
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined;
  // Date.UTC reads years 0-99 as 1900-1999; 400 Gregorian years later the calendar is the same.
  const wall =
    year < 100
      ? Date.UTC(year + 400, month - 1, day, hour, minute, second, millis) - GREGORIAN_CYCLE_MS
      : Date.UTC(year, month - 1, day, hour, minute, second, millis);
  if (new Date(wall).getUTCDate() !== day) return undefined;
  const offset = m[8];
  if (offset === undefined) return fromWallClock(wall, zone);
  if (offset === 'Z') return wall;
  const sign = offset.startsWith('-') ? -1 : 1;
  return wall - sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6))) * 60_000;
}

export function isValidZone(zone: string): boolean {
  return DateTime.local().setZone(zone).isValid;
}

// Protocols ask for local days and months on every event, and zone look-ups through
// Intl are slow. Offsets change only on hour boundaries and on few days a year, so a
// UTC day whose offset is the same at both ends is cached whole, other days by the hour.
const dayCache = new Map<string, Map<number, number>>();
const hourCache = new Map<string, Map<number, number>>();
const MIXED = Number.NaN;

function lookUpOffset(ms: number, zone: string): number {
  return DateTime.fromMillis(ms, { zone }).offset * 60_000;
}

function cacheFor(caches: Map<string, Map<number, number>>, zone: string): Map<number, number> {
  let cache = caches.get(zone);
  if (!cache) caches.set(zone, (cache = new Map<number, number>()));
  else if (cache.size > 100_000) cache.clear();
  return cache;
}

/** The zone's offset from UTC in milliseconds at instant `ms`. */
export function zoneOffset(ms: number, zone: string): number {
  const days = cacheFor(dayCache, zone);
  const day = Math.floor(ms / DAY_MS);
  let offset = days.get(day);
  if (offset === undefined) {
    const start = lookUpOffset(day * DAY_MS, zone);
    offset = start === lookUpOffset(day * DAY_MS + DAY_MS - HOUR_MS, zone) ? start : MIXED;
    days.set(day, offset);
  }
  if (!Number.isNaN(offset)) return offset;
  const hours = cacheFor(hourCache, zone);
  const hour = Math.floor(ms / HOUR_MS);
  let hourly = hours.get(hour);
  if (hourly === undefined) hours.set(hour, (hourly = lookUpOffset(hour * HOUR_MS, zone)));
  return hourly;
}

/**
 * The UTC instant of a wall-clock time (given as if it were UTC) in `zone`. In the hour
 * that repeats when clocks go back the earlier instant is taken; a time skipped when
 * clocks go forward moves forward by the gap (both as luxon does).
 */
function fromWallClock(wall: number, zone: string): number {
  const before = zoneOffset(wall - DAY_MS, zone);
  const after = zoneOffset(wall + DAY_MS, zone);
  const early = wall - before;
  if (zoneOffset(early, zone) === before)
    return before === after ? early : Math.min(early, zoneOffset(wall - after, zone) === after ? wall - after : early);
  const late = wall - after;
  return zoneOffset(late, zone) === after ? late : early;
}

/** The last millisecond of the local day containing `ms`. */
export function endOfLocalDay(ms: number, zone: string): number {
  const wall = ms + zoneOffset(ms, zone);
  return fromWallClock(Math.floor(wall / DAY_MS) * DAY_MS + DAY_MS - 1, zone);
}

export function startOfLocalDay(ms: number, zone: string): number {
  const wall = ms + zoneOffset(ms, zone);
  return fromWallClock(Math.floor(wall / DAY_MS) * DAY_MS, zone);
}

/** The same wall-clock time `days` calendar days later (or earlier) in `zone`. */
export function addLocalDays(ms: number, days: number, zone: string): number {
  return fromWallClock(ms + zoneOffset(ms, zone) + days * DAY_MS, zone);
}

/** Calendar days (fractional) between two instants, read on the local wall clock. */
export function localDaysBetween(from: number, to: number, zone: string): number {
  return (to + zoneOffset(to, zone) - (from + zoneOffset(from, zone))) / DAY_MS;
}

export function localDateKey(ms: number, zone: string): string {
  return new Date(ms + zoneOffset(ms, zone)).toISOString().slice(0, 10);
}

/** Local ISO date-time with offset, e.g. 2023-03-06T10:30:00+00:00. */
export function formatLocal(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true, includeOffset: true }) ?? new Date(ms).toISOString();
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A readable local date for explanations, e.g. "6 Mar 2023". */
export function formatDay(ms: number, zone: string): string {
  const wall = new Date(ms + zoneOffset(ms, zone));
  return `${wall.getUTCDate()} ${MONTHS[wall.getUTCMonth()]} ${wall.getUTCFullYear()}`;
}

/** Calendar months later at the same wall-clock time; the 31st clamps to a shorter month's end. */
export function addMonths(ms: number, months: number, zone: string): number {
  const wall = new Date(ms + zoneOffset(ms, zone));
  const year = wall.getUTCFullYear();
  const month = wall.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const target = Date.UTC(
    year,
    month,
    Math.min(wall.getUTCDate(), lastDay),
    wall.getUTCHours(),
    wall.getUTCMinutes(),
    wall.getUTCSeconds(),
    wall.getUTCMilliseconds(),
  );
  return fromWallClock(target, zone);
}

/** Age in whole days between a birth instant and `at`. */
export function ageInDays(bornMs: number, atMs: number): number {
  return Math.floor((atMs - bornMs) / DAY_MS);
}
