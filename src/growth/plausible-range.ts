import { ageBasis } from './age-correction.ts';
import { chronologicalAge, correctedAge } from './decimal-age.ts';
import { TERM_DAYS } from './gestation.ts';
import type { GrowthMeasurement, GrowthSex } from './growth-kinds.ts';
import { ukWhoSds, ukWhoValue } from './uk-who.ts';

export interface PlausibleRange {
  low: number;
  high: number;
}

/** The decimal age a measurement is judged at on the UK-WHO chart: corrected for a preterm baby while the chart says so. */
export function chartAge(daysOfLife: number, gestationDays: number): number {
  const chronological = chronologicalAge(daysOfLife);
  return ageBasis(Math.floor(gestationDays / 7), chronological) === 'corrected' ? correctedAge(daysOfLife, gestationDays) : chronological;
}

/**
 * Whether a measurement lies within ±`sdsLimit` of UK-WHO for a child of one of `sexes`
 * at `age` (one sex when it is known, both when not): `undefined` when it does or when
 * UK-WHO has no data at that age; otherwise the range it should have been in. The check
 * itself is one SDS per sex, allocation-free; the range is worked out only on refusal.
 */
export function outsideUkWho(
  measurement: GrowthMeasurement,
  sexes: readonly GrowthSex[],
  age: number,
  value: number,
  sdsLimit: number,
): PlausibleRange | undefined {
  let known = false;
  for (const sex of sexes) {
    const sds = ukWhoSds(measurement, sex, age, value);
    if (Number.isNaN(sds)) continue;
    known = true;
    if (Math.abs(sds) <= sdsLimit) return undefined;
  }
  if (!known) return undefined;
  const lows = sexes.map((sex) => ukWhoValue(measurement, sex, age, -sdsLimit)).filter((v) => !Number.isNaN(v));
  const highs = sexes.map((sex) => ukWhoValue(measurement, sex, age, sdsLimit)).filter((v) => !Number.isNaN(v));
  return { low: Math.min(...lows), high: Math.max(...highs) };
}

/** Gestation at birth in days, term when it was not recorded. */
export function gestationOrTerm(weeks: number | undefined, days: number | undefined): number {
  return weeks === undefined ? TERM_DAYS : weeks * 7 + (days ?? 0);
}
