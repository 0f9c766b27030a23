import { jaroWinkler as jaroWinklerSimilarity } from '@skyra/jaro-winkler';
import { doubleMetaphone } from 'double-metaphone';
import { distance } from 'fastest-levenshtein';

// The string metrics come from small, maintained libraries; this module only fixes the
// names and conventions the comparisons use.

/**
 * Jaro–Winkler similarity, 1 for identical strings, 0 for nothing in common. Names are
 * passed as the arrays of characters prepared once per name (see PreparedRecord), which
 * spares the library splitting them again for each of millions of pairs.
 */
export function jaroWinkler(a: string | readonly string[], b: string | readonly string[]): number {
  return a === b ? 1 : jaroWinklerSimilarity(a, b);
}

/** Levenshtein edit distance. */
export function levenshtein(a: string, b: string): number {
  return distance(a, b);
}

/** The Double Metaphone codes of a name (primary and alternate, the same when there is one). */
export function phoneticCodes(name: string): readonly [string, string] {
  const [primary, alternate] = doubleMetaphone(name);
  return [primary, alternate];
}

/** Two names sound alike when any of their Double Metaphone codes coincide. */
export function soundAlike(a: readonly [string, string], b: readonly [string, string]): boolean {
  if (a[0] === '' || b[0] === '') return false;
  return a[0] === b[0] || a[0] === b[1] || a[1] === b[0] || a[1] === b[1];
}
