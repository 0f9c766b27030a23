import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { parseSearchQuery } from './search-query.ts';
import { searchScore } from './search-match.ts';

const now = DateTime.fromISO('2026-12-02T12:00', { zone: 'Europe/London' });

test('a search is read as the fields it names, in any order', () => {
  const q = parseSearchQuery('Jack  COOK 20/03/2017 pe13 2ab', now);
  assert.deepEqual(q.words, ['Jack', 'COOK']);
  assert.equal(q.born?.iso, '2017-03-20');
  assert.equal(q.postcode, 'PE13 2AB');
  assert.equal(q.postcodeDistrict, 'PE13');
  assert.equal(q.nhsNumber, null);
  assert.deepEqual(
    [parseSearchQuery('999 000 0018', now).nhsNumber, parseSearchQuery('9990000018', now).nhsNumberValid],
    ['9990000018', true],
  );
  assert.equal(parseSearchQuery('9990000019', now).nhsNumberValid, false);
  assert.equal(parseSearchQuery('smith 3 March 1995', now).born?.iso, '1995-03-03');
  assert.equal(parseSearchQuery('1.4.24', now).born?.iso, '2024-04-01');
  assert.equal(parseSearchQuery('1.4.99', now).born?.iso, '1999-04-01', 'a two-digit year is never in the future');
  assert.deepEqual(parseSearchQuery('smith PE13', now), { ...parseSearchQuery('smith', now), postcodeDistrict: 'PE13' });
});

test('names match exactly, by nickname, by sound, with a slip of spelling, or by their start; anything else does not', () => {
  const person = { given: 'William', family: 'Thompson', born: '2017-03-20', nhsNumber: '9990000018', postcode: 'PE13 2AB' };
  const score = (text: string) => searchScore(parseSearchQuery(text, now), person);
  assert.ok(score('william thompson')! > score('bill thompson')!, 'exact before nickname');
  for (const text of ['bill', 'thomson', 'tompson', 'wiliam', 'thom', 'Thompson William']) assert.ok(score(text) !== null, text);
  for (const text of ['harry', 'jones', 'william jones']) assert.equal(score(text), null, text);
  // Dates of birth: exact, transposed, a year out, one part wrong; not two parts wrong.
  for (const text of ['20/03/2017', '03/20/2017 william', '20/03/2016']) assert.ok(score(text) !== null, text);
  assert.ok(score('20/08/2017')! < score('20/03/2017')!);
  assert.equal(score('20/08/2015'), null);
  assert.ok(score('999 000 0018')! > 0);
  assert.equal(score('999 000 0026'), null);
  assert.ok(score('thompson PE13 2AB')! > score('thompson PE13')!, 'the full postcode before its district');
  assert.equal(score('thompson CB1'), null);
});
