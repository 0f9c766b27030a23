import type { WeightChartInput } from './chart-input.ts';

const DAY_MS = 86_400_000;
const at = (born: string, day: number) => Date.parse(`${born}T00:00:00Z`) + day * DAY_MS;

/** Fictional babies modelled on the case reviews, for docs/charts and the chart's tests. */
export const EXAMPLE_CHARTS: Record<string, WeightChartInput> = {
  // CSPR 000, Child D: term, birth weight about the 50th centile, two centile spaces lower at the day-21 new birth visit.
  'child-d-two-centile-spaces-by-day-21': {
    sex: 'female',
    bornMs: at('2023-02-15', 0),
    gestationWeeks: 40,
    gestationDays: 0,
    birthWeightKg: 3.41,
    measurements: [{ at: at('2023-02-15', 21), kg: 3.1 }],
    idPrefix: 'child-d',
  },
  // CSPR 002, Child Two: 25th centile at birth, no weight between 2 weeks and 10 weeks, then on the 0.4th.
  'child-two-25th-to-0.4th': {
    sex: 'female',
    bornMs: at('2021-01-10', 0),
    gestationWeeks: 39,
    gestationDays: 3,
    birthWeightKg: 3.15,
    measurements: [
      { at: at('2021-01-10', 14), kg: 3.25 },
      { at: at('2021-01-10', 70), kg: 3.8 },
      { at: at('2021-01-10', 85), kg: 4.1 },
      { at: at('2021-01-10', 106), kg: 4.4 },
    ],
    idPrefix: 'child-two',
  },
  // A baby born at 30 weeks, growing along the 25th–50th centiles at corrected age.
  'preterm-30-weeks-corrected-age': {
    sex: 'male',
    bornMs: at('2023-01-01', 0),
    gestationWeeks: 30,
    gestationDays: 2,
    birthWeightKg: 1.45,
    measurements: [14, 28, 42, 56, 70, 98, 126, 154, 196, 238].map((day, i) => ({
      at: at('2023-01-01', day),
      kg: [1.62, 1.95, 2.35, 2.8, 3.3, 4.3, 5.2, 5.95, 6.8, 7.5][i],
    })),
    idPrefix: 'preterm',
  },
  // An ordinary first year: the kind of chart most babies should have, raising nothing.
  'ordinary-first-year': {
    sex: 'male',
    bornMs: at('2022-05-01', 0),
    gestationWeeks: 40,
    gestationDays: 4,
    birthWeightKg: 3.55,
    measurements: [5, 12, 56, 84, 112, 180, 270, 365].map((day, i) => ({
      at: at('2022-05-01', day),
      kg: [3.35, 3.6, 5.3, 6.3, 7.0, 8.0, 9.1, 10.0][i],
    })),
    idPrefix: 'ordinary',
  },
};
