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
  /** The weight's centile assessment, computed once for the birth facts it was assessed for. */
  assessment?: Assessment | null;
  assessedFor?: GrowthChild;
}

type Assessment = ReturnType<typeof assessAt>;

export interface WeighedChild {
  person: PersonState;
  bornMs: number;
  /** What the growth reference needs; undefined when the child's sex is not recorded. */
  growth?: GrowthChild;
  gestationWeeks: number;
  gestationDays: number;
  /** True when no gestation was recorded and 40 weeks was assumed. */
  gestationAssumed: boolean;
  /** The recorded facts this was derived from. */
  recordedGestation: number | undefined;
  recordedGestationDays: number | undefined;
  recordedSex: PersonState['sex'];
  /** The child's weights so far, kept by recordedWeights. */
  history?: WeightHistory;
}

const weighedChildren = new WeakMap<PersonState, WeighedChild>();

/** A born child whose weights can be followed, or undefined for an adult or an unborn baby. */
export function weighedChild(person: PersonState | undefined): WeighedChild | undefined {
  if (!person || person.role !== 'child' || person.bornMs === undefined) return undefined;
  // The same object while the birth facts stand, so that weights assessed for it stay valid.
  const cached = weighedChildren.get(person);
  if (
    cached &&
    cached.bornMs === person.bornMs &&
    cached.recordedGestation === person.gestationWeeks &&
    cached.recordedGestationDays === person.gestationDays &&
    cached.recordedSex === person.sex
  )
    return cached;
  const recorded = person.gestationWeeks;
  const weeks = recorded === undefined ? 40 : Math.floor(recorded);
  const fraction = recorded === undefined ? 0 : Math.round((recorded - weeks) * 7);
  const days = Math.min(6, (person.gestationDays ?? 0) + fraction);
  const sexKnown = person.sex === 'male' || person.sex === 'female';
  const child: WeighedChild = {
    person,
    bornMs: person.bornMs,
    growth: sexKnown
      ? { sex: person.sex as 'male' | 'female', bornMs: person.bornMs, gestationWeeks: weeks, gestationDays: days }
      : undefined,
    gestationWeeks: weeks,
    gestationDays: days,
    gestationAssumed: recorded === undefined,
    recordedGestation: person.gestationWeeks,
    recordedGestationDays: person.gestationDays,
    recordedSex: person.sex,
    history: undefined,
  };
  weighedChildren.set(person, child);
  return child;
}

interface WeightHistory {
  /** The event lists the history was built from: when the world replaces one, it is rebuilt. */
  births: readonly ThreadEvent[];
  measurements: readonly ThreadEvent[];
  /** How many of `measurements` have been read. */
  read: number;
  birthWeightKg: number | undefined;
  /** The birth facts the cached assessments were computed for. */
  growth: GrowthChild | undefined;
  weights: RecordedWeight[];
}

// Protocols look at a child's whole weight history on every new weight and on deadlines.
// The history is kept per child and extended as measurements arrive, and each weight is
// assessed once: the answer depends only on the weight and the child's birth facts.

/** Birth weight (from the birth record) and every weight measurement, oldest first. Callers must not modify it. */
export function recordedWeights(world: WorldView, child: WeighedChild): readonly RecordedWeight[] {
  const person = child.person;
  const births = world.eventsOf(person.id, 'birth');
  const measurements = world.eventsOf(person.id, 'measurement');
  let history = child.history;
  if (
    !history ||
    history.births !== births ||
    history.measurements !== measurements ||
    history.read > measurements.length ||
    history.birthWeightKg !== person.birthWeightKg
  ) {
    history = { births, measurements, read: 0, birthWeightKg: person.birthWeightKg, growth: undefined, weights: [] };
    const birth = births[0];
    if (birth?.type === 'birth' && person.birthWeightKg !== undefined) {
      history.weights.push({ at: birth.at, kg: person.birthWeightKg, key: birth.key, isBirthWeight: true });
    }
    child.history = history;
  }
  if (history.read < measurements.length) {
    const weights = history.weights;
    for (let i = history.read; i < measurements.length; i++) {
      const event = measurements[i] as ThreadEvent<'measurement'>;
      if (event.data.kind !== 'weight') continue;
      const weight: RecordedWeight = { at: event.at, kg: event.data.value, key: event.key, isBirthWeight: false };
      let j = weights.length;
      while (j > 0 && weights[j - 1].at > weight.at) j--;
      weights.splice(j, 0, weight);
    }
    history.read = measurements.length;
  }
  return history.weights;
}

/** The weights recorded up to and including `at` (the history is in time order). */
export function weightsUpTo(weights: readonly RecordedWeight[], at: number): readonly RecordedWeight[] {
  let n = weights.length;
  while (n > 0 && weights[n - 1].at > at) n--;
  return n === weights.length ? weights : weights.slice(0, n);
}

/**
 * SDS at the age the UK-WHO instructions prescribe (or on the given basis, so that weights
 * either side of the end of age correction are compared like with like); null where it
 * cannot be computed.
 */
export function weightSds(child: WeighedChild, weight: RecordedWeight, basis?: AgeBasis): number | null {
  if (!child.growth) return null;
  const result = assessment(child.growth, weight);
  if (result === null) return null;
  if (basis === undefined) return result.sds;
  return basis === 'corrected' ? result.correctedSds : result.chronologicalSds;
}

function assessment(growth: GrowthChild, weight: RecordedWeight): Assessment | null {
  if (weight.assessedFor === growth) return weight.assessment!;
  let result: Assessment | null;
  try {
    result = assessAt(growth, 'weight', weight.at, weight.kg);
  } catch (error) {
    if (!(error instanceof GrowthInputError)) throw error;
    result = null;
  }
  weight.assessment = result;
  weight.assessedFor = growth;
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
  const centile =
    sds !== null ? `${formatCentile(centileOfSds(sds))} centile` : child.growth ? 'centile not computable' : 'no centile: sex not recorded';
  const label = weight.isBirthWeight ? 'birth weight ' : '';
  return `${label}${weight.kg.toFixed(2)} kg on ${formatDay(weight.at, zone)} (${ageText(child, weight.at)}, ${centile})`;
}
