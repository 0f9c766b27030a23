import type { PreparedRecord } from '../prepared-record.ts';
import { jaroWinkler } from '../string-similarity.ts';

// Re-keying puts names in the wrong field: forename and surname swapped, or a record's
// only name in the other field. Each comparison reads the names where they really are,
// so that one agreement is never counted twice and a name in the wrong field is never
// held against the record.

function nearly(name: string | null, other: string | null): boolean {
  return name !== null && other !== null && (name === other || jaroWinkler(name, other) >= 0.92);
}

/** Forename and surname swapped: each record's given name is (nearly) the other's family name, and the other way round. */
export function namesSwapped(a: PreparedRecord, b: PreparedRecord): boolean {
  return nearly(a.given, b.family) && nearly(a.family, b.given);
}

/** One record has no given name and its family-name field holds the other's given name. */
export function givenNameInFamilyField(a: PreparedRecord, b: PreparedRecord): boolean {
  return (a.given === null && nearly(a.family, b.given)) || (b.given === null && nearly(b.family, a.given));
}

/** One record has no family name and its given-name field holds the other's family name. */
export function familyNameInGivenField(a: PreparedRecord, b: PreparedRecord): boolean {
  return (a.family === null && nearly(a.given, b.family)) || (b.family === null && nearly(b.given, a.family));
}
