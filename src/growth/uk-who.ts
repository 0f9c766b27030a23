import { GROWTH_MEASUREMENTS, GROWTH_SEXES, MEASUREMENT_NAMES, type GrowthMeasurement, type GrowthSex } from './growth-kinds.ts';
import { AGE, L, M, S, lmsAt } from './lms-interpolation.ts';
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

// Numbers cross calls in this scratch array, not as arguments or results, because V8
// boxes a double passed to or returned from a call it has not inlined.
const io = new Float64Array(6);
const VALUE = 4;
const SDS = 5;
const MEASUREMENT_HEIGHT = GROWTH_MEASUREMENTS.indexOf('height');
const MEASUREMENT_BMI = GROWTH_MEASUREMENTS.indexOf('bmi');
const MEASUREMENT_OFC = GROWTH_MEASUREMENTS.indexOf('ofc');
const LATEST_OFC_BY_SEX = Float64Array.from(GROWTH_SEXES, (sex) => UK_WHO_AGES.latestOfc[sex]);

/** io[SDS] = SDS of io[VALUE] at io[AGE]; NaN where UK-WHO has no data. */
function sdsInScratch(measurement: number, sex: number): void {
  const age = io[AGE];
  io[SDS] = NaN;
  if (!(age >= UK_WHO_AGES.earliest && age <= UK_WHO_AGES.latest)) return;
  if (measurement === MEASUREMENT_HEIGHT && age < UK_WHO_AGES.earliestLength) return;
  if (measurement === MEASUREMENT_BMI && age < UK_WHO_AGES.whoInfants) return;
  if (measurement === MEASUREMENT_OFC && age > LATEST_OFC_BY_SEX[sex]) return;
  lmsAt(ukWhoTables()[tableIndex(segmentAt(age), measurement, sex)], io);
  io[SDS] = sdsFromLms(io[L], io[M], io[S], io[VALUE]);
}

/**
 * SDS of `value` at decimal `age` by the UK-WHO reference, with measurement and sex
 * given as indices (see reference-tables.ts). NaN where the reference has no data.
 * The hot path for one value: no allocation of its own, no strings.
 */
export function sdsByIndex(measurement: number, sex: number, age: number, value: number): number {
  io[AGE] = age;
  io[VALUE] = value;
  sdsInScratch(measurement, sex);
  return io[SDS];
}

/**
 * Many SDS at once from parallel typed arrays into `out`, for bulk work (populations,
 * dashboards): the numbers never leave typed arrays, so nothing at all is allocated.
 */
export function sdsForMany(measurements: Int32Array, sexes: Int32Array, ages: Float64Array, values: Float64Array, out: Float64Array): void {
  for (let i = 0; i < out.length; i++) {
    io[AGE] = ages[i]!;
    io[VALUE] = values[i]!;
    sdsInScratch(measurements[i], sexes[i]);
    out[i] = io[SDS]!;
  }
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
  io[AGE] = age;
  lmsAt(table, io);
  return valueFromLms(io[L], io[M], io[S], sds);
}

export function ukWhoValue(measurement: GrowthMeasurement, sex: GrowthSex, age: number, sds: number): number {
  if (referenceGap(measurement, sex, age)) return NaN;
  return ukWhoValueInSegment(segmentAt(age), measurement, sex, age, sds);
}

export const UK_WHO_SEGMENT_INDEX = { PRETERM, WHO_INFANTS, WHO_CHILDREN, UK90_CHILD } as const;
