import { NULL_LEVEL, type Comparison } from './comparison.ts';
import type { PreparedRecord } from './prepared-record.ts';
import { randomInt } from './random.ts';
import type { TermFrequencyTables } from './term-frequencies.ts';

/**
 * u probabilities from pairs drawn at random, nearly all of which are different
 * people (Splink's estimate_u_using_random_sampling). Exact-agreement levels with a
 * frequency table take their u from the table instead: it is exact, and sampling
 * would see too few agreements on rare values to estimate it.
 * Returns, per comparison, u per level, or null where no pair had the values.
 * Note that the exact level's share is taken from the table and the other levels are
 * scaled to fill the rest.
 */
export function estimateU(
  records: readonly PreparedRecord[],
  comparisons: readonly Comparison[],
  termFrequencies: TermFrequencyTables,
  options: { readonly maxPairs: number; readonly random: () => number; readonly fallback: readonly (readonly number[])[] },
): (number[] | null)[] {
  const counts = comparisons.map((comparison) => new Float64Array(comparison.levels.length));
  const tally = (a: PreparedRecord, b: PreparedRecord) => {
    for (let c = 0; c < comparisons.length; c++) {
      const level = comparisons[c].compare(a, b);
      if (level !== NULL_LEVEL) counts[c][level]++;
    }
  };
  const n = records.length;
  if ((n * (n - 1)) / 2 <= options.maxPairs) {
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) tally(records[i], records[j]);
  } else {
    for (let drawn = 0; drawn < options.maxPairs; drawn++) {
      const i = randomInt(options.random, n);
      let j = randomInt(options.random, n - 1);
      if (j >= i) j++;
      tally(records[i], records[j]);
    }
  }
  return comparisons.map((comparison, c) => {
    const levelCounts = counts[c];
    const observed = levelCounts.reduce((sum, count) => sum + count, 0);
    if (observed === 0) return null;
    const exact = comparison.termFrequencyValue ? (termFrequencies.get(comparison.key)?.chanceAgreement() ?? null) : null;
    return shares(levelCounts, observed, exact, options.fallback[c]);
  });
}

// A level no random pair fell into keeps its fallback u: zero would make it infinitely
// strong evidence, and a made-up count would make it arbitrarily strong.
function shares(levelCounts: Float64Array, observed: number, exactU: number | null, fallback: readonly number[]): number[] {
  const u = Array.from(levelCounts, (count) => count / observed);
  if (exactU !== null && exactU > 0) u[0] = exactU;
  const unobserved = u.map((value) => value === 0);
  const keptShare = fallback.reduce((sum, value, level) => sum + (unobserved[level] ? value : 0), 0);
  const observedShare = u.reduce((sum, value, level) => sum + (unobserved[level] ? 0 : value), 0);
  return u.map((value, level) => (unobserved[level] ? fallback[level] : (value / observedShare) * (1 - keptShare)));
}
