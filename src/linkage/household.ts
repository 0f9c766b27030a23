import type { PreparedRecord } from './prepared-record.ts';

/**
 * Two records at one address: the same postcode or the same telephone. Such a pair is
 * the same person, or two members of one family (a father and his son of one name,
 * twins, a mother and her daughter), or neighbours: the shared address says nothing
 * about which, and relatives share more than strangers (a family name, sometimes a
 * birthday or a given name). The model weighs these pairs as a population of their own
 * (see HouseholdParameters and PairScorer).
 */
export function sameHousehold(a: PreparedRecord, b: PreparedRecord): boolean {
  if (a.postcode !== null && b.postcode !== null && a.postcode.full === b.postcode.full) return true;
  return a.phone !== null && a.phone === b.phone;
}

/** The comparisons that make two records one household: within a household they are no evidence of the person. */
export const HOUSEHOLD_COMPARISONS: ReadonlySet<string> = new Set(['address', 'area']);

/** The same test on a pair's comparison levels (for EM, which sees only patterns): the address at "same postcode" or "same telephone". */
export function householdPattern(comparisonKeys: readonly string[]): (levels: ArrayLike<number>) => boolean {
  const address = comparisonKeys.indexOf('address');
  if (address < 0) return () => false;
  return (levels) => levels[address] === 0 || levels[address] === 1;
}
