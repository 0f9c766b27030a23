import { jaroWinkler } from '../string-similarity.ts';

/**
 * Whether a name written in one field is (nearly) the name in the other field of the
 * other record: forename and surname swapped, a common re-keying error.
 */
export function matchesOtherNameField(name: string, otherField: string | null): boolean {
  return otherField !== null && (name === otherField || jaroWinkler(name, otherField) >= 0.92);
}
