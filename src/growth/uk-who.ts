import { GROWTH_MEASUREMENTS, GROWTH_SEXES, MEASUREMENT_NAMES, type GrowthMeasurement, type GrowthSex } from './growth-kinds.ts';
import { lmsAt } from './lms-interpolation.ts';
import { sdsFromLms, valueFromLms } from './lms.ts';
import { measurementIndex, sexIndex, tableIndex, ukWhoTables } from './reference-tables.ts';

const YEAR_DAYS = 365.25;
const weeksGestationAsAge = (weeks: number) => ((weeks - 40) * 7) / YEAR_DAYS;

/** Where UK-WHO begins, ends and changes source, in decimal years (0 = 40 weeks' gestation). */
export const UK_WHO_AGES = {
  /** UK90 preterm data begin at 23 weeks' gestation (length at 25). */
  earliest: weeksGestationAsAge(23),
  earliestLength: weeksGestationAsAge(25),
  /** WHO 2006 takes over at 2 weeks after term (42 weeks); there is no BMI before this. */
  whoInfants: weeksGestationAsAge(42),
  /** WHO 2006 switches from lying length to standing height at 2 years. */
  whoChildren: 2,
  /** UK90 takes over again at 4 years. */
  uk90Child: 4,
  latest: 20,
  latestOfc: { male: 18, female: 17 } as Record<GrowthSex, number>,
} as const;

const PRETERM = 0;
const WHO_INFANTS = 1;
const WHO_CHILDREN = 2;
const UK90_CHILD = 3;

/** The segment whose table applies at `age`; at a boundary age the older segment wins. */
export function segmentAt(age: number): number {
  if (age < UK_WHO_AGES.whoInfants) return PRETERM;
  if (age < UK_WHO_AGES.whoChildren) return WHO_INFANTS;
  if (age < UK_WHO_AGES.uk90Child) return WHO_CHILDREN;
  return UK90_CHILD;
}

/** Why UK-WHO has no value for this measurement at this age, or undefined when it has. */
export function referenceGap(measurement: GrowthMeasurement, sex: GrowthSex, age: number): string | undefined {
  if (!Number.isFinite(age)) return 'the age could not be worked out';
  if (age < UK_WHO_AGES.earliest) return 'UK-WHO has no data before 23 weeks of gestation';
  if (age > UK_WHO_AGES.latest) return 'UK-WHO has no data beyond 20 years';
  if (measurement === 'height' && age < UK_WHO_AGES.earliestLength) return 'UK-WHO has no length data before 25 weeks of gestation';
  if (measurement === 'bmi' && age < UK_WHO_AGES.whoInfants) return 'UK-WHO has no BMI data before 2 weeks after term';
  if (measurement === 'ofc' && age > UK_WHO_AGES.latestOfc[sex]) {
    return `UK-WHO has no ${MEASUREMENT_NAMES.ofc} data for ${sex === 'male' ? 'boys' : 'girls'} over ${UK_WHO_AGES.latestOfc[sex]} years`;
  }
  return undefined;
}

const lms = new Float64Array(3);

/**
 * SDS of `value` at decimal `age` by the UK-WHO reference, with measurement and sex
 * given as indices (see reference-tables.ts). NaN where the reference has no data.
 * This is the hot path: no allocation, no strings.
 */
export function sdsByIndex(measurement: number, sex: number, age: number, value: number): number {
  if (!(age >= UK_WHO_AGES.earliest && age <= UK_WHO_AGES.latest)) return NaN;
  const kind = GROWTH_MEASUREMENTS[measurement];
  if (kind === 'height' && age < UK_WHO_AGES.earliestLength) return NaN;
  if (kind === 'bmi' && age < UK_WHO_AGES.whoInfants) return NaN;
  if (kind === 'ofc' && age > UK_WHO_AGES.latestOfc[GROWTH_SEXES[sex]]) return NaN;
  const table = ukWhoTables()[tableIndex(segmentAt(age), measurement, sex)];
  lmsAt(table, age, lms);
  return sdsFromLms(lms[0], lms[1], lms[2], value);
}

export function ukWhoSds(measurement: GrowthMeasurement, sex: GrowthSex, age: number, value: number): number {
  return sdsByIndex(measurementIndex(measurement), sexIndex(sex), age, value);
}

/**
 * The measurement at `sds` for `age`, from a given segment's table (so that a chart
 * can draw each source up to its own boundary). NaN outside the segment's table.
 */
export function ukWhoValueInSegment(segment: number, measurement: GrowthMeasurement, sex: GrowthSex, age: number, sds: number): number {
  const table = ukWhoTables()[tableIndex(segment, measurementIndex(measurement), sexIndex(sex))];
  if (table.length === 0 || age < table.ages[0] - 1e-9 || age > table.ages[table.length - 1] + 1e-9) return NaN;
  lmsAt(table, age, lms);
  return valueFromLms(lms[0], lms[1], lms[2], sds);
}

export function ukWhoValue(measurement: GrowthMeasurement, sex: GrowthSex, age: number, sds: number): number {
  if (referenceGap(measurement, sex, age)) return NaN;
  return ukWhoValueInSegment(segmentAt(age), measurement, sex, age, sds);
}

export const UK_WHO_SEGMENT_INDEX = { PRETERM, WHO_INFANTS, WHO_CHILDREN, UK90_CHILD } as const;
