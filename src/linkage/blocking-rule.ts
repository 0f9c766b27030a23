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
}

const initial = (name: string | null) => (name === null ? null : name[0]);

/** The rules for finding candidate pairs, each catching matches the others miss. */
export const BLOCKING_RULES: readonly BlockingRule[] = [
  { name: 'same NHS number', key: (r) => r.nhsNumber },
  { name: 'names sound alike, in either order', key: (r) => phoneticNamePair(r) },
  { name: 'same date of birth and given-name initial', key: (r) => (r.born && r.given ? `${r.born.iso}|${initial(r.given)}` : null) },
  { name: 'same date of birth and family-name initial', key: (r) => (r.born && r.family ? `${r.born.iso}|${initial(r.family)}` : null) },
  { name: 'same date of birth and initials, in either order', key: (r) => (r.born ? initialsEitherOrder(r, r.born.iso) : null) },
  { name: 'same email', key: (r) => r.email },
  { name: 'same email before the @', key: (r) => r.emailLocal },
  { name: 'same telephone', key: (r) => r.phone },
  { name: 'same postcode and given-name initial', key: (r) => (r.postcode && r.given ? `${r.postcode.full}|${initial(r.given)}` : null) },
  { name: 'same date of birth and town', key: (r) => (r.born && r.area ? `${r.born.iso}|${r.area}` : null) },
  { name: 'same date of birth and postcode district', key: (r) => (r.born && r.postcode ? `${r.born.iso}|${r.postcode.district}` : null) },
  {
    name: 'family name sounds alike and same postcode district',
    key: (r) => (r.familyPhonetic && r.postcode ? `${r.familyPhonetic[0]}|${r.postcode.district}` : null),
  },
];

function initialsEitherOrder(record: PreparedRecord, prefix: string): string | null {
  if (record.given === null || record.family === null) return null;
  const given = record.given[0],
    family = record.family[0];
  return given < family ? `${prefix}|${given}|${family}` : `${prefix}|${family}|${given}`;
}

function phoneticNamePair(record: PreparedRecord): string | null {
  if (record.givenPhonetic === null || record.familyPhonetic === null) return null;
  const given = record.givenPhonetic[0],
    family = record.familyPhonetic[0];
  return given < family ? `${given}|${family}` : `${family}|${given}`;
}
