import { MEASUREMENT_NAMES, MEASUREMENT_UNITS, type GrowthMeasurement } from './growth-kinds.ts';
import { GrowthInputError } from './growth-input-error.ts';

/**
 * Values no child can have, whatever the age (rcpchgrowth's validation constants): they
 * are typing errors or wrong units (grams for kilograms, metres for centimetres).
 */
const LIMITS: Record<GrowthMeasurement, { min: number; max: number }> = {
  weight: { min: 0.15, max: 500 },
  height: { min: 20, max: 300 },
  ofc: { min: 5, max: 100 },
  bmi: { min: 7.5, max: 105 },
};

/**
 * SDS beyond which a measurement is taken to be an error rather than a child: ±8 for
 * weight, length and head circumference, ±15 for BMI, whose distribution is far more skewed
 * (the limits rcpchgrowth applies).
 */
const SDS_LIMIT: Record<GrowthMeasurement, number> = { weight: 8, height: 8, ofc: 8, bmi: 15 };

export function checkPlausibleValue(measurement: GrowthMeasurement, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new GrowthInputError('value', `must be a number in ${MEASUREMENT_UNITS[measurement]}`);
  }
  const { min, max } = LIMITS[measurement];
  if (value < min || value > max) {
    throw new GrowthInputError(
      'value',
      `${value} ${MEASUREMENT_UNITS[measurement]} is not a possible ${MEASUREMENT_NAMES[measurement]} (expected ${min}–${max} ${MEASUREMENT_UNITS[measurement]})`,
    );
  }
  return value;
}

/** Refuses an SDS so extreme that the measurement must be wrong. */
export function checkPlausibleSds(measurement: GrowthMeasurement, value: number, sds: number, ageYears: number): void {
  const limit = SDS_LIMIT[measurement];
  if (Math.abs(sds) > limit) {
    throw new GrowthInputError(
      'value',
      `${value} ${MEASUREMENT_UNITS[measurement]} is ${sds > 0 ? 'above +' : 'below -'}${limit} SDS for ${MEASUREMENT_NAMES[measurement]} at ${ageYears.toFixed(2)} years; check the measurement and its units`,
    );
  }
}
