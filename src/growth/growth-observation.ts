import { assessMeasurement, type GrowthAssessment } from './assess-measurement.ts';
import { parseCalendarDate } from './calendar-date.ts';
import { gestationInDays } from './gestation.ts';
import { GrowthInputError } from './growth-input-error.ts';
import { GROWTH_MEASUREMENTS, isGrowthMeasurement, isGrowthSex } from './growth-kinds.ts';
import { checkPlausibleValue } from './plausible-values.ts';

/** One measurement as it arrives from outside (a JSON line, a form): nothing trusted yet. */
export interface GrowthObservation {
  sex?: unknown;
  birthDate?: unknown;
  observationDate?: unknown;
  gestationWeeks?: unknown;
  gestationDays?: unknown;
  measurement?: unknown;
  value?: unknown;
}

/** Checks every field, then assesses; a bad field throws a GrowthInputError naming it. */
export function assessObservation(observation: GrowthObservation): GrowthAssessment {
  const { sex, measurement } = observation;
  if (!isGrowthSex(sex)) throw new GrowthInputError('sex', 'must be "male" or "female"');
  if (!isGrowthMeasurement(measurement)) {
    throw new GrowthInputError('measurement', `must be one of ${GROWTH_MEASUREMENTS.map((m) => `"${m}"`).join(', ')}`);
  }
  const born = parseCalendarDate(observation.birthDate, 'birthDate');
  const observed = parseCalendarDate(observation.observationDate, 'observationDate');
  const gestationDays = gestationInDays(observation.gestationWeeks, observation.gestationDays);
  const value = checkPlausibleValue(measurement, observation.value);
  return assessMeasurement({ sex, measurement, value, gestationDays, daysOfLife: observed - born });
}
