import type { PreparedRecord } from './prepared-record.ts';

/** One rung of a comparison, from strongest agreement to "all other". */
export interface ComparisonLevel {
  readonly label: string;
  /**
   * Agreement on a value whose frequency varies (Smith against Ptolemy): its u is
   * replaced by how often the value itself occurs, as Splink does.
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
  /**
   * When `compare` gives NULL_LEVEL although both records hold the values, why they
   * are not weighed (for the waterfall); otherwise the value was simply missing.
   */
  notWeighedBecause?: (a: PreparedRecord, b: PreparedRecord) => string | null;
  /** The value whose frequency adjusts a term-frequency level (and fills this comparison's frequency table). */
  termFrequencyValue?: (record: PreparedRecord) => string | null;
  /**
   * How common the agreed values are at a term-frequency level, used in place of u;
   * without it, the exact level takes the frequency of the first record's value.
   */
  valueFrequency?: (level: number, a: PreparedRecord, b: PreparedRecord, frequencyOf: FrequencyLookup) => number | null;
}

/** How common a value is in one comparison's frequency table, or null when the table is too small to say. */
export type FrequencyLookup = (comparisonKey: string, value: string | null) => number | null;

/** Either record lacks the value: the comparison is no evidence either way. */
export const NULL_LEVEL = -1;
