/**
 * The trained (or default) Fellegi–Sunter parameters: for each comparison level, m is
 * the chance of that level among pairs of records of the same person, u among pairs
 * of different people. Plain data, so it can be stored, reviewed and versioned.
 */
export interface LevelParameters {
  readonly label: string;
  readonly m: number;
  readonly u: number;
}

export interface ComparisonParameters {
  readonly key: string;
  readonly levels: readonly LevelParameters[];
}

/**
 * Pairs of records at one address (same postcode or telephone, see household.ts) are a
 * population of their own: different people there are relatives, who share a family
 * name, a date of birth when they are twins and a given name when a son is named after
 * his father. Their u is estimated among them, and their prior is the share of such
 * pairs that are one person; m is the model's m (a person's records differ in the same
 * ways wherever they live).
 */
export interface HouseholdParameters {
  /** Chance that two records of one household are the same person. */
  readonly priorMatchProbability: number;
  /** The same, by how many records share the address (bands of household.ts's RECORDS_AT_ADDRESS_BANDS). */
  readonly priorByRecordsAtAddress: readonly number[];
  /**
   * How many records of relatives share a record's family name (estimated at home: the
   * same-named relatives at the address), for pairs sharing a family name elsewhere.
   */
  readonly relativesSharingFamilyName?: number;
  /** u among different people of one household, for every comparison weighed there. */
  readonly comparisons: readonly { readonly key: string; readonly levels: readonly { readonly label: string; readonly u: number }[] }[];
}

export interface ModelParameters {
  readonly version: 2;
  /** Chance that two records drawn at random are the same person (λ). */
  readonly priorMatchProbability: number;
  readonly comparisons: readonly ComparisonParameters[];
  /** How the parameters were obtained, for the people who review them. */
  readonly provenance: string;
  /** How many records λ was estimated on: λ scales with 1 / records, so it must be rescaled for another population. */
  readonly recordsTrainedOn?: number;
  readonly household: HouseholdParameters;
}

/**
 * λ for comparing one record against `records` others. The trained λ says how many
 * other records of the same person a record has on average, λ × (trained − 1); those
 * are spread over the records at hand. A smaller population keeps the trained λ: a
 * nearly empty index must not make a link likelier just by being small.
 */
export function priorForPopulation(parameters: ModelParameters, records: number): number {
  const trainedOn = parameters.recordsTrainedOn;
  if (trainedOn === undefined || records <= trainedOn) return parameters.priorMatchProbability;
  return (parameters.priorMatchProbability * (trainedOn - 1)) / records;
}

/** Where the decision bands fall, as match probabilities. */
export interface DecisionThresholds {
  /** At or above: the same person, linked without asking. */
  readonly link: number;
  /** At or above (and below link): a practitioner decides. Below: not linked. */
  readonly review: number;
}

/**
 * Link only when the model is at least 95% sure; anything the model cannot call
 * either way at 95% (between 5% and 95%) goes to a person. Symmetric in match
 * weight (±4.25 bits), chosen on principle, not tuned on labels.
 */
export const DEFAULT_THRESHOLDS: DecisionThresholds = { link: 0.95, review: 0.05 };

export function probabilityToWeight(probability: number): number {
  return Math.log2(probability / (1 - probability));
}

export function weightToProbability(weight: number): number {
  const odds = 2 ** weight;
  return odds / (1 + odds);
}
