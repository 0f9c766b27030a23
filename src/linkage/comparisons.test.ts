import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NULL_LEVEL, type Comparison } from './comparison.ts';
import type { PersonRecord } from './person-record.ts';
import { prepareRecord } from './prepared-record.ts';
import { givenName } from './comparisons/given-name.ts';
import { familyName } from './comparisons/family-name.ts';
import { dateOfBirth } from './comparisons/date-of-birth.ts';
import { postcode } from './comparisons/postcode.ts';
import { area } from './comparisons/area.ts';
import { email } from './comparisons/email.ts';
import { phone } from './comparisons/phone.ts';
import { sex } from './comparisons/sex.ts';
import { nhsNumber } from './comparisons/nhs-number.ts';
import { COMPARISONS } from './comparisons/index.ts';

type Fields = Omit<PersonRecord, 'id'>;

/** The label of the level two records fall in, or 'null' when the comparison has no evidence. */
function level(comparison: Comparison, a: Fields, b: Fields): string {
  const found = comparison.compare(prepareRecord({ id: 'a', ...a }), prepareRecord({ id: 'b', ...b }));
  const reverse = comparison.compare(prepareRecord({ id: 'b', ...b }), prepareRecord({ id: 'a', ...a }));
  assert.equal(found, reverse, `${comparison.key} is not symmetric`);
  return found === NULL_LEVEL ? 'null' : comparison.levels[found].label;
}

const given = (name: string | undefined, family?: string): Fields => ({ name: { given: name, family } });
const family = (name: string | undefined, givenName?: string): Fields => ({ name: { given: givenName, family: name } });

test('every comparison ends in a catch-all level and only its first level may be term-frequency adjusted', () => {
  for (const comparison of COMPARISONS) {
    assert.ok(comparison.levels.length >= 2, comparison.key);
    comparison.levels.slice(1).forEach((lvl) => assert.ok(!lvl.termFrequency, `${comparison.key}: ${lvl.label}`));
    assert.equal(Boolean(comparison.levels[0].termFrequency), Boolean(comparison.termFrequencyValue), comparison.key);
  }
});

test('given name levels: exact, nickname, sound, Jaro-Winkler bands, swapped, different, missing', () => {
  assert.equal(level(givenName, given('Noah'), given(' noah ')), 'exact');
  assert.equal(level(givenName, given('William'), given('Bill')), 'nickname (William and Bill)');
  assert.equal(level(givenName, given('Kate'), given('Catherine')), 'nickname (William and Bill)');
  assert.equal(level(givenName, given('Stephen'), given('Stefan')), 'sounds alike (Double Metaphone)');
  assert.equal(level(givenName, given('Isabella'), given('Isabelal')), 'Jaro-Winkler at least 0.92');
  assert.equal(level(givenName, given('Theodore'), given('Thedero')), 'sounds alike (Double Metaphone)');
  assert.equal(level(givenName, given('Amelia'), given('Amelie-Rose')), 'Jaro-Winkler at least 0.88');
  assert.equal(
    level(givenName, given('Watson', 'Noah'), given('Noah', 'Watson')),
    'written as the family name (forename and surname swapped)',
  );
  assert.equal(level(givenName, given('Andrew'), given('Andersen')), 'Jaro-Winkler at least 0.7');
  assert.equal(level(givenName, given('Noah'), given('Isla')), 'different');
  assert.equal(level(givenName, given(undefined), given('Isla')), 'null');
});

test('family name levels: exact, sound, Jaro-Winkler bands, double-barrelled, swapped, different, missing', () => {
  assert.equal(level(familyName, family('Smith'), family('SMITH')), 'exact');
  assert.equal(level(familyName, family('Smith'), family('Smyth')), 'sounds alike (Double Metaphone)');
  assert.equal(level(familyName, family('Connolly'), family('Conolly')), 'sounds alike (Double Metaphone)');
  assert.equal(level(familyName, family('Richardson'), family('Richadrson')), 'Jaro-Winkler at least 0.92');
  assert.equal(level(familyName, family('Smith-Jones'), family('Jones')), 'shares one part of a double-barrelled name');
  assert.equal(
    level(familyName, family('Noah', 'Watson'), family('Watson', 'Noah')),
    'written as the given name (forename and surname swapped)',
  );
  assert.equal(level(familyName, family('Taylor'), family('Brown')), 'different');
  assert.equal(level(familyName, family(undefined), family('Brown')), 'null');
});

test('a Jaro-Winkler 0.88 band and a 0.7 band exist between sound-alike and different family names', () => {
  assert.equal(level(familyName, family('Thompson'), family('Thomsan')), 'Jaro-Winkler at least 0.92');
  assert.equal(level(familyName, family('Cooper'), family('Coepo')), 'Jaro-Winkler at least 0.88');
  assert.equal(level(familyName, family('Andrews'), family('Andersen')), 'Jaro-Winkler at least 0.7');
});

test('date of birth levels: exact, transposed, one field, month, year, ten years, different, missing', () => {
  const born = (date: string | undefined): Fields => ({ born: date });
  assert.equal(level(dateOfBirth, born('2008-03-23'), born('2008-03-23')), 'exact');
  assert.equal(level(dateOfBirth, born('2008-03-05'), born('2008-05-03')), 'day and month transposed');
  assert.equal(level(dateOfBirth, born('2008-03-23'), born('2003-03-23')), 'one of day, month or year differs');
  assert.equal(level(dateOfBirth, born('2008-03-23'), born('2008-03-28')), 'one of day, month or year differs');
  assert.equal(level(dateOfBirth, born('2008-03-30'), born('2008-04-02')), 'within a month');
  assert.equal(level(dateOfBirth, born('2015-10-29'), born('2016-01-27')), 'within a year');
  assert.equal(level(dateOfBirth, born('2008-03-23'), born('2013-07-01')), 'within ten years');
  assert.equal(level(dateOfBirth, born('1970-03-23'), born('2008-07-01')), 'different');
  assert.equal(level(dateOfBirth, born('2008-02-30'), born('2008-03-01')), 'null');
});

test('postcode levels: full, sector, district, area, different, missing', () => {
  const at = (code: string | undefined): Fields => ({ postcode: code });
  assert.equal(level(postcode, at('B33 8TH'), at('b338th')), 'same postcode');
  assert.equal(level(postcode, at('B33 8TH'), at('B33 8TJ')), 'same sector');
  assert.equal(level(postcode, at('B33 8TH'), at('B33 9AA')), 'same district');
  assert.equal(level(postcode, at('B33 8TH'), at('B1 1AA')), 'same area');
  assert.equal(level(postcode, at('B33 8TH'), at('M1 1AE')), 'different');
  assert.equal(level(postcode, at(undefined), at('M1 1AE')), 'null');
});

test('town, email, telephone, sex and NHS number levels', () => {
  assert.equal(level(area, { area: 'Stoke-on-Trent' }, { area: 'stoke on trent' }), 'exact');
  assert.equal(level(area, { area: 'Stockton-on-Tees' }, { area: 'Stocton-ok-Tees' }), 'Jaro-Winkler at least 0.88');
  assert.equal(level(area, { area: 'Bolton' }, { area: 'Leeds' }), 'different');
  assert.equal(level(email, { email: 'erin01@york.com' }, { email: 'ERIN01@york.com' }), 'exact');
  assert.equal(level(email, { email: 'erin01@york.com' }, { email: 'erin01@gmail.com' }), 'same part before the @');
  assert.equal(
    level(email, { email: 'hesterkurt@taylor-fitzgerald.com' }, { email: 'hesterkuot@taylrr-fitzgeraldcom' }),
    'Jaro-Winkler at least 0.88',
  );
  assert.equal(level(email, { email: 'erin01@york.com' }, { email: 'matthew78@ballard.net' }), 'different');
  assert.equal(level(phone, { phone: '07700 900123' }, { phone: '+447700900123' }), 'exact');
  assert.equal(level(phone, { phone: '07700 900123' }, { phone: '07700 900132' }), 'one or two digits differ');
  assert.equal(level(phone, { phone: '07700 900123' }, { phone: '01632 960001' }), 'different');
  assert.equal(level(sex, { sex: 'F' }, { sex: 'female' }), 'same');
  assert.equal(level(sex, { sex: 'male' }, { sex: 'female' }), 'different');
  assert.equal(level(sex, { sex: 'unknown' }, { sex: 'female' }), 'null');
  assert.equal(level(nhsNumber, { nhsNumber: '943 476 5919' }, { nhsNumber: '9434765919' }), 'same valid NHS number');
  assert.equal(level(nhsNumber, { nhsNumber: '9434765919' }, { nhsNumber: '4010232137' }), 'different valid NHS numbers');
  assert.equal(level(nhsNumber, { nhsNumber: '9434765918' }, { nhsNumber: '9434765919' }), 'null');
});
