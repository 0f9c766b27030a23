import type { PreparedRecord } from './prepared-record.ts';

/**
 * Only pairs that share a blocking key are compared: a rule is chosen so that almost
 * every true match shares at least one key across the rules, while the pairs compared
 * stay in the millions, not the N²/2 of comparing everything.
 */
export interface BlockingRule {
  readonly name: string;
  /** The key, or null when the record cannot be blocked by this rule. */
  key(record: PreparedRecord): BlockingKey | null;
  /**
   * A key shared by more records than this finds no pairs under this rule: a common
   * given name with a year of birth is shared by hundreds in a million, and their pairs
   * are found by the other rules when they are the same person at all.
   */
  readonly maxBlockSize?: number;
}

/** A key: a value as it is (an email address), or two small numbers combined (numbers are grouped faster). */
export type BlockingKey = string | number;

const BROAD = 25;

// Parts of keys, as whole numbers below 2^21 (-1 when missing).
const present = (id: number) => (id < 0 ? null : id);
const initial = (name: string | null) => (name === null ? null : name.charCodeAt(0));
const givenSound = (r: PreparedRecord) => present(r.givenSoundId);
const familySound = (r: PreparedRecord) => present(r.familySoundId);
/** The given name, or when there is none the family-name field (where a lone given name is often keyed). */
const firstName = (r: PreparedRecord) => (r.given !== null ? givenSound(r) : familySound(r));
const firstInitial = (r: PreparedRecord) => initial(r.given ?? r.family);
// Days since 1970, shifted to stay positive for anyone born since 1700.
const birthDay = (r: PreparedRecord) => (r.born === null ? null : r.born.dayNumber + 100_000);
const monthDay = (r: PreparedRecord) => (r.born === null ? null : r.born.month * 32 + r.born.day);
const year = (r: PreparedRecord) => (r.born === null ? null : r.born.year);
const both = (x: number | null, y: number | null) => (x === null || y === null ? null : x * 2 ** 21 + y);

/**
 * The rules for finding candidate pairs. Each tolerates one wrong or missing field that
 * another needs: a pair with a mistyped given name is found by the family name and year
 * of birth, one whose year slipped by a decade by the day and month with a name, one
 * whose names were swapped by the names in either order, and so on. Blocking recall
 * (the share of true pairs compared at all) is measured on every labelled set:
 * `npx tsx bench/linkage-accuracy.ts`.
 */
export const BLOCKING_RULES: readonly BlockingRule[] = [
  { name: 'same NHS number', key: (r) => r.nhsNumber },
  { name: 'same email', key: (r) => r.email },
  { name: 'same email before the @', key: (r) => r.emailLocal },
  { name: 'same telephone', key: (r) => r.mobile ?? r.landline },
  { name: 'full name as it sounds, in either order', key: (r) => phoneticNamePair(r), maxBlockSize: 100 },
  { name: 'family name as it sounds and year of birth', key: (r) => both(familySound(r), year(r)), maxBlockSize: BROAD },
  { name: 'given name as it sounds and year of birth', key: (r) => both(firstName(r), year(r)), maxBlockSize: BROAD },
  { name: 'date of birth and given-name initial', key: (r) => both(birthDay(r), firstInitial(r)) },
  { name: 'date of birth and family-name initial', key: (r) => both(birthDay(r), initial(r.family)) },
  { name: 'day and month of birth and given name as it sounds', key: (r) => both(monthDay(r), firstName(r)), maxBlockSize: BROAD },
  { name: 'day and month of birth and family name as it sounds', key: (r) => both(monthDay(r), familySound(r)), maxBlockSize: BROAD },
  { name: 'family name as it sounds and given-name initial', key: (r) => both(familySound(r), initial(r.given)), maxBlockSize: BROAD },
  { name: 'postcode and given-name initial', key: (r) => both(present(r.postcodeId), firstInitial(r)) },
  { name: 'postcode and family-name initial', key: (r) => both(present(r.postcodeId), initial(r.family)) },
  { name: 'date of birth and postcode district', key: (r) => both(birthDay(r), present(r.districtId)) },
  { name: 'date of birth and town', key: (r) => both(birthDay(r), present(r.areaId)), maxBlockSize: BROAD },
  { name: 'family name as it sounds and postcode district', key: (r) => both(familySound(r), present(r.districtId)) },
];

function phoneticNamePair(record: PreparedRecord): number | null {
  const given = givenSound(record),
    family = familySound(record);
  if (given === null || family === null) return null;
  return given < family ? both(given, family) : both(family, given);
}
