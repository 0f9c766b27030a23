import { assessMeasurement, type GrowthAssessment } from './assess-measurement.ts';
import { gestationInDays } from './gestation.ts';
import type { GrowthMeasurement, GrowthSex } from './growth-kinds.ts';
import { checkPlausibleValue } from './plausible-values.ts';

const DAY_MS = 86_400_000;

/** What the record knows about a child that growth needs. */
export interface GrowthChild {
  sex: GrowthSex;
  bornMs: number;
  gestationWeeks: number;
  gestationDays?: number;
}

/** Assesses a measurement taken at an instant (epoch ms), for the record's own events. */
export function assessAt(child: GrowthChild, measurement: GrowthMeasurement, atMs: number, value: number): GrowthAssessment {
  return assessMeasurement({
    sex: child.sex,
    measurement,
    value: checkPlausibleValue(measurement, value),
    gestationDays: gestationInDays(child.gestationWeeks, child.gestationDays ?? 0),
    daysOfLife: (atMs - child.bornMs) / DAY_MS,
  });
}
