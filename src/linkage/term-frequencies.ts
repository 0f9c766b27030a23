import type { Comparison } from './comparison.ts';
import type { PreparedRecord } from './prepared-record.ts';

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

  get recordsWithValue(): number {
    return this.present;
  }
}

/** Frequency tables for every comparison with a term-frequency level, keyed by comparison. */
export type TermFrequencyTables = ReadonlyMap<string, TermFrequencies>;

export function buildTermFrequencies(comparisons: readonly Comparison[], records: readonly PreparedRecord[]): Map<string, TermFrequencies> {
  const tables = new Map<string, TermFrequencies>();
  for (const comparison of comparisons) {
    const valueOf = comparison.termFrequencyValue;
    if (!valueOf) continue;
    const table = new TermFrequencies();
    for (const record of records) table.add(valueOf(record));
    tables.set(comparison.key, table);
  }
  return tables;
}
