import { CHART_CENTILES, CHART_LINE_SDS } from '../centile-spaces.ts';
import type { GrowthMeasurement, GrowthSex } from '../growth-kinds.ts';
import { DAYS_PER_YEAR } from '../decimal-age.ts';
import { UK_WHO_AGES, UK_WHO_SEGMENT_INDEX, ukWhoValueInSegment } from '../uk-who.ts';

/** A stretch of the chart drawn from one source; the lines break where the source changes. */
interface Stretch {
  segment: number;
  from: number;
  to: number;
}

const STRETCHES: Stretch[] = [
  { segment: UK_WHO_SEGMENT_INDEX.PRETERM, from: UK_WHO_AGES.earliest, to: UK_WHO_AGES.whoInfants },
  { segment: UK_WHO_SEGMENT_INDEX.WHO_INFANTS, from: UK_WHO_AGES.whoInfants, to: UK_WHO_AGES.whoChildren },
  { segment: UK_WHO_SEGMENT_INDEX.WHO_CHILDREN, from: UK_WHO_AGES.whoChildren, to: UK_WHO_AGES.uk90Child },
];

export interface CurvePoint {
  days: number;
  values: number[];
}

export interface CentileCurves {
  centiles: readonly number[];
  /** One array of points per stretch, each point holding the value of every line. */
  stretches: CurvePoint[][];
}

/** Values of the nine chart lines across [startDays, endDays] from term, sampled every `stepDays`. */
export function centileCurves(
  measurement: GrowthMeasurement,
  sex: GrowthSex,
  startDays: number,
  endDays: number,
  stepDays: number,
): CentileCurves {
  const stretches: CurvePoint[][] = [];
  for (const stretch of STRETCHES) {
    const from = Math.max(startDays, stretch.from * DAYS_PER_YEAR);
    const to = Math.min(endDays, stretch.to * DAYS_PER_YEAR);
    if (from >= to) continue;
    const points: CurvePoint[] = [];
    for (let days = from; ; days = Math.min(to, days + stepDays)) {
      const values = CHART_LINE_SDS.map((sds) => ukWhoValueInSegment(stretch.segment, measurement, sex, days / DAYS_PER_YEAR, sds));
      if (values.every(Number.isFinite)) points.push({ days, values });
      if (days >= to) break;
    }
    if (points.length > 1) stretches.push(points);
  }
  return { centiles: CHART_CENTILES, stretches };
}
