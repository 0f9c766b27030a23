import { DateTime } from 'luxon';

// Times as practitioners read them, always on the partnership's wall clock (luxon does
// the zone rules, both clock changes included). A deadline "by the end of the day" is
// stored either as the day's last millisecond or as the next midnight; both read as
// midnight at the end of that day, never as 23:59, 22:59 or 00:00 of the day after.

function local(ms: number, zone: string): DateTime {
  return DateTime.fromMillis(ms, { zone });
}

/** "3 Jun 2026, 14:05" in the zone. */
export function formatDateTime(ms: number, zone: string): string {
  return local(ms, zone).toFormat('d LLL yyyy, HH:mm');
}

/** "3 Jun 2026" in the zone. */
export function formatDate(ms: number, zone: string): string {
  return local(ms, zone).toFormat('d LLL yyyy');
}

/** The local day a deadline ends, when it falls at midnight (its last millisecond, or the next day's first). */
export function endOfDayDeadline(ms: number, zone: string): DateTime | undefined {
  const t = local(ms, zone);
  if (t.hour === 0 && t.minute === 0 && t.second === 0 && t.millisecond === 0) return t.minus({ days: 1 });
  if (t.hour === 23 && t.minute === 59 && t.second === 59 && t.millisecond === 999) return t;
  return undefined;
}

/** A deadline: "midnight at the end of 3 Jun 2026", or "3 Jun 2026, 14:05". */
export function formatDeadline(ms: number, zone: string): string {
  const day = endOfDayDeadline(ms, zone);
  return day ? `midnight at the end of ${day.toFormat('d LLL yyyy')}` : formatDateTime(ms, zone);
}
