import type { Comparison } from './comparison.ts';
import type { PreparedRecord } from './prepared-record.ts';
import { ADDRESS_FREQUENCY_FIELDS } from './household.ts';
import { SortedStrings, byValue, extendSorted, type SortedStringsState } from './sorted-strings.ts';

/** A table of term frequencies as a state keeps it: the values in order, and how many records carry each. */
export interface TermFrequenciesState {
  readonly values: SortedStringsState;
  readonly counts: Int32Array;
  readonly present: number;
}

/**
 * How often each value of one field occurs among the records that have the field.
 * Agreeing on "Smith" is weaker evidence than agreeing on "Ptolemy": the exact level's
 * Bayes factor becomes m / frequency(value) instead of m / u.
 */
export class TermFrequencies {
  private readonly counts = new Map<string, number>();
  private present = 0;
  /** The values of a restored state (found by binary search) and their counts; values met since are in `counts`. */
  private readonly restoredValues: SortedStrings;
  private readonly restoredCounts: Int32Array;

  constructor(state?: TermFrequenciesState) {
    this.restoredValues = state ? new SortedStrings(state.values) : SortedStrings.EMPTY;
    this.restoredCounts = state ? state.counts.slice() : new Int32Array(0);
    this.present = state?.present ?? 0;
  }

  add(value: string | null): void {
    if (value === null) return;
    const restored = this.restoredValues.find(value);
    if (restored >= 0) this.restoredCounts[restored]++;
    else this.counts.set(value, (this.counts.get(value) ?? 0) + 1);
    this.present++;
  }

  remove(value: string | null): void {
    if (value === null) return;
    const restored = this.restoredValues.find(value);
    if (restored >= 0) {
      if (this.restoredCounts[restored] === 0) return;
      this.restoredCounts[restored]--;
      this.present--;
      return;
    }
    const count = this.counts.get(value);
    if (count === undefined) return;
    if (count === 1) this.counts.delete(value);
    else this.counts.set(value, count - 1);
    this.present--;
  }

  /** Share of records (with the field) carrying the value; at least one occurrence is assumed. */
  frequency(value: string): number {
    return Math.max(this.count(value), 1) / Math.max(this.present, 1);
  }

  /**
   * Probability that two different records, both with the field, agree on it when
   * drawn at random: the exact u, computed rather than sampled.
   */
  chanceAgreement(): number | null {
    if (this.present < 2) return null;
    let sameValuePairs = 0;
    for (const count of this.restoredCounts) sameValuePairs += count * (count - 1);
    for (const count of this.counts.values()) sameValuePairs += count * (count - 1);
    return sameValuePairs / (this.present * (this.present - 1));
  }

  /** How many records carry the value. */
  count(value: string): number {
    if (this.restoredCounts.length > 0) {
      const restored = this.restoredValues.find(value);
      if (restored >= 0) return this.restoredCounts[restored];
    }
    return this.counts.get(value) ?? 0;
  }

  /** The table as a state: the restored values keep their numbers (with a count of 0 for one no record carries now), new ones follow. */
  exportState(): TermFrequenciesState {
    const added = [...this.counts.keys()].sort(byValue);
    const counts = new Int32Array(this.restoredCounts.length + added.length);
    counts.set(this.restoredCounts);
    added.forEach((value, i) => (counts[this.restoredCounts.length + i] = this.counts.get(value)!));
    return { values: extendSorted(this.restoredValues, added), counts, present: this.present };
  }

  get recordsWithValue(): number {
    return this.present;
  }
}

/** Frequency tables for every comparison with a term-frequency level, keyed by comparison. */
export type TermFrequencyTables = ReadonlyMap<string, TermFrequencies>;

/** A field whose values are counted: a term-frequency comparison's, or one that says how many records share an address. */
export interface FrequencyField {
  readonly key: string;
  value(record: PreparedRecord): string | null;
}

export function frequencyFields(comparisons: readonly Comparison[]): FrequencyField[] {
  const fields: FrequencyField[] = [];
  for (const comparison of comparisons)
    if (comparison.termFrequencyValue) fields.push({ key: comparison.key, value: comparison.termFrequencyValue });
  return [...fields, ...ADDRESS_FREQUENCY_FIELDS];
}

export function buildTermFrequencies(comparisons: readonly Comparison[], records: readonly PreparedRecord[]): Map<string, TermFrequencies> {
  const tables = new Map<string, TermFrequencies>();
  for (const field of frequencyFields(comparisons)) {
    const table = new TermFrequencies();
    for (const record of records) table.add(field.value(record));
    tables.set(field.key, table);
  }
  return tables;
}
