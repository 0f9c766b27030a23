import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BLOCKING_RULES } from './blocking-rule.ts';
import { blockingRecall } from './blocking-recall.ts';
import { forEachCandidatePair } from './candidate-pairs.ts';
import type { PersonRecord } from './person-record.ts';
import { prepareRecord } from './prepared-record.ts';

const person: PersonRecord = { id: 'a', name: { given: 'Kieran', family: 'Selby' }, born: '1978-06-11' };

// Records of the same person with one name or date field wrong or missing, and nothing
// else to go on (no address, telephone, email or NHS number).
const variants: Record<string, Omit<PersonRecord, 'id'>> = {
  'given name missing': { name: { family: 'Selby' }, born: '1978-06-11' },
  'given name mistyped': { name: { given: 'Kiearn', family: 'Selby' }, born: '1978-06-11' },
  'family name missing': { name: { given: 'Kieran' }, born: '1978-06-11' },
  'family name mistyped': { name: { given: 'Kieran', family: 'Delby' }, born: '1978-06-11' },
  'date of birth missing': { name: { given: 'Kieran', family: 'Selby' } },
  'date of birth a decade out': { name: { given: 'Kieran', family: 'Selby' }, born: '1988-06-11' },
  'date of birth day and month swapped': { name: { given: 'Kieran', family: 'Selby' }, born: '1978-11-06' },
  'names swapped': { name: { given: 'Selby', family: 'Kieran' }, born: '1978-06-11' },
  'given name in the family-name field': { name: { family: 'Kieran' }, born: '1978-06-11' },
  'family name mistyped and date a year out': { name: { given: 'Kieran', family: 'Delby' }, born: '1977-06-11' },
  'given name missing and day mistyped': { name: { family: 'Selby' }, born: '1978-06-12' },
};

test('every pair with one wrong or missing name or date field is compared', () => {
  for (const [what, fields] of Object.entries(variants)) {
    const records = [person, { id: 'b', ...fields }].map(prepareRecord);
    let found = false;
    forEachCandidatePair(records, BLOCKING_RULES, () => (found = true));
    assert.ok(found, what);
  }
});

test('two different people with nothing in common are not compared', () => {
  const records = [person, { id: 'b', name: { given: 'Amelia', family: 'Watson' }, born: '2004-02-01' }].map(prepareRecord);
  let found = false;
  forEachCandidatePair(records, BLOCKING_RULES, () => (found = true));
  assert.ok(!found);
});

test('blocking recall counts the true pairs compared', () => {
  const records = [person, { id: 'b', ...variants['names swapped'] }, { id: 'c', name: { given: 'Amelia' } }].map(prepareRecord);
  const recall = blockingRecall(records, BLOCKING_RULES, ['p', 'p', 'p']);
  assert.deepEqual([recall.truePairs, recall.truePairsCompared, recall.pairsCompared], [3, 1, 1]);
  assert.ok(Math.abs(recall.recall - 1 / 3) < 1e-12);
});
