import type { GrowthSex } from '../growth-kinds.ts';

export interface WeightChartInput {
  sex: GrowthSex;
  /** Birth instant, epoch ms. */
  bornMs: number;
  gestationWeeks: number;
  gestationDays?: number;
  /** Plotted at birth; a measurement taken at birth serves too. */
  birthWeightKg?: number;
  measurements: { at: number; kg: number }[];
  /** Prefix for element ids, so that several charts can share a page. */
  idPrefix?: string;
  /** Replaces the default heading. */
  title?: string;
}
