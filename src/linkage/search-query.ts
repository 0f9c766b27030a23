import { DateTime } from 'luxon';
import { parseBirthDate, type BirthDate } from './fields/birth-date.ts';
import { normaliseNhsNumber } from './nhs-number.ts';
import { parsePostcode } from './fields/postcode.ts';

/** What a practitioner typed in the search box, read as the fields it names. */
export interface SearchQuery {
  /** The words left once numbers, dates and postcodes are taken out: parts of names. */
  readonly words: readonly string[];
  /** Ten digits, valid or not (a mistyped number still finds its exact holder). */
  readonly nhsNumber: string | null;
  /** Whether `nhsNumber` passes the check digit. */
  readonly nhsNumberValid: boolean;
  readonly born: BirthDate | null;
  /** A full postcode ("PE13 2AB") or only its district ("PE13"). */
  readonly postcode: string | null;
  readonly postcodeDistrict: string | null;
}

const NHS = /\b(\d{3})[\s-]?(\d{3})[\s-]?(\d{4})\b/;
const NUMERIC_DATE = /\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})\b|\b(\d{4})-(\d{2})-(\d{2})\b/;
const WORDED_DATE = /\b(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,9})\s+(\d{4})\b/i;
const POSTCODE = /\b([a-z]{1,2}\d[a-z\d]?)\s*(\d[a-z]{2})\b/i;
const DISTRICT = /\b([a-z]{1,2}\d[a-z\d]?)\b/i;

/** A two-digit year as a date of birth: this century unless that would be in the future. */
function fullYear(text: string, now: DateTime): number {
  if (text.length === 4) return Number(text);
  const year = 2000 + Number(text);
  return year > now.year ? year - 100 : year;
}

function takeDate(text: string, now: DateTime): { born: BirthDate | null; rest: string } {
  const numeric = NUMERIC_DATE.exec(text);
  if (numeric) {
    const iso = numeric[4]
      ? `${numeric[4]}-${numeric[5]}-${numeric[6]}`
      : `${fullYear(numeric[3], now)}-${numeric[2].padStart(2, '0')}-${numeric[1].padStart(2, '0')}`;
    return { born: parseBirthDate(iso), rest: text.replace(numeric[0], ' ') };
  }
  const worded = WORDED_DATE.exec(text);
  if (worded) {
    const month = ['MMMM', 'MMM'].map((f) => DateTime.fromFormat(worded[2], f, { locale: 'en-GB' })).find((d) => d.isValid);
    if (month) {
      const iso = `${worded[3]}-${String(month.month).padStart(2, '0')}-${worded[1].padStart(2, '0')}`;
      return { born: parseBirthDate(iso), rest: text.replace(worded[0], ' ') };
    }
  }
  return { born: null, rest: text };
}

/**
 * Reads a search: an NHS number (spaced or not), a date of birth (12/03/2024, 12.3.24,
 * 2024-03-12, 12 March 2024), a postcode or its district, and the rest as name words.
 * In any order, any mix.
 */
export function parseSearchQuery(text: string, now: DateTime = DateTime.now()): SearchQuery {
  let rest = ` ${text} `;
  const nhs = NHS.exec(rest);
  const nhsNumber = nhs ? `${nhs[1]}${nhs[2]}${nhs[3]}` : null;
  if (nhs) rest = rest.replace(nhs[0], ' ');
  const date = takeDate(rest, now);
  rest = date.rest;
  let postcode: string | null = null;
  let postcodeDistrict: string | null = null;
  const full = POSTCODE.exec(rest);
  const parsed = full ? parsePostcode(full[0]) : null;
  if (full && parsed) {
    postcode = parsed.full;
    postcodeDistrict = parsed.district;
    rest = rest.replace(full[0], ' ');
  } else {
    const district = DISTRICT.exec(rest);
    if (district) {
      postcodeDistrict = district[1].toUpperCase();
      rest = rest.replace(district[0], ' ');
    }
  }
  const words = rest
    .split(/[\s,]+/)
    .map((w) => w.trim())
    .filter((w) => /\p{L}/u.test(w))
    .slice(0, 4);
  return {
    words,
    nhsNumber,
    nhsNumberValid: nhsNumber !== null && normaliseNhsNumber(nhsNumber) !== null,
    born: date.born,
    postcode,
    postcodeDistrict,
  };
}
