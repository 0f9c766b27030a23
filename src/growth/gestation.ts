import { GrowthInputError } from './growth-input-error.ts';

/** Plausible gestation at birth, as rcpchgrowth validates it. */
export const GESTATION_WEEKS_RANGE = { min: 22, max: 44 } as const;
export const TERM_DAYS = 280;

/** Gestation at birth in days, after checking weeks and supplementary days. */
export function gestationInDays(weeks: unknown, days: unknown): number {
  if (typeof weeks !== 'number' || !Number.isInteger(weeks)) {
    throw new GrowthInputError('gestationWeeks', 'must be a whole number of completed weeks');
  }
  if (weeks < GESTATION_WEEKS_RANGE.min || weeks > GESTATION_WEEKS_RANGE.max) {
    throw new GrowthInputError('gestationWeeks', `${weeks} is outside ${GESTATION_WEEKS_RANGE.min}–${GESTATION_WEEKS_RANGE.max} weeks`);
  }
  const extra = days ?? 0;
  if (typeof extra !== 'number' || !Number.isInteger(extra) || extra < 0 || extra > 6) {
    throw new GrowthInputError('gestationDays', 'must be a whole number of days from 0 to 6');
  }
  return weeks * 7 + extra;
}
