import type { Comparison } from './comparison.ts';
import type { PreparedRecord } from './prepared-record.ts';

/**
 * Pairs summarised by their agreement pattern (the level of every comparison) and how
 * often each pattern occurred. EM only ever needs these counts, so millions of pairs
 * shrink to a few thousand patterns.
 */
export class AgreementPatterns {
  private readonly counts = new Map<number, number>();
  private readonly radix: number;
  total = 0;

  constructor(readonly comparisons: readonly Comparison[]) {
    // Levels are stored shifted by one so that the null level (-1) becomes 0.
    this.radix = Math.max(...comparisons.map((comparison) => comparison.levels.length)) + 1;
  }

  add(a: PreparedRecord, b: PreparedRecord, weight = 1): void {
    let code = 0;
    for (let c = this.comparisons.length - 1; c >= 0; c--) code = code * this.radix + this.comparisons[c].compare(a, b) + 1;
    this.counts.set(code, (this.counts.get(code) ?? 0) + weight);
    this.total += weight;
  }

  /** Each distinct pattern as levels (NULL_LEVEL for missing) and its count. */
  *entries(): Generator<{ levels: Int8Array; count: number }> {
    for (const [code, count] of this.counts) {
      const levels = new Int8Array(this.comparisons.length);
      let rest = code;
      for (let c = 0; c < levels.length; c++) {
        levels[c] = (rest % this.radix) - 1;
        rest = Math.floor(rest / this.radix);
      }
      yield { levels, count };
    }
  }

  get distinctPatterns(): number {
    return this.counts.size;
  }
}
