import { NULL_LEVEL, type Comparison } from './comparison.ts';
import type { ModelParameters } from './model-parameters.ts';
import type { PreparedRecord } from './prepared-record.ts';
import type { TermFrequencyTables, TermFrequencies } from './term-frequencies.ts';

// Below this many records with a value, observed frequencies say more about chance
// than about the population, so the level's trained u is used instead.
const MIN_RECORDS_FOR_TERM_FREQUENCIES = 100;

/**
 * Scores pairs of records: the match weight is the prior's log2 odds plus, for each
 * comparison, log2(m / u) of the level the pair falls in. Everything that can be is
 * worked out once here, because batch linking scores millions of pairs.
 */
export class PairScorer {
  readonly priorWeight: number;
  private readonly levelWeights: Float64Array[];
  private readonly log2ExactM: Float64Array;
  private readonly frequencyTables: (TermFrequencies | undefined)[];

  constructor(
    readonly comparisons: readonly Comparison[],
    readonly parameters: ModelParameters,
    readonly termFrequencies: TermFrequencyTables,
  ) {
    const lambda = parameters.priorMatchProbability;
    this.priorWeight = Math.log2(lambda / (1 - lambda));
    this.levelWeights = comparisons.map((comparison) => {
      const levels = levelParameters(parameters, comparison);
      return Float64Array.from(levels, (level) => Math.log2(level.m / level.u));
    });
    this.log2ExactM = Float64Array.from(comparisons, (comparison) => Math.log2(levelParameters(parameters, comparison)[0].m));
    this.frequencyTables = comparisons.map((comparison) =>
      comparison.termFrequencyValue ? termFrequencies.get(comparison.key) : undefined,
    );
  }

  /** The match weight of a pair (log2 of the posterior odds that they are one person). */
  weight(a: PreparedRecord, b: PreparedRecord): number {
    return this.priorWeight + this.evidenceWeight(a, b);
  }

  /** The sum of the comparisons' log2 Bayes factors, without the prior. */
  evidenceWeight(a: PreparedRecord, b: PreparedRecord): number {
    let total = 0;
    const comparisons = this.comparisons;
    for (let c = 0; c < comparisons.length; c++) {
      const level = comparisons[c].compare(a, b);
      if (level !== NULL_LEVEL) total += this.levelWeight(c, level, a);
    }
    return total;
  }

  /** The log2 Bayes factor of one comparison's level, term-frequency adjusted where it applies. */
  levelWeight(comparisonIndex: number, level: number, a: PreparedRecord): number {
    if (level === 0) {
      const frequency = this.exactValueFrequency(comparisonIndex, a);
      if (frequency !== null) return this.log2ExactM[comparisonIndex] - Math.log2(frequency);
    }
    return this.levelWeights[comparisonIndex][level];
  }

  /** How common the agreed value is, when its comparison is term-frequency adjusted. */
  exactValueFrequency(comparisonIndex: number, a: PreparedRecord): number | null {
    const table = this.frequencyTables[comparisonIndex];
    if (table === undefined || table.recordsWithValue < MIN_RECORDS_FOR_TERM_FREQUENCIES) return null;
    const value = this.comparisons[comparisonIndex].termFrequencyValue!(a);
    return value === null ? null : table.frequency(value);
  }
}

export function levelParameters(parameters: ModelParameters, comparison: Comparison) {
  const found = parameters.comparisons.find((candidate) => candidate.key === comparison.key);
  if (!found || found.levels.length !== comparison.levels.length) {
    throw new Error(`model parameters do not fit the ${comparison.key} comparison`);
  }
  return found.levels;
}
