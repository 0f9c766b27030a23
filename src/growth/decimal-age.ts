import { TERM_DAYS } from './gestation.ts';

export const DAYS_PER_YEAR = 365.25;

/** Age in decimal years from whole days of life, as the UK-WHO tables count it. */
export function chronologicalAge(daysOfLife: number): number {
  return daysOfLife / DAYS_PER_YEAR;
}

/**
 * Age counted from the due date (40 weeks' gestation) instead of birth. Negative before
 * the due date. The reference method corrects every gestation, term and post-term too.
 */
export function correctedAge(daysOfLife: number, gestationDays: number): number {
  return (daysOfLife - (TERM_DAYS - gestationDays)) / DAYS_PER_YEAR;
}
