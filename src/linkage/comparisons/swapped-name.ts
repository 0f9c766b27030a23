import type { PreparedRecord } from '../prepared-record.ts';
import { jaroWinkler, soundAlike } from '../string-similarity.ts';

// Re-keying puts names in the wrong field: forename and surname swapped, or a record's
// only name in the other field. Each comparison reads the names where they really are,
// so that one agreement is never counted twice and a name in the wrong field is never
// held against the record.

type Phonetic = readonly [string, string] | null;

/**
 * The same name, allowing a keying error: equal, sounding alike, or beginning with the
 * same letter and Jaro-Winkler at least 0.88 (the first letter is the one least often
 * mistyped, and checking it first spares most pairs the similarity).
 */
function nearly(name: string | null, sound: Phonetic, other: string | null, otherSound: Phonetic): boolean {
  if (name === null || other === null) return false;
  if (name === other || soundAlike(sound!, otherSound!)) return true;
  return name[0] === other[0] && jaroWinkler(name, other) >= 0.88;
}

/** Forename and surname swapped: each record's given name is (nearly) the other's family name, and the other way round. */
export function namesSwapped(a: PreparedRecord, b: PreparedRecord): boolean {
  return nearly(a.given, a.givenPhonetic, b.family, b.familyPhonetic) && nearly(a.family, a.familyPhonetic, b.given, b.givenPhonetic);
}

/** One record has no given name and its family-name field holds the other's given name. */
export function givenNameInFamilyField(a: PreparedRecord, b: PreparedRecord): boolean {
  return (
    (a.given === null && nearly(a.family, a.familyPhonetic, b.given, b.givenPhonetic)) ||
    (b.given === null && nearly(b.family, b.familyPhonetic, a.given, a.givenPhonetic))
  );
}

/** One record has no family name and its given-name field holds the other's family name. */
export function familyNameInGivenField(a: PreparedRecord, b: PreparedRecord): boolean {
  return (
    (a.family === null && nearly(a.given, a.givenPhonetic, b.family, b.familyPhonetic)) ||
    (b.family === null && nearly(b.given, b.givenPhonetic, a.family, a.familyPhonetic))
  );
}
