import { GrowthInputError } from './growth-input-error.ts';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/**
 * A calendar date (YYYY-MM-DD) as a whole-day number since 1970-01-01. Impossible dates
 * such as 2023-02-30 are refused rather than rolled over.
 */
export function parseCalendarDate(text: unknown, field: string): number {
  if (typeof text !== 'string') throw new GrowthInputError(field, 'must be a date written YYYY-MM-DD');
  const match = ISO_DATE.exec(text);
  if (!match) throw new GrowthInputError(field, `"${text}" is not a date written YYYY-MM-DD`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new GrowthInputError(field, `"${text}" is not a real date`);
  }
  return ms / DAY_MS;
}
