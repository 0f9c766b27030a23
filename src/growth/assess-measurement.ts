import { ageBasis, type AgeBasis } from './age-correction.ts';
import { chronologicalAge, correctedAge } from './decimal-age.ts';
import { GrowthInputError } from './growth-input-error.ts';
import type { GrowthMeasurement, GrowthSex } from './growth-kinds.ts';
import { centileOfSds } from './normal-distribution.ts';
import { checkPlausibleSds } from './plausible-values.ts';
import { referenceGap, ukWhoSds } from './uk-who.ts';

/** A measurement whose inputs have been checked; ages are in days of life (may be fractional). */
export interface CheckedMeasurement {
  sex: GrowthSex;
  gestationDays: number;
  daysOfLife: number;
  measurement: GrowthMeasurement;
  value: number;
}

export interface GrowthAssessment {
  chronologicalAge: number;
  correctedAge: number;
  /** SDS at the age corrected for gestation (from 40 weeks), null where UK-WHO has no data. */
  correctedSds: number | null;
  chronologicalSds: number | null;
  /** The age the chart instructions judge this measurement at. */
  basis: AgeBasis;
  /** SDS and centile (0–100) at that age. */
  sds: number | null;
  centile: number | null;
  /** Why an SDS is null, by output field. */
  gaps: Partial<Record<'correctedSds' | 'chronologicalSds', string>>;
}

/**
 * SDS and centile of one measurement, at corrected and at chronological age. Throws a
 * GrowthInputError naming the field when nothing can be computed or the value is absurd.
 */
export function assessMeasurement(input: CheckedMeasurement): GrowthAssessment {
  const { sex, measurement, value, daysOfLife, gestationDays } = input;
  if (daysOfLife < 0) throw new GrowthInputError('observationDate', 'is before the birth date');
  const chronological = chronologicalAge(daysOfLife);
  const corrected = correctedAge(daysOfLife, gestationDays);

  const gaps: GrowthAssessment['gaps'] = {};
  const correctedGap = referenceGap(measurement, sex, corrected);
  const chronologicalGap = referenceGap(measurement, sex, chronological);
  if (correctedGap) gaps.correctedSds = `at corrected age ${corrected.toFixed(3)} years: ${correctedGap}`;
  if (chronologicalGap) gaps.chronologicalSds = `at chronological age ${chronological.toFixed(3)} years: ${chronologicalGap}`;
  if (correctedGap && chronologicalGap) {
    throw new GrowthInputError('observationDate', `no centile at this age (${chronologicalGap}; ${gaps.correctedSds})`);
  }

  const correctedSds = correctedGap ? null : ukWhoSds(measurement, sex, corrected, value);
  const chronologicalSds = chronologicalGap ? null : ukWhoSds(measurement, sex, chronological, value);
  if (correctedSds !== null) checkPlausibleSds(measurement, value, correctedSds, corrected);
  if (chronologicalSds !== null) checkPlausibleSds(measurement, value, chronologicalSds, chronological);

  const basis = ageBasis(Math.floor(gestationDays / 7), chronological);
  const sds = basis === 'corrected' ? correctedSds : chronologicalSds;
  return {
    chronologicalAge: chronological,
    correctedAge: corrected,
    correctedSds,
    chronologicalSds,
    basis,
    sds,
    centile: sds === null ? null : centileOfSds(sds),
    gaps,
  };
}
