import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePostcode } from './fields/postcode.ts';
import { normalisePhone } from './fields/phone.ts';
import { parseBirthDate } from './fields/birth-date.ts';
import { nameParts, normaliseName } from './fields/name.ts';
import { nicknameGroups, shareNicknameGroup } from './fields/nicknames.ts';
import { emailLocalPart, normaliseEmail } from './fields/email.ts';

test('postcodes parse in any case and spacing into full, sector, district and area', () => {
  assert.deepEqual(parsePostcode('sw1a1aa'), { full: 'SW1A 1AA', sector: 'SW1A 1', district: 'SW1A', area: 'SW' });
  assert.deepEqual(parsePostcode(' B33 8TH '), { full: 'B33 8TH', sector: 'B33 8', district: 'B33', area: 'B' });
  assert.equal(parsePostcode('M1 1AE')?.district, 'M1');
  assert.equal(parsePostcode('not a postcode'), null);
  assert.equal(parsePostcode('SW1A'), null);
  assert.equal(parsePostcode(undefined), null);
});

test('telephone numbers reduce to national digits', () => {
  assert.equal(normalisePhone('+44 7700 900123'), '07700900123');
  assert.equal(normalisePhone('0044 7700 900123'), '07700900123');
  assert.equal(normalisePhone('07700-900-123'), '07700900123');
  assert.equal(normalisePhone('123'), null);
});

test('dates of birth must be real dates, ISO or UK order', () => {
  assert.deepEqual(parseBirthDate('2008-03-23'), { iso: '2008-03-23', year: 2008, month: 3, day: 23, dayNumber: 13961 });
  assert.equal(parseBirthDate('23/03/2008')?.iso, '2008-03-23');
  assert.equal(parseBirthDate('2023-02-29'), null);
  assert.equal(parseBirthDate('2008-13-01'), null);
  assert.equal(parseBirthDate('yesterday'), null);
});

test('names lose case, accents and punctuation; double-barrelled names keep their parts', () => {
  assert.equal(normaliseName(" O'Brien-Zoë "), 'obrienzoe');
  assert.equal(normaliseName('  '), null);
  assert.deepEqual(nameParts('Smith-Jones'), ['smith', 'jones']);
  assert.deepEqual(nameParts("de la O'Neill"), ['de', 'la', 'oneill']);
});

test('nicknames share a group with their formal names, and only with them', () => {
  assert.ok(shareNicknameGroup(nicknameGroups('bill'), nicknameGroups('william')));
  assert.ok(shareNicknameGroup(nicknameGroups('alex'), nicknameGroups('alexandra')));
  assert.ok(shareNicknameGroup(nicknameGroups('alex'), nicknameGroups('alexander')));
  assert.ok(!shareNicknameGroup(nicknameGroups('alexander'), nicknameGroups('alexandra')));
  assert.ok(!shareNicknameGroup(nicknameGroups('bill'), nicknameGroups('robert')));
  assert.deepEqual(nicknameGroups('zebedee'), []);
  assert.deepEqual(nicknameGroups(null), []);
});

test('emails are trimmed and lower-cased; the local part survives a lost @', () => {
  assert.equal(normaliseEmail(' Noah.W@Example.COM '), 'noah.w@example.com');
  assert.equal(emailLocalPart('noah.w@example.com'), 'noah.w');
  assert.equal(emailLocalPart('noahwexample.com'), 'noahwexample.com');
});
