import { NULL_LEVEL } from './comparison.ts';
import { givenName } from './comparisons/given-name.ts';
import { familyName } from './comparisons/family-name.ts';
import { dateOfBirth } from './comparisons/date-of-birth.ts';
import { nameParts, normaliseName } from './fields/name.ts';
import { parseBirthDate } from './fields/birth-date.ts';
import { prepareRecord } from './prepared-record.ts';
import type { SearchQuery } from './search-query.ts';

/** A person as search weighs them. */
export interface SearchCandidate {
  readonly given?: string;
  readonly family?: string;
  /** Local date of birth, YYYY-MM-DD. */
  readonly born?: string;
  readonly nhsNumber?: string;
  readonly postcode?: string;
}

// How much each level of the linkage's comparisons counts in a search (levels beyond
// these are too far apart to be the name typed).
const GIVEN_LEVEL_SCORE = [1, 0.9, 0.8, 0.8, 0.7];
const FAMILY_LEVEL_SCORE = [1, 0.8, 0.8, 0.7];
const DATE_LEVEL_SCORE = [1, 0.8, 0.7, 0.6, 0.4];
const PREFIX_SCORE = 0.75;

const levelScore = (level: number, scores: readonly number[]) => (level === NULL_LEVEL ? 0 : (scores[level] ?? 0));

/** How well one typed word matches a person's names: as given name, as family name, or as their start. */
function wordScore(word: string, candidate: SearchCandidate): number {
  const typed = normaliseName(word);
  if (typed === null) return 0;
  let best = 0;
  for (const part of nameParts(candidate.given)) {
    const level = givenName.compare(prepareRecord({ id: 'q', name: { given: word } }), prepareRecord({ id: 'c', name: { given: part } }));
    best = Math.max(best, levelScore(level, GIVEN_LEVEL_SCORE), part.startsWith(typed) && typed.length >= 2 ? PREFIX_SCORE : 0);
  }
  for (const part of [candidate.family, ...nameParts(candidate.family)]) {
    if (!part) continue;
    const level = familyName.compare(
      prepareRecord({ id: 'q', name: { family: word } }),
      prepareRecord({ id: 'c', name: { family: part } }),
    );
    const normal = normaliseName(part) ?? '';
    best = Math.max(best, levelScore(level, FAMILY_LEVEL_SCORE), normal.startsWith(typed) && typed.length >= 2 ? PREFIX_SCORE : 0);
  }
  return best;
}

/**
 * How well a person matches a search, or null when they do not: every word must be one
 * of their names (exactly, a nickname, alike in sound, close in spelling by Jaro-Winkler,
 * or its start), the date of birth within the linkage's slips of the pen (transposed,
 * a year out, one part wrong, within a month), the NHS number exact, the postcode exact
 * or in the district typed. The comparisons are the linkage's own (src/linkage/comparisons).
 */
export function searchScore(query: SearchQuery, candidate: SearchCandidate): number | null {
  let score = 0;
  for (const word of query.words) {
    const s = wordScore(word, candidate);
    if (s === 0) return null;
    score += s;
  }
  if (query.nhsNumber !== null) {
    if (candidate.nhsNumber?.replace(/\s/g, '') !== query.nhsNumber) return null;
    score += 2;
  }
  if (query.born !== null) {
    const born = parseBirthDate(candidate.born);
    if (born === null) return null;
    const level = dateOfBirth.compare(prepareRecord({ id: 'q', born: query.born.iso }), prepareRecord({ id: 'c', born: born.iso }));
    const s = levelScore(level, DATE_LEVEL_SCORE);
    if (s === 0) return null;
    score += s;
  }
  if (query.postcodeDistrict !== null) {
    const postcode = candidate.postcode?.toUpperCase().replace(/\s+/g, ' ');
    if (query.postcode !== null && postcode === query.postcode) score += 1;
    else if (postcode?.split(' ')[0] === query.postcodeDistrict) score += 0.5;
    else return null;
  }
  return score;
}
