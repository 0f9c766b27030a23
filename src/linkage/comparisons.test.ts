import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NULL_LEVEL, type Comparison } from './comparison.ts';
import type { PersonRecord } from './person-record.ts';
import { prepareRecord } from './prepared-record.ts';
import { givenName } from './comparisons/given-name.ts';
import { familyName } from './comparisons/family-name.ts';
import { dateOfBirth } from './comparisons/date-of-birth.ts';
import { address } from './comparisons/address.ts';
import { area } from './comparisons/area.ts';
import { email } from './comparisons/email.ts';
import { mobile } from './comparisons/mobile.ts';
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

test('every comparison ends in a catch-all level; term-frequency levels have a value to count', () => {
  for (const comparison of COMPARISONS) {
    assert.ok(comparison.levels.length >= 2, comparison.key);
    assert.ok(!comparison.levels[comparison.levels.length - 1].termFrequency, comparison.key);
    const adjusted = comparison.levels.some((lvl) => lvl.termFrequency);
    assert.equal(adjusted, Boolean(comparison.termFrequencyValue), comparison.key);
    const beyondExact = comparison.levels.slice(1).some((lvl) => lvl.termFrequency);
    if (beyondExact) assert.ok(comparison.valueFrequency, `${comparison.key} needs valueFrequency for its other adjusted levels`);
  }
});

test('given name levels: exact, nickname, sound, Jaro-Winkler bands, swapped, in the other field, different, missing', () => {
  assert.equal(level(givenName, given('Noah'), given(' noah ')), 'exact');
  assert.equal(level(givenName, given('William'), given('Bill')), 'nickname (William and Bill)');
  assert.equal(level(givenName, given('Kate'), given('Catherine')), 'nickname (William and Bill)');
  assert.equal(level(givenName, given('Stephen'), given('Stefan')), 'sounds alike (Double Metaphone)');
  assert.equal(level(givenName, given('Isabella'), given('Isabelal')), 'Jaro-Winkler at least 0.92');
  assert.equal(level(givenName, given('Theodore'), given('Thedero')), 'sounds alike (Double Metaphone)');
  assert.equal(level(givenName, given('Amelia'), given('Amelie-Rose')), 'Jaro-Winkler at least 0.88');
  assert.equal(level(givenName, given('Watson', 'Noah'), given('Noah', 'Watson')), 'forename and surname swapped (both names)');
  // Swapped with a keying error in one of them.
  assert.equal(level(givenName, given('Carr', 'Ethan'), given('Ethan', 'Cra')), 'forename and surname swapped (both names)');
  // A lone given name keyed in the family-name field.
  assert.equal(level(givenName, given(undefined, 'Kieran'), given('Kieran', 'Selby')), 'written in the family-name field');
  assert.equal(level(givenName, given('Andrew'), given('Andersen')), 'Jaro-Winkler at least 0.7');
  assert.equal(level(givenName, given('Noah'), given('Isla')), 'different');
  assert.equal(level(givenName, given(undefined), given('Isla')), 'null');
});

test('one agreeing name is never counted twice, and a name in the wrong field is never held against a record', () => {
  // The family name agrees crosswise, the given names do not: not a swap.
  assert.equal(level(givenName, given('Marford', 'Ava'), given('Maryam', 'Marford')), 'Jaro-Winkler at least 0.7');
  assert.equal(level(familyName, family('Ava', 'Marford'), family('Marford', 'Maryam')), 'different');
  // A full swap is weighed with the given name only.
  assert.equal(level(familyName, family('Noah', 'Watson'), family('Watson', 'Noah')), 'null');
  // A lone given name in the family field: the family names are not compared.
  assert.equal(level(familyName, family('Kieran'), family('Selby', 'Kieran')), 'null');
  // A lone family name in the given-name field: the given names are not compared.
  assert.equal(level(givenName, given('Selby'), given('Kieran', 'Selby')), 'null');
  assert.equal(level(familyName, family(undefined, 'Selby'), family('Selby', 'Kieran')), 'written in the given-name field');
});

test('family name levels: exact, sound, Jaro-Winkler bands, double-barrelled, different, missing', () => {
  assert.equal(level(familyName, family('Smith'), family('SMITH')), 'exact');
  assert.equal(level(familyName, family('Smith'), family('Smyth')), 'sounds alike (Double Metaphone)');
  assert.equal(level(familyName, family('Connolly'), family('Conolly')), 'sounds alike (Double Metaphone)');
  assert.equal(level(familyName, family('Richardson'), family('Richadrson')), 'Jaro-Winkler at least 0.92');
  assert.equal(level(familyName, family('Smith-Jones'), family('Jones')), 'shares one part of a double-barrelled name');
  assert.equal(level(familyName, family('Taylor'), family('Brown')), 'different');
  assert.equal(level(familyName, family(undefined), family('Brown')), 'null');
});

test('a Jaro-Winkler 0.88 band and a 0.7 band exist between sound-alike and different family names', () => {
  assert.equal(level(familyName, family('Thompson'), family('Thomsan')), 'Jaro-Winkler at least 0.92');
  assert.equal(level(familyName, family('Cooper'), family('Coepo')), 'Jaro-Winkler at least 0.88');
  assert.equal(level(familyName, family('Andrews'), family('Andersen')), 'Jaro-Winkler at least 0.7');
});

test('date of birth levels: exact, transposed, a year or decade slip, one field, month, year, ten years, different, missing', () => {
  const born = (date: string | undefined): Fields => ({ born: date });
  assert.equal(level(dateOfBirth, born('2008-03-23'), born('2008-03-23')), 'exact');
  assert.equal(level(dateOfBirth, born('2008-03-05'), born('2008-05-03')), 'day and month transposed');
  assert.equal(level(dateOfBirth, born('1975-03-23'), born('1985-03-23')), 'year out by one or by ten (a slip of the pen)');
  assert.equal(level(dateOfBirth, born('1975-03-23'), born('1974-03-23')), 'year out by one or by ten (a slip of the pen)');
  assert.equal(level(dateOfBirth, born('2008-03-23'), born('2003-03-23')), 'one of day, month or year differs');
  assert.equal(level(dateOfBirth, born('2008-03-23'), born('2008-03-28')), 'one of day, month or year differs');
  assert.equal(level(dateOfBirth, born('2008-03-30'), born('2008-04-02')), 'within a month');
  assert.equal(level(dateOfBirth, born('2015-10-29'), born('2016-01-27')), 'within a year');
  assert.equal(level(dateOfBirth, born('2008-03-23'), born('2013-07-01')), 'within ten years');
  assert.equal(level(dateOfBirth, born('1970-03-23'), born('2008-07-01')), 'different');
  assert.equal(level(dateOfBirth, born('2008-02-30'), born('2008-03-01')), 'null');
});

test('postcode and landline levels: full, landline, sector, district, landline typo, area, different, missing', () => {
  const at = (code: string | undefined, phone?: string): Fields => ({ postcode: code, phone });
  assert.equal(level(address, at('B33 8TH'), at('b338th')), 'same postcode');
  assert.equal(level(address, at('B33 8TH', '0121 496 0000'), at('M1 1AE', '01214960000')), 'same landline');
  assert.equal(level(address, at('B33 8TH'), at('B33 8TJ')), 'same postcode sector');
  assert.equal(level(address, at('B33 8TH'), at('B33 9AA')), 'same postcode district');
  assert.equal(level(address, at(undefined, '0121 496 0000'), at(undefined, '0121 496 0009')), 'landline one or two digits differ');
  assert.equal(level(address, at('B33 8TH'), at('B1 1AA')), 'same postcode area');
  assert.equal(level(address, at('B33 8TH'), at('M1 1AE')), 'different');
  assert.equal(level(address, at(undefined), at('M1 1AE')), 'null');
  // A mobile is a person's own: not part of the address.
  assert.equal(level(address, at(undefined, '07700 900123'), at(undefined, '07700 900123')), 'null');
});

test('town, email, telephone, sex and NHS number levels', () => {
  assert.equal(level(area, { area: 'Stoke-on-Trent' }, { area: 'stoke on trent' }), 'exact');
  // Two postcodes say more than two towns.
  assert.equal(level(area, { area: 'Bolton', postcode: 'BL1 4AB' }, { area: 'Bolton', postcode: 'BL3 2XY' }), 'null');
  assert.equal(level(area, { area: 'Stockton-on-Tees' }, { area: 'Stocton-ok-Tees' }), 'Jaro-Winkler at least 0.88');
  assert.equal(level(area, { area: 'Bolton' }, { area: 'Leeds' }), 'different');
  assert.equal(level(email, { email: 'erin01@york.com' }, { email: 'ERIN01@york.com' }), 'exact');
  assert.equal(level(email, { email: 'erin01@york.com' }, { email: 'erin01@gmail.com' }), 'same part before the @');
  assert.equal(
    level(email, { email: 'hesterkurt@taylor-fitzgerald.com' }, { email: 'hesterkuot@taylrr-fitzgeraldcom' }),
    'Jaro-Winkler at least 0.88',
  );
  assert.equal(level(email, { email: 'erin01@york.com' }, { email: 'matthew78@ballard.net' }), 'different');
  assert.equal(level(mobile, { phone: '07700 900123' }, { phone: '+447700900123' }), 'exact');
  assert.equal(level(mobile, { phone: '07700 900123' }, { phone: '07700 900132' }), 'one or two digits differ');
  assert.equal(level(mobile, { phone: '07700 900123' }, { phone: '07911 123456' }), 'different');
  assert.equal(level(mobile, { phone: '07700 900123' }, { phone: '01632 960001' }), 'null');
  assert.equal(level(sex, { sex: 'F' }, { sex: 'female' }), 'same');
  assert.equal(level(sex, { sex: 'male' }, { sex: 'female' }), 'different');
  assert.equal(level(sex, { sex: 'unknown' }, { sex: 'female' }), 'null');
  assert.equal(level(nhsNumber, { nhsNumber: '943 476 5919' }, { nhsNumber: '9434765919' }), 'same valid NHS number');
  assert.equal(level(nhsNumber, { nhsNumber: '9434765919' }, { nhsNumber: '4010232137' }), 'different valid NHS numbers');
  assert.equal(level(nhsNumber, { nhsNumber: '9434765918' }, { nhsNumber: '9434765919' }), 'null');
});
