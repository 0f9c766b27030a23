import type { Comparison } from './comparison.ts';
import type { PreparedRecord } from './prepared-record.ts';
import { ADDRESS_FREQUENCY_FIELDS } from './household.ts';

/**
 * How often each value of one field occurs among the records that have the field.
 * Agreeing on "Smith" is weaker evidence than agreeing on "Ptolemy": the exact level's
 * Bayes factor becomes m / frequency(value) instead of m / u.
 */
export class TermFrequencies {
  private readonly counts = new Map<string, number>();
  private present = 0;

  add(value: string | null): void {
    if (value === null) return;
    this.counts.set(value, (this.counts.get(value) ?? 0) + 1);
    this.present++;
  }

  remove(value: string | null): void {
    if (value === null) return;
    const count = this.counts.get(value);
    if (count === undefined) return;
    if (count === 1) this.counts.delete(value);
    else this.counts.set(value, count - 1);
    this.present--;
  }

  /** Share of records (with the field) carrying the value; at least one occurrence is assumed. */
  frequency(value: string): number {
    return Math.max(this.counts.get(value) ?? 0, 1) / Math.max(this.present, 1);
  }

  /**
   * Probability that two different records, both with the field, agree on it when
   * drawn at random: the exact u, computed rather than sampled.
   */
  chanceAgreement(): number | null {
    if (this.present < 2) return null;
    let sameValuePairs = 0;
    for (const count of this.counts.values()) sameValuePairs += count * (count - 1);
    return sameValuePairs / (this.present * (this.present - 1));
  }

  /** How many records carry the value. */
  count(value: string): number {
    return this.counts.get(value) ?? 0;
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
