import type { PreparedRecord } from './prepared-record.ts';

/**
 * Only pairs that share a blocking key are compared: a rule is chosen so that almost
 * every true match shares at least one key across the rules, while the pairs compared
 * stay in the millions, not the N²/2 of comparing everything.
 */
export interface BlockingRule {
  readonly name: string;
  /** The key, or null when the record cannot be blocked by this rule. */
  key(record: PreparedRecord): string | null;
  /**
   * A key shared by more records than this finds no pairs under this rule: a common
   * given name with a year of birth is shared by hundreds in a million, and their pairs
   * are found by the other rules when they are the same person at all.
   */
  readonly maxBlockSize?: number;
}

const BROAD = 25;

const initial = (name: string | null) => (name === null ? null : name[0]);
const sound = (phonetic: readonly [string, string] | null) => (phonetic === null || phonetic[0] === '' ? null : phonetic[0]);
/** The given name, or when there is none the family-name field (where a lone given name is often keyed). */
const firstName = (r: PreparedRecord) => (r.given !== null ? sound(r.givenPhonetic) : sound(r.familyPhonetic));
const firstInitial = (r: PreparedRecord) => initial(r.given ?? r.family);
const monthDay = (r: PreparedRecord) => (r.born === null ? null : r.born.iso.slice(5));
const year = (r: PreparedRecord) => (r.born === null ? null : String(r.born.year));
const both = (x: string | null, y: string | null) => (x === null || y === null ? null : `${x}|${y}`);

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
  { name: 'family name as it sounds and year of birth', key: (r) => both(sound(r.familyPhonetic), year(r)), maxBlockSize: BROAD },
  { name: 'given name as it sounds and year of birth', key: (r) => both(firstName(r), year(r)), maxBlockSize: BROAD },
  { name: 'date of birth and given-name initial', key: (r) => both(r.born?.iso ?? null, firstInitial(r)) },
  { name: 'date of birth and family-name initial', key: (r) => both(r.born?.iso ?? null, initial(r.family)) },
  { name: 'day and month of birth and given name as it sounds', key: (r) => both(monthDay(r), firstName(r)), maxBlockSize: BROAD },
  { name: 'day and month of birth and family name as it sounds', key: (r) => both(monthDay(r), sound(r.familyPhonetic)), maxBlockSize: BROAD },
  { name: 'date of birth and sex', key: (r) => both(r.born?.iso ?? null, r.sex), maxBlockSize: BROAD },
  { name: 'family name as it sounds and given-name initial', key: (r) => both(sound(r.familyPhonetic), initial(r.given)), maxBlockSize: BROAD },
  { name: 'postcode and given-name initial', key: (r) => both(r.postcode?.full ?? null, firstInitial(r)) },
  { name: 'postcode and family-name initial', key: (r) => both(r.postcode?.full ?? null, initial(r.family)) },
  { name: 'date of birth and postcode district', key: (r) => both(r.born?.iso ?? null, r.postcode?.district ?? null) },
  { name: 'date of birth and town', key: (r) => both(r.born?.iso ?? null, r.area) },
  { name: 'family name as it sounds and postcode district', key: (r) => both(sound(r.familyPhonetic), r.postcode?.district ?? null) },
];

function phoneticNamePair(record: PreparedRecord): string | null {
  const given = sound(record.givenPhonetic),
    family = sound(record.familyPhonetic);
  if (given === null || family === null) return null;
  return given < family ? `${given}|${family}` : `${family}|${given}`;
}
