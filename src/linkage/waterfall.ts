import { NULL_LEVEL } from './comparison.ts';
import { levelParameters, type PairScorer } from './pair-scorer.ts';
import { identityContradicted, sameNhsNumberLinks } from './match-decision.ts';
import { weightToProbability } from './model-parameters.ts';
import type { PreparedRecord } from './prepared-record.ts';

/** One comparison's contribution to a pair's match weight. */
export interface WaterfallStep {
  readonly comparison: string;
  readonly title: string;
  /** The level the pair fell in, or null when a value was missing (no evidence). */
  readonly level: string | null;
  readonly m: number | null;
  readonly u: number | null;
  /** When the exact level is term-frequency adjusted: how common the agreed value is (used instead of u). */
  readonly valueFrequency: number | null;
  /** log2 of the Bayes factor m/u (0 for a missing value). */
  readonly weight: number;
  /** The match weight after this step. */
  readonly runningWeight: number;
}

/** Why a pair scored as it did: prior, each comparison in turn, then the total. */
export interface Waterfall {
  readonly priorProbability: number;
  readonly priorWeight: number;
  readonly steps: readonly WaterfallStep[];
  readonly matchWeight: number;
  readonly probability: number;
  /** Set when a rule overrides the weight: the same NHS number links, contradicting names or sex go to review at best. */
  readonly rule: string | null;
}

/** The waterfall of one pair; `priorProbability` replaces the model's λ (an index rescales it to its size). */
export function explainPair(
  scorer: PairScorer,
  a: PreparedRecord,
  b: PreparedRecord,
  priorProbability = scorer.parameters.priorMatchProbability,
): Waterfall {
  const priorWeight = Math.log2(priorProbability / (1 - priorProbability));
  let running = priorWeight;
  const steps = scorer.comparisons.map((comparison, index): WaterfallStep => {
    const level = comparison.compare(a, b);
    if (level === NULL_LEVEL) {
      return {
        comparison: comparison.key,
        title: comparison.title,
        level: null,
        m: null,
        u: null,
        valueFrequency: null,
        weight: 0,
        runningWeight: running,
      };
    }
    const parameters = levelParameters(scorer.parameters, comparison)[level];
    const weight = scorer.levelWeight(index, level, a);
    running += weight;
    return {
      comparison: comparison.key,
      title: comparison.title,
      level: comparison.levels[level].label,
      m: parameters.m,
      u: parameters.u,
      valueFrequency: level === 0 ? scorer.exactValueFrequency(index, a) : null,
      weight,
      runningWeight: running,
    };
  });
  const rule = sameNhsNumberLinks(a, b)
    ? 'same valid NHS number, not contradicted by date of birth or sex'
    : identityContradicted(a, b)
      ? 'given names, sex or dates of birth contradict: never linked without a practitioner (twins, siblings, parent and child share the rest)'
      : null;
  return {
    priorProbability,
    priorWeight,
    steps,
    matchWeight: running,
    probability: sameNhsNumberLinks(a, b) ? 1 : weightToProbability(running),
    rule,
  };
}
