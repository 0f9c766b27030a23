import { NULL_LEVEL, type Comparison, type FrequencyLookup } from './comparison.ts';
import { HOUSEHOLD_COMPARISONS, addressBand, sameHousehold } from './household.ts';
import type { ModelParameters } from './model-parameters.ts';
import type { PreparedRecord } from './prepared-record.ts';
import type { TermFrequencyTables, TermFrequencies } from './term-frequencies.ts';

// Below this many records with a value, observed frequencies say more about chance
// than about the population, so the level's trained u is used instead.
const MIN_RECORDS_FOR_TERM_FREQUENCIES = 100;

/**
 * Scores pairs of records: the match weight is the prior's log2 odds plus, for each
 * comparison, log2(m / u) of the level the pair falls in. Two records of one household
 * are weighed as relatives would be (see HouseholdParameters): their own prior, u among
 * relatives, and the fields that make them one household left out. Everything that can
 * be is worked out once here, because batch linking scores millions of pairs.
 */
export class PairScorer {
  readonly priorWeight: number;
  /** Per band of records at the address (household.ts), the prior's log2 odds for two records there. */
  readonly householdPriorWeights: Float64Array;
  private readonly levelWeights: Float64Array[];
  /** Per comparison, log2(m / u among relatives) per level, or null when not weighed within a household. */
  private readonly householdLevelWeights: (Float64Array | null)[];
  private readonly log2M: Float64Array[];
  /** Per comparison and level, whether the level's u is replaced by how common the agreed value is. */
  private readonly frequencyLevels: boolean[][];
  private readonly frequencyTables: ReadonlyMap<string, TermFrequencies>;
  private readonly frequencyOf: FrequencyLookup;
  private readonly familyIndex: number;
  private readonly relativesPerRecord: number;

  constructor(
    readonly comparisons: readonly Comparison[],
    readonly parameters: ModelParameters,
    readonly termFrequencies: TermFrequencyTables,
  ) {
    this.priorWeight = logOdds(parameters.priorMatchProbability);
    this.householdPriorWeights = Float64Array.from(parameters.household.priorByRecordsAtAddress, logOdds);
    this.levelWeights = comparisons.map((comparison) => {
      const levels = levelParameters(parameters, comparison);
      return Float64Array.from(levels, (level) => Math.log2(level.m / level.u));
    });
    this.householdLevelWeights = comparisons.map((comparison) => {
      if (HOUSEHOLD_COMPARISONS.has(comparison.key)) return null;
      const m = levelParameters(parameters, comparison);
      const u = householdLevels(parameters, comparison);
      return Float64Array.from(m, (level, index) => Math.log2(level.m / u[index].u));
    });
    this.log2M = comparisons.map((comparison) => Float64Array.from(levelParameters(parameters, comparison), (level) => Math.log2(level.m)));
    this.frequencyLevels = comparisons.map((comparison) => comparison.levels.map((level) => Boolean(level.termFrequency)));
    this.frequencyTables = termFrequencies;
    this.familyIndex = comparisons.findIndex((comparison) => comparison.key === 'family-name');
    this.relativesPerRecord = this.familyIndex < 0 ? 0 : (parameters.household.relativesSharingFamilyName ?? 0);
    this.frequencyOf = (key, value) => {
      const table = this.frequencyTables.get(key);
      if (value === null || table === undefined || table.recordsWithValue < MIN_RECORDS_FOR_TERM_FREQUENCIES) return null;
      return table.frequency(value);
    };
  }

  /** The match weight of a pair (log2 of the posterior odds that they are one person). */
  weight(a: PreparedRecord, b: PreparedRecord): number {
    return this.weightWithPrior(a, b, this.priorWeight);
  }

  /**
   * The match weight with another prior for pairs outside a household (an index rescales
   * λ to its size); a household's prior is a share of its own pairs and stays.
   */
  weightWithPrior(a: PreparedRecord, b: PreparedRecord, priorWeight: number): number {
    const household = sameHousehold(a, b);
    let total = household ? this.householdPriorWeights[addressBand(a, b, this.frequencyTables)] : priorWeight;
    const comparisons = this.comparisons;
    // Outside a household, a shared family name may still mean relatives: see relativesCorrection.
    const sharedFamily = !household && a.family !== null && a.family === b.family && this.relativesPerRecord > 0;
    let relativeLikelihood = 0;
    for (let c = 0; c < comparisons.length; c++) {
      if (household && this.householdLevelWeights[c] === null) continue;
      const level = comparisons[c].compare(a, b);
      if (level === NULL_LEVEL) continue;
      const weight = this.levelWeight(c, level, a, b, household);
      total += weight;
      if (sharedFamily && c !== this.familyIndex && this.householdLevelWeights[c] !== null)
        relativeLikelihood += weight - this.householdLevelWeights[c]![level];
    }
    return sharedFamily ? total + this.relativesCorrection(a, relativeLikelihood) : total;
  }

  /**
   * Two records sharing a family name may be relatives living apart (a twin whose record
   * has no address, a father recorded elsewhere): the rest of the evidence then agrees
   * as it does between relatives. With ρ the chance that two different people of that
   * family name are relatives (the relatives a record has, shared among the records
   * carrying the name: rare names are mostly families, Smith is not), the likelihood
   * under "different people" is ρ·Π u(relatives) + (1 − ρ)·Π u, not Π u. `logRatio` is
   * log2 Π (u(relatives) / u) over the comparisons weighed; the correction is at most 0.
   */
  relativesCorrection(a: PreparedRecord, logRatio: number): number {
    const share = this.relativesShare(a);
    return share === 0 ? 0 : -Math.log2(1 - share + share * 2 ** logRatio);
  }

  /** The relatives correction of a pair outside a household that shares a family name (0 otherwise). */
  relativesCorrectionOf(a: PreparedRecord, b: PreparedRecord): number {
    if (sameHousehold(a, b) || a.family === null || a.family !== b.family || this.relativesPerRecord === 0) return 0;
    let logRatio = 0;
    for (let c = 0; c < this.comparisons.length; c++) {
      const relatives = this.householdLevelWeights[c];
      if (c === this.familyIndex || relatives === null) continue;
      const level = this.comparisons[c].compare(a, b);
      if (level !== NULL_LEVEL) logRatio += this.levelWeight(c, level, a, b) - relatives[level];
    }
    return this.relativesCorrection(a, logRatio);
  }

  /** ρ: the chance that two different people with a's family name are relatives. */
  relativesShare(a: PreparedRecord): number {
    const bearers = a.family === null ? 0 : (this.frequencyTables.get('family-name')?.count(a.family) ?? 0);
    if (bearers < 2) return 0;
    return Math.min(1, this.relativesPerRecord / (bearers - 1));
  }

  /**
   * The log2 Bayes factor of one comparison's level: term-frequency adjusted where it
   * applies, or against relatives' u within a household (0 for a field that makes the household).
   */
  levelWeight(comparisonIndex: number, level: number, a: PreparedRecord, b: PreparedRecord, household = false): number {
    if (household) return this.householdLevelWeights[comparisonIndex]?.[level] ?? 0;
    if (this.frequencyLevels[comparisonIndex][level]) {
      const frequency = this.valueFrequency(comparisonIndex, level, a, b);
      if (frequency !== null) return this.log2M[comparisonIndex][level] - Math.log2(frequency);
    }
    return this.levelWeights[comparisonIndex][level];
  }

  /** The band of records at the address of two records of one household. */
  addressBand(a: PreparedRecord, b: PreparedRecord): number {
    return addressBand(a, b, this.frequencyTables);
  }

  /** Whether a comparison is weighed between two records of one household. */
  weighedWithinHousehold(comparisonIndex: number): boolean {
    return this.householdLevelWeights[comparisonIndex] !== null;
  }

  /** How common the agreed value is at a term-frequency adjusted level (null when it is not, or the table is too small). */
  valueFrequency(comparisonIndex: number, level: number, a: PreparedRecord, b: PreparedRecord): number | null {
    if (!this.frequencyLevels[comparisonIndex][level]) return null;
    const comparison = this.comparisons[comparisonIndex];
    if (comparison.valueFrequency) return comparison.valueFrequency(level, a, b, this.frequencyOf);
    return level === 0 && comparison.termFrequencyValue ? this.frequencyOf(comparison.key, comparison.termFrequencyValue(a)) : null;
  }
}

function logOdds(probability: number): number {
  return Math.log2(probability / (1 - probability));
}

export function levelParameters(parameters: ModelParameters, comparison: Comparison) {
  const found = parameters.comparisons.find((candidate) => candidate.key === comparison.key);
  if (!found || found.levels.length !== comparison.levels.length) {
    throw new Error(`model parameters do not fit the ${comparison.key} comparison`);
  }
  return found.levels;
}

/** u among different people of one household, per level of a comparison weighed there. */
export function householdLevels(parameters: ModelParameters, comparison: Comparison) {
  const found = parameters.household.comparisons.find((candidate) => candidate.key === comparison.key);
  if (!found || found.levels.length !== comparison.levels.length) {
    throw new Error(`household parameters do not fit the ${comparison.key} comparison`);
  }
  return found.levels;
}
