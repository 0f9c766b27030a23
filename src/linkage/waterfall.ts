import { NULL_LEVEL } from './comparison.ts';
import { describeBand, sameHousehold } from './household.ts';
import { householdLevels, levelParameters, type PairScorer } from './pair-scorer.ts';
import { sameNhsNumberLinks } from './match-decision.ts';
import { weightToProbability } from './model-parameters.ts';
import type { PreparedRecord } from './prepared-record.ts';

/** One comparison's contribution to a pair's match weight. */
export interface WaterfallStep {
  readonly comparison: string;
  readonly title: string;
  /** The level the pair fell in, or null when a value was missing (no evidence). */
  readonly level: string | null;
  readonly m: number | null;
  /** u among different people: of one household when the pair is one household. */
  readonly u: number | null;
  /** When the exact level is term-frequency adjusted: how common the agreed value is (used instead of u). */
  readonly valueFrequency: number | null;
  /** log2 of the Bayes factor m/u (0 for a missing value). */
  readonly weight: number;
  /** The match weight after this step. */
  readonly runningWeight: number;
  /** Why a level carries no weight although both records hold the values. */
  readonly note: string | null;
}

/** Why a pair scored as it did: prior, each comparison in turn, then the total. */
export interface Waterfall {
  /**
   * Set when the two records are one household (same postcode or telephone): then the
   * prior is the share of such pairs that are one person, and u is among relatives
   * (twins share a birthday, a son his father's name).
   */
  readonly household: { readonly recordsAtAddress: string } | null;
  readonly priorProbability: number;
  readonly priorWeight: number;
  readonly steps: readonly WaterfallStep[];
  readonly matchWeight: number;
  readonly probability: number;
  /** Set when a rule decides instead of the weight (the same valid NHS number links). */
  readonly rule: string | null;
  /**
   * Evidence beyond the pair that lowered the probability or sent the pair to a
   * practitioner: a relative at the same address matching as well, an impossible family.
   */
  readonly guards: readonly string[];
}

/** The waterfall of one pair; `priorProbability` replaces the model's λ outside households (an index rescales it to its size). */
export function explainPair(
  scorer: PairScorer,
  a: PreparedRecord,
  b: PreparedRecord,
  priorProbability = scorer.parameters.priorMatchProbability,
): Waterfall {
  const household = sameHousehold(a, b);
  const band = household ? scorer.addressBand(a, b) : null;
  const prior = band !== null ? scorer.parameters.household.priorByRecordsAtAddress[band] : priorProbability;
  const priorWeight = Math.log2(prior / (1 - prior));
  let running = priorWeight;
  const steps: WaterfallStep[] = [];
  scorer.comparisons.forEach((comparison, index) => {
    const level = comparison.compare(a, b);
    const step = (fields: Pick<WaterfallStep, 'level' | 'm' | 'u' | 'valueFrequency' | 'weight' | 'note'>) =>
      steps.push({ comparison: comparison.key, title: comparison.title, runningWeight: running, ...fields });
    if (level === NULL_LEVEL) {
      step({ level: null, m: null, u: null, valueFrequency: null, weight: 0, note: comparison.notWeighedBecause?.(a, b) ?? null });
      return;
    }
    const label = comparison.levels[level].label;
    if (household && !scorer.weighedWithinHousehold(index)) {
      const note = 'makes the two records one household: in the prior, not weighed again';
      step({ level: label, m: null, u: null, valueFrequency: null, weight: 0, note });
      return;
    }
    const parameters = levelParameters(scorer.parameters, comparison)[level];
    const u = household ? householdLevels(scorer.parameters, comparison)[level].u : parameters.u;
    const weight = scorer.levelWeight(index, level, a, b, household);
    running += weight;
    const valueFrequency = household ? null : scorer.valueFrequency(index, level, a, b);
    step({ level: label, m: parameters.m, u, valueFrequency, weight, note: null });
  });
  const correction = scorer.relativesCorrectionOf(a, b);
  if (correction !== 0) {
    running += correction;
    steps.push({
      comparison: 'relatives',
      title: 'Relatives sharing the family name',
      level: `ρ = ${scorer.relativesShare(a).toFixed(3)}`,
      m: null,
      u: null,
      valueFrequency: null,
      weight: correction,
      runningWeight: running,
      note: 'different people with this family name may be relatives, who agree as relatives do (twins on a birthday)',
    });
  }
  const nhsRule = sameNhsNumberLinks(a, b);
  return {
    household: band === null ? null : { recordsAtAddress: describeBand(band) },
    priorProbability: prior,
    priorWeight,
    steps,
    matchWeight: running,
    probability: nhsRule ? 1 : weightToProbability(running),
    rule: nhsRule ? 'same valid NHS number, not contradicted by date of birth or sex' : null,
    guards: [],
  };
}
