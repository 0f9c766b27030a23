/** The measurements the UK-WHO reference describes, with the units the tables use. */
export const GROWTH_MEASUREMENTS = ['weight', 'height', 'ofc', 'bmi'] as const;
export type GrowthMeasurement = (typeof GROWTH_MEASUREMENTS)[number];

export const GROWTH_SEXES = ['male', 'female'] as const;
export type GrowthSex = (typeof GROWTH_SEXES)[number];

export const MEASUREMENT_UNITS: Record<GrowthMeasurement, string> = {
  weight: 'kg',
  height: 'cm',
  ofc: 'cm',
  bmi: 'kg/m²',
};

export const MEASUREMENT_NAMES: Record<GrowthMeasurement, string> = {
  weight: 'weight',
  height: 'length/height',
  ofc: 'head circumference',
  bmi: 'BMI',
};

export function isGrowthMeasurement(value: unknown): value is GrowthMeasurement {
  return typeof value === 'string' && (GROWTH_MEASUREMENTS as readonly string[]).includes(value);
}

export function isGrowthSex(value: unknown): value is GrowthSex {
  return typeof value === 'string' && (GROWTH_SEXES as readonly string[]).includes(value);
}
