import type { WorldView } from '../engine/world-view.ts';
import { renderWeightChart } from '../growth/chart/weight-chart.ts';

export interface GrowthSlot {
  svg?: string;
  weights: { at: number; kg: number; agency?: string }[];
  why?: string;
}

/** The child's weights, and the UK-WHO chart when the child's sex, birth and gestation are known. */
export function growthSlot(world: WorldView, childId: string): GrowthSlot | undefined {
  const child = world.person(childId);
  if (!child || child.role !== 'child') return undefined;
  const weights = world
    .eventsOf(childId, 'measurement')
    .filter((e) => e.type === 'measurement' && e.data.kind === 'weight')
    .map((e) => ({ at: e.at, kg: (e.data as { value: number }).value, agency: e.agency }));
  if (child.bornMs === undefined || (child.sex !== 'male' && child.sex !== 'female')) {
    return { weights, why: 'The chart needs the child’s sex and date of birth.' };
  }
  try {
    const svg = renderWeightChart({
      sex: child.sex,
      bornMs: child.bornMs,
      gestationWeeks: child.gestationWeeks ?? 40,
      gestationDays: child.gestationDays,
      birthWeightKg: child.birthWeightKg,
      measurements: weights.map((w) => ({ at: w.at, kg: w.kg })),
      idPrefix: 'weight-chart',
    });
    return { svg, weights };
  } catch {
    return { weights, why: 'The chart could not be drawn for these measurements; they are listed below.' };
  }
}
