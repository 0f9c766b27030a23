import { DAY_MS, addMonths } from '../../domain/time.ts';
import type { PersonState } from '../../engine/world-view.ts';

/** Whether a born child is younger than `months` at `at` (calendar months, local time). */
export function isUnderMonths(person: PersonState, at: number, months: number, zone: string): boolean {
  if (person.role !== 'child' || person.bornMs === undefined) return false;
  // Calendar months are 28 to 31 days, and a clock change moves local time by less than a
  // day: only near the boundary is the exact calendar arithmetic needed.
  const age = at - person.bornMs;
  if (age < (months * 28 - 1) * DAY_MS) return true;
  if (age >= (months * 31 + 1) * DAY_MS) return false;
  return at < addMonths(person.bornMs, months, zone);
}

/** A readable age for explanations: days under 2 weeks, weeks under 6 months, else months. */
export function describeAge(person: PersonState, at: number): string {
  if (person.bornMs === undefined) return person.role === 'unborn' ? 'unborn' : 'age unknown';
  const days = Math.floor((at - person.bornMs) / DAY_MS);
  if (days < 14) return `${days} day${days === 1 ? '' : 's'} old`;
  if (days < 183) return `${Math.floor(days / 7)} weeks old`;
  const months = Math.floor(days / 30.44);
  return months < 24 ? `${months} months old` : `${Math.floor(months / 12)} years old`;
}
