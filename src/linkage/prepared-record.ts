import type { PersonRecord } from './person-record.ts';
import { normaliseName, nameParts } from './fields/name.ts';
import { nicknameGroups } from './fields/nicknames.ts';
import { parsePostcode, type PostcodeParts } from './fields/postcode.ts';
import { isMobile, normalisePhone } from './fields/phone.ts';
import { emailLocalPart, normaliseEmail } from './fields/email.ts';
import { parseBirthDate, type BirthDate } from './fields/birth-date.ts';
import { normaliseNhsNumber } from './nhs-number.ts';
import { phoneticCodes } from './string-similarity.ts';
import { interner, memoise } from './memo.ts';

/**
 * A record with every derived value the comparisons and blocking rules need, computed
 * once. Missing or unusable values are null, which the comparisons treat as "no
 * evidence" rather than disagreement.
 */
export interface PreparedRecord {
  readonly id: string;
  readonly given: string | null;
  readonly givenPhonetic: readonly [string, string] | null;
  readonly givenNicknames: readonly number[];
  /** The given name's characters, for string similarity (shared between records of one name). */
  readonly givenChars: readonly string[] | null;
  readonly family: string | null;
  readonly familyPhonetic: readonly [string, string] | null;
  readonly familyParts: readonly string[];
  readonly familyChars: readonly string[] | null;
  readonly born: BirthDate | null;
  readonly sex: 'female' | 'male' | null;
  readonly nhsNumber: string | null;
  readonly postcode: PostcodeParts | null;
  readonly area: string | null;
  readonly email: string | null;
  readonly emailLocal: string | null;
  /** Numbers standing for the values blocking keys are built from (see memo.ts's interner); -1 when missing. */
  readonly givenSoundId: number;
  readonly familySoundId: number;
  readonly postcodeId: number;
  readonly districtId: number;
  readonly areaId: number;
  /** A mobile number (a person's own). */
  readonly mobile: string | null;
  /** Any other telephone number (usually a household's). */
  readonly landline: string | null;
}

const phoneticOf = memoise(phoneticCodes);
const charsOf = memoise((name: string) => [...name]);

/**
 * Where a prepared record's numbers for sounds and places come from: the process's own
 * (numbers that mean something only in the process that made them), or an identity
 * index's, which it keeps with its state.
 */
export interface KeyNumbering {
  readonly sound: (value: string) => number;
  readonly place: (value: string) => number;
}

const PROCESS_NUMBERING: KeyNumbering = { sound: interner(), place: interner() };
const partsOf = memoise(nameParts);
const birthDateOf = memoise(parseBirthDate);
const postcodeOf = memoise(parsePostcode);

export function prepareRecord(record: PersonRecord): PreparedRecord {
  return prepareWith(record, PROCESS_NUMBERING);
}

/** Prepares records with their sounds and places numbered by `numbering`. */
export function recordPreparer(numbering: KeyNumbering): (record: PersonRecord) => PreparedRecord {
  return (record) => prepareWith(record, numbering);
}

const soundOf = (phonetic: readonly [string, string] | null, numbering: KeyNumbering) =>
  phonetic === null || phonetic[0] === '' ? -1 : numbering.sound(phonetic[0]);

function prepareWith(record: PersonRecord, numbering: KeyNumbering): PreparedRecord {
  const given = normaliseName(record.name?.given);
  const family = normaliseName(record.name?.family);
  const email = normaliseEmail(record.email);
  const phone = normalisePhone(record.phone);
  const givenPhonetic = given === null ? null : phoneticOf(given);
  const familyPhonetic = family === null ? null : phoneticOf(family);
  const postcode = record.postcode === undefined ? null : postcodeOf(record.postcode);
  const area = normaliseArea(record.area);
  return {
    id: record.id,
    given,
    givenPhonetic,
    givenNicknames: nicknameGroups(given),
    givenChars: given === null ? null : charsOf(given),
    family,
    familyPhonetic,
    familyChars: family === null ? null : charsOf(family),
    familyParts: record.name?.family === undefined ? [] : partsOf(record.name.family),
    born: record.born === undefined ? null : birthDateOf(record.born),
    sex: normaliseSex(record.sex),
    nhsNumber: normaliseNhsNumber(record.nhsNumber),
    postcode,
    area,
    email,
    emailLocal: email === null ? null : emailLocalPart(email),
    givenSoundId: soundOf(givenPhonetic, numbering),
    familySoundId: soundOf(familyPhonetic, numbering),
    postcodeId: postcode === null ? -1 : numbering.place(postcode.full),
    districtId: postcode === null ? -1 : numbering.place(postcode.district),
    areaId: area === null ? -1 : numbering.place(area),
    mobile: phone !== null && isMobile(phone) ? phone : null,
    landline: phone !== null && !isMobile(phone) ? phone : null,
  };
}

function normaliseSex(value: string | undefined): 'female' | 'male' | null {
  const text = value?.trim().toLowerCase();
  if (text === 'female' || text === 'f') return 'female';
  if (text === 'male' || text === 'm') return 'male';
  return null;
}

function normaliseArea(value: string | undefined): string | null {
  if (value === undefined) return null;
  const text = value.toLowerCase().replace(/[^a-z]/g, '');
  return text.length > 0 ? text : null;
}
