import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BLOCKING_RULES } from './blocking-rule.ts';
import { forEachCandidatePair } from './candidate-pairs.ts';
import { IdentityIndex } from './identity-index.ts';
import { linkRecords } from './link-records.ts';
import type { PersonRecord } from './person-record.ts';
import { prepareRecord } from './prepared-record.ts';

// 943 476 5919 is valid; 943 476 5918 fails the modulus 11 check.
const VALID = '943 476 5919',
  INVALID = '943 476 5918';
const strangers = (nhsNumber: string): PersonRecord[] => [
  { id: 'a', name: { given: 'Oliver', family: 'Connolly' }, born: '1972-03-08', nhsNumber },
  { id: 'b', name: { given: 'Ruby', family: 'Ahmed' }, born: '2001-11-30', nhsNumber },
];

test('an invalid NHS number is no blocking key: two strangers sharing one are never compared', () => {
  const compared = (records: PersonRecord[]) => {
    let found = 0;
    forEachCandidatePair(records.map(prepareRecord), BLOCKING_RULES, () => found++);
    return found;
  };
  assert.equal(compared(strangers(INVALID)), 0);
  assert.equal(compared(strangers(VALID)), 1);
});

test('in a batch, a shared invalid NHS number links nothing; a shared valid one identifies', () => {
  const twoOfOne: PersonRecord[] = [
    { id: 'c', name: { given: 'Ivy' }, nhsNumber: VALID, born: '1990-01-01' },
    { id: 'd', name: { family: 'Brown' }, nhsNumber: VALID, born: '1990-01-01' },
  ];
  assert.notEqual(linkRecords(strangers(INVALID)).clusterOf[1], 0);
  assert.equal(linkRecords(twoOfOne).clusterOf[1], 0);
  const invalid = twoOfOne.map((record) => ({ ...record, nhsNumber: INVALID }));
  assert.notEqual(linkRecords(invalid).clusterOf[1], 0, 'without the number, a given name and a family name are not enough');
});

test('the identity index neither finds nor links a record by an invalid NHS number', () => {
  const index = new IdentityIndex();
  index.add({ id: 'known', name: { given: 'Amelia', family: 'Alexander' }, born: '1983-05-19', nhsNumber: INVALID }, 'person-1');
  assert.deepEqual(index.match({ id: 'q', name: { given: 'Amy' }, nhsNumber: INVALID }), []);
  const valid = new IdentityIndex();
  valid.add({ id: 'known', name: { given: 'Amelia', family: 'Alexander' }, born: '1983-05-19', nhsNumber: VALID }, 'person-1');
  const [match] = valid.match({ id: 'q', name: { given: 'Amy' }, nhsNumber: VALID });
  assert.equal(match.decision, 'link');
  const step = match.waterfall.steps.find((s) => s.comparison === 'nhs-number')!;
  assert.equal(step.level, 'same valid NHS number');
});
