import type { PreparedRecord } from '../prepared-record.ts';
import { jaroWinkler, soundAlike } from '../string-similarity.ts';

// Re-keying puts names in the wrong field: forename and surname swapped, or a record's
// only name in the other field. Each comparison reads the names where they really are,
// so that one agreement is never counted twice and a name in the wrong field is never
// held against the record.

type Phonetic = readonly [string, string] | null;
type Chars = readonly string[] | null;

/**
 * The same name, allowing a keying error: equal, sounding alike, or beginning with the
 * same letter and Jaro-Winkler at least 0.88 (the first letter is the one least often
 * mistyped, and checking it first spares most pairs the similarity).
 */
function nearly(
  name: string | null,
  sound: Phonetic,
  chars: Chars,
  other: string | null,
  otherSound: Phonetic,
  otherChars: Chars,
): boolean {
  if (name === null || other === null) return false;
  if (name === other || soundAlike(sound!, otherSound!)) return true;
  return name[0] === other[0] && jaroWinkler(chars!, otherChars!) >= 0.88;
}

/** Forename and surname swapped: each record's given name is (nearly) the other's family name, and the other way round. */
export function namesSwapped(a: PreparedRecord, b: PreparedRecord): boolean {
  return (
    nearly(a.given, a.givenPhonetic, a.givenChars, b.family, b.familyPhonetic, b.familyChars) &&
    nearly(a.family, a.familyPhonetic, a.familyChars, b.given, b.givenPhonetic, b.givenChars)
  );
}

/** One record has no given name and its family-name field holds the other's given name. */
export function givenNameInFamilyField(a: PreparedRecord, b: PreparedRecord): boolean {
  return (
    (a.given === null && nearly(a.family, a.familyPhonetic, a.familyChars, b.given, b.givenPhonetic, b.givenChars)) ||
    (b.given === null && nearly(b.family, b.familyPhonetic, b.familyChars, a.given, a.givenPhonetic, a.givenChars))
  );
}

/** One record has no family name and its given-name field holds the other's family name. */
export function familyNameInGivenField(a: PreparedRecord, b: PreparedRecord): boolean {
  return (
    (a.family === null && nearly(a.given, a.givenPhonetic, a.givenChars, b.family, b.familyPhonetic, b.familyChars)) ||
    (b.family === null && nearly(b.given, b.givenPhonetic, b.givenChars, a.family, a.familyPhonetic, a.familyChars))
  );
}
