import type { ThreadEvent } from '../domain/events.ts';
import { DAY_MS, formatDay } from '../domain/time.ts';
import type { PersonState, WorldView } from '../engine/world-view.ts';
import { ageBasis, type AgeBasis } from '../growth/age-correction.ts';
import { assessAt, type GrowthChild } from '../growth/child-measurement.ts';
import { DAYS_PER_YEAR } from '../growth/decimal-age.ts';
import { formatCentile } from '../growth/format-centile.ts';
import { GrowthInputError } from '../growth/growth-input-error.ts';
import { centileOfSds } from '../growth/normal-distribution.ts';

/** A recorded weight of a child: the birth weight or a weight measurement. */
export interface RecordedWeight {
  at: number;
  kg: number;
  /** The event it comes from, for evidence. */
  key: string;
  isBirthWeight: boolean;
}

export interface WeighedChild {
  person: PersonState;
  bornMs: number;
  /** What the growth reference needs; undefined when the child's sex is not recorded. */
  growth?: GrowthChild;
  gestationWeeks: number;
  gestationDays: number;
  /** True when no gestation was recorded and 40 weeks was assumed. */
  gestationAssumed: boolean;
}

/** A born child whose weights can be followed, or undefined for an adult or an unborn baby. */
export function weighedChild(person: PersonState | undefined): WeighedChild | undefined {
  if (!person || person.role !== 'child' || person.bornMs === undefined) return undefined;
  const recorded = person.gestationWeeks;
  const weeks = recorded === undefined ? 40 : Math.floor(recorded);
  const fraction = recorded === undefined ? 0 : Math.round((recorded - weeks) * 7);
  const days = Math.min(6, (person.gestationDays ?? 0) + fraction);
  const sexKnown = person.sex === 'male' || person.sex === 'female';
  return {
    person,
    bornMs: person.bornMs,
    growth: sexKnown ? { sex: person.sex as 'male' | 'female', bornMs: person.bornMs, gestationWeeks: weeks, gestationDays: days } : undefined,
    gestationWeeks: weeks,
    gestationDays: days,
    gestationAssumed: recorded === undefined,
  };
}

/** Birth weight (from the birth record) and every weight measurement, oldest first. */
export function recordedWeights(world: WorldView, person: PersonState): RecordedWeight[] {
  const weights: RecordedWeight[] = [];
  const birth = world.eventsOf(person.id, 'birth')[0];
  if (birth?.type === 'birth' && person.birthWeightKg !== undefined) {
    weights.push({ at: birth.at, kg: person.birthWeightKg, key: birth.key, isBirthWeight: true });
  }
  for (const event of world.eventsOf(person.id, 'measurement') as ThreadEvent<'measurement'>[]) {
    if (event.data.kind === 'weight') weights.push({ at: event.at, kg: event.data.value, key: event.key, isBirthWeight: false });
  }
  return weights.sort((a, b) => a.at - b.at);
}

/**
 * SDS at the age the UK-WHO instructions prescribe (or on the given basis, so that weights
 * either side of the end of age correction are compared like with like); null where it
 * cannot be computed.
 */
export function weightSds(child: WeighedChild, weight: RecordedWeight, basis?: AgeBasis): number | null {
  if (!child.growth) return null;
  const result = assessment(child, weight);
  if (result === null) return null;
  if (basis === undefined) return result.sds;
  return basis === 'corrected' ? result.correctedSds : result.chronologicalSds;
}

// Each weight is assessed once: protocols look at a child's whole weight history on every
// new weight, and the answer depends only on the weight and the child's birth facts.
const assessments = new WeakMap<PersonState, { birth: string; byWeight: Map<string, ReturnType<typeof assessAt> | null> }>();

function assessment(child: WeighedChild, weight: RecordedWeight): ReturnType<typeof assessAt> | null {
  const growth = child.growth!;
  const birth = `${growth.sex}|${growth.bornMs}|${growth.gestationWeeks}|${growth.gestationDays}`;
  let cache = assessments.get(child.person);
  if (!cache || cache.birth !== birth) assessments.set(child.person, (cache = { birth, byWeight: new Map() }));
  let result = cache.byWeight.get(weight.key);
  if (result === undefined) {
    try {
      result = assessAt(growth, 'weight', weight.at, weight.kg);
    } catch (error) {
      if (!(error instanceof GrowthInputError)) throw error;
      result = null;
    }
    cache.byWeight.set(weight.key, result);
  }
  return result;
}

/** The age basis a weight is judged at (corrected while correction lasts). */
export function weightBasis(child: WeighedChild, weight: RecordedWeight): AgeBasis {
  return ageBasis(child.gestationWeeks, (weight.at - child.bornMs) / DAY_MS / DAYS_PER_YEAR);
}

export function dayOfLife(child: WeighedChild, at: number): number {
  return Math.floor((at - child.bornMs) / DAY_MS);
}

function ageText(child: WeighedChild, at: number): string {
  const days = dayOfLife(child, at);
  if (days < 8 * 7) return days === 0 ? 'at birth' : `day ${days}`;
  if (days < 183) return `${Math.floor(days / 7)} weeks`;
  return `${Math.floor(days / 30.44)} months`;
}

/** "3.05 kg on 22 Mar 2023 (day 21, 6th centile)": how explanations cite a weight. */
export function describeWeight(child: WeighedChild, weight: RecordedWeight, sds: number | null, zone: string): string {
  const centile = sds !== null ? `${formatCentile(centileOfSds(sds))} centile` : child.growth ? 'centile not computable' : 'no centile: sex not recorded';
  const label = weight.isBirthWeight ? 'birth weight ' : '';
  return `${label}${weight.kg.toFixed(2)} kg on ${formatDay(weight.at, zone)} (${ageText(child, weight.at)}, ${centile})`;
}
