/**
 * The age axis of a growth chart, in days from term (40 weeks' gestation), so that
 * preterm babies are plotted at corrected age. Before term the axis reads in weeks of
 * gestation, then in weeks after term for young infants and in months after that.
 */
export const DAYS_PER_MONTH = 365.25 / 12;
const WEEK = 7;

export interface AgeTick {
  days: number;
  label: string;
}

export interface AgeAxis {
  start: number;
  end: number;
  unit: 'weeks' | 'months';
  ticks: AgeTick[];
  /** Minor ticks without labels. */
  minor: number[];
}

function ceilTo(value: number, step: number): number {
  return Math.ceil(value / step - 1e-9) * step;
}

export function ageAxis(firstDays: number, lastDays: number): AgeAxis {
  const start = Math.min(0, Math.floor(firstDays / WEEK) * WEEK);
  const wanted = Math.max(lastDays + 2 * WEEK, 8 * WEEK);
  const ticks: AgeTick[] = [];
  const minor: number[] = [];
  for (let d = start; d < 0; d += WEEK) {
    const weeks = 40 + d / WEEK;
    if (weeks % 2 === 0) ticks.push({ days: d, label: String(weeks) });
    else minor.push(d);
  }
  if (wanted <= 20 * WEEK) {
    const end = ceilTo(wanted, 2 * WEEK);
    const labelEvery = end <= 12 * WEEK ? 1 : 2;
    for (let w = 0; w * WEEK <= end; w++) {
      if (w % labelEvery === 0) ticks.push({ days: w * WEEK, label: w === 0 ? (start < 0 ? 'term' : 'birth') : `${w}w` });
      else minor.push(w * WEEK);
    }
    return { start, end, unit: 'weeks', ticks, minor };
  }
  const step = wanted <= 15 * DAYS_PER_MONTH ? 1 : 3;
  const months = ceilTo(wanted / DAYS_PER_MONTH, step);
  for (let m = 0; m <= months; m += step) {
    ticks.push({
      days: m * DAYS_PER_MONTH,
      label: m === 0 ? (start < 0 ? 'term' : 'birth') : m >= 24 && m % 12 === 0 ? `${m / 12}y` : `${m}m`,
    });
  }
  for (let w = 1; w < 4 * step && step === 1; w++) if (w % 4 !== 0) minor.push(w * WEEK);
  return { start, end: months * DAYS_PER_MONTH, unit: 'months', ticks, minor };
}
