import { DateTime } from 'luxon';

export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;

const ISO_LOCAL = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?)?$/;
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Parses an ISO date or date-time written in local time of `zone` (a bare date is the
 * start of that day). An explicit offset is honoured. Returns epoch milliseconds, or
 * undefined when the text is not a real date (2023-02-30 is refused, not rolled over).
 */
export function parseLocal(text: string, zone: string): number | undefined {
  if (!ISO_LOCAL.test(text) && !ISO_WITH_OFFSET.test(text)) return undefined;
  const parsed = DateTime.fromISO(text, { zone, setZone: false });
  return parsed.isValid ? parsed.toMillis() : undefined;
}

export function isValidZone(zone: string): boolean {
  return DateTime.local().setZone(zone).isValid;
}

/** The last millisecond of the local day containing `ms`. */
export function endOfLocalDay(ms: number, zone: string): number {
  return DateTime.fromMillis(ms, { zone }).endOf('day').toMillis();
}

export function startOfLocalDay(ms: number, zone: string): number {
  return DateTime.fromMillis(ms, { zone }).startOf('day').toMillis();
}

export function localDateKey(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).toISODate() ?? String(ms);
}

/** Local ISO date-time with offset, e.g. 2023-03-06T10:30:00+00:00. */
export function formatLocal(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true, includeOffset: true }) ?? new Date(ms).toISOString();
}

/** A readable local date for explanations, e.g. "6 Mar 2023". */
export function formatDay(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).toFormat('d LLL yyyy');
}

export function addMonths(ms: number, months: number, zone: string): number {
  return DateTime.fromMillis(ms, { zone }).plus({ months }).toMillis();
}

/** Age in whole days between a birth instant and `at`. */
export function ageInDays(bornMs: number, atMs: number): number {
  return Math.floor((atMs - bornMs) / DAY_MS);
}
