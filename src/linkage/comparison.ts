import type { PreparedRecord } from './prepared-record.ts';

/** One rung of a comparison, from strongest agreement to "all other". */
export interface ComparisonLevel {
  readonly label: string;
  /**
   * Exact agreement on a value whose frequency varies (Smith against Ptolemy): its u
   * is replaced by how often the value itself occurs, as Splink does.
   */
  readonly termFrequency?: boolean;
}

/**
 * How one kind of evidence (given name, date of birth, ...) is compared: a ladder of
 * levels, the first that holds wins. Each level later gets its own m and u.
 */
export interface Comparison {
  readonly key: string;
  readonly title: string;
  /** Strongest first; the last level is always "anything else". */
  readonly levels: readonly ComparisonLevel[];
  /** The index of the first level that holds, or NULL_LEVEL when either value is missing. */
  compare(a: PreparedRecord, b: PreparedRecord): number;
  /** The value whose frequency adjusts a term-frequency level. */
  termFrequencyValue?: (record: PreparedRecord) => string | null;
}

/** Either record lacks the value: the comparison is no evidence either way. */
export const NULL_LEVEL = -1;
