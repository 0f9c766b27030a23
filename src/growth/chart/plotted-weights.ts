import { TERM_FROM_WEEKS } from '../age-correction.ts';
import { assessAt } from '../child-measurement.ts';
import { formatCentile } from '../format-centile.ts';
import { TERM_DAYS } from '../gestation.ts';
import { GrowthInputError } from '../growth-input-error.ts';
import { centileOfSds } from '../normal-distribution.ts';
import type { WeightChartInput } from './chart-input.ts';

const DAY_MS = 86_400_000;

export interface PlottedWeight {
  /** Plotted age in days: from the due date for a preterm baby, from birth for a term one. */
  days: number;
  daysOfLife: number;
  kg: number;
  isBirth: boolean;
  at: number;
  /** Centile at the plotted (corrected) age, as a practitioner reads it, or undefined. */
  centile?: string;
}

/** Whether the chart corrects for gestation: UK-WHO corrects preterm babies only (age-correction.ts). */
export function plotsCorrected(input: WeightChartInput): boolean {
  return input.gestationWeeks < TERM_FROM_WEEKS;
}

/** The child's weights as the chart plots them, birth weight first. */
export function plottedWeights(input: WeightChartInput): PlottedWeight[] {
  const corrected = plotsCorrected(input);
  const gestationDays = corrected ? input.gestationWeeks * 7 + (input.gestationDays ?? 0) : TERM_DAYS;
  const child = { sex: input.sex, bornMs: input.bornMs, gestationWeeks: input.gestationWeeks, gestationDays: input.gestationDays ?? 0 };
  const raw = [...input.measurements].sort((a, b) => a.at - b.at);
  const hasBirthMeasurement = raw.some((m) => m.at === input.bornMs);
  if (input.birthWeightKg !== undefined && !hasBirthMeasurement) raw.unshift({ at: input.bornMs, kg: input.birthWeightKg });
  return raw.map(({ at, kg }) => {
    const daysOfLife = (at - input.bornMs) / DAY_MS;
    let centile: string | undefined;
    try {
      const result = assessAt(child, 'weight', at, kg);
      const sds = corrected ? result.correctedSds : result.chronologicalSds;
      if (sds !== null) centile = formatCentile(centileOfSds(sds));
    } catch (error) {
      if (!(error instanceof GrowthInputError)) throw error;
    }
    return { days: daysOfLife - (TERM_DAYS - gestationDays), daysOfLife, at, kg, isBirth: at === input.bornMs, centile };
  });
}

function completedMonths(fromMs: number, toMs: number): number {
  const a = new Date(fromMs);
  const b = new Date(toMs);
  const months = (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth();
  return b.getUTCDate() < a.getUTCDate() ? months - 1 : months;
}

/** "at birth", "day 21", "9 weeks", "7 months": the age a practitioner would say. */
export function ageSaid(fromMs: number, toMs: number): string {
  const days = Math.round((toMs - fromMs) / DAY_MS);
  if (days === 0) return 'at birth';
  if (days < 8 * 7) return `day ${days}`;
  if (days < 183) return `${Math.floor(days / 7)} weeks`;
  return `${completedMonths(fromMs, toMs)} months`;
}

/** A corrected age (days from the due date) as said: "33 weeks' gestation", "10 days", "4 weeks", "5 months". */
export function correctedAgeSaid(days: number): string {
  if (days < 0) return `${Math.floor(40 + days / 7)} weeks' gestation`;
  const whole = Math.floor(days);
  if (whole < 14) return `${whole} day${whole === 1 ? '' : 's'} corrected`;
  if (whole < 183) return `${Math.floor(whole / 7)} weeks corrected`;
  return `${Math.floor(whole / (365.25 / 12))} months corrected`;
}
