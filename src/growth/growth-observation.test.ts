import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GrowthInputError } from './growth-input-error.ts';
import { assessObservation, type GrowthObservation } from './growth-observation.ts';

const termGirl: GrowthObservation = {
  sex: 'female',
  birthDate: '2023-03-01',
  observationDate: '2023-03-01',
  gestationWeeks: 40,
  gestationDays: 0,
  measurement: 'weight',
  value: 3.36,
};

function refusal(change: Partial<GrowthObservation>): GrowthInputError {
  try {
    assessObservation({ ...termGirl, ...change });
  } catch (error) {
    assert.ok(error instanceof GrowthInputError, String(error));
    return error;
  }
  assert.fail(`expected ${JSON.stringify(change)} to be refused`);
}

test('a term girl of 3.36 kg at birth is near the 50th centile (UK90 40-week median 3.3 kg)', () => {
  const result = assessObservation(termGirl);
  assert.equal(result.basis, 'chronological');
  assert.ok(result.centile! > 45 && result.centile! < 65, `centile ${result.centile}`);
  assert.equal(result.correctedSds, result.chronologicalSds, 'at 40 weeks correction changes nothing');
});

test('a 38-week baby is judged at her age from birth: term babies are not corrected', () => {
  const result = assessObservation({ ...termGirl, gestationWeeks: 38 });
  assert.equal(result.basis, 'chronological');
  assert.equal(result.sds, result.chronologicalSds);
  assert.ok(result.correctedSds! > result.chronologicalSds!, 'at 38 weeks she would be bigger for her gestation');
});

test('a 28-week baby 12 weeks after birth is judged at term', () => {
  const result = assessObservation({ ...termGirl, gestationWeeks: 28, observationDate: '2023-05-24', value: 3.3 });
  assert.ok(Math.abs(result.correctedAge) < 1e-12);
  assert.ok(result.chronologicalSds! < result.correctedSds! - 2, 'uncorrected, she would look very small');
  assert.equal(result.sds, result.correctedSds);
});

test('bad fields are refused by name', () => {
  assert.equal(refusal({ sex: 'unknown' }).field, 'sex');
  assert.equal(refusal({ measurement: 'length' }).field, 'measurement');
  assert.equal(refusal({ birthDate: '2023-02-30' }).field, 'birthDate');
  assert.equal(refusal({ observationDate: '01/03/2023' }).field, 'observationDate');
  assert.equal(refusal({ observationDate: '2023-02-28' }).field, 'observationDate', 'before birth');
  assert.equal(refusal({ gestationWeeks: 50 }).field, 'gestationWeeks');
  assert.equal(refusal({ gestationWeeks: 36.5 }).field, 'gestationWeeks');
  assert.equal(refusal({ gestationDays: 7 }).field, 'gestationDays');
  assert.equal(refusal({ value: '3.4' }).field, 'value');
  assert.equal(refusal({ value: 3400 }).field, 'value', 'grams for kilograms');
  assert.equal(refusal({ value: 0 }).field, 'value');
});

test('an age beyond the reference is refused, never given a number', () => {
  const error = refusal({ observationDate: '2044-01-01', value: 60 });
  assert.equal(error.field, 'observationDate');
  assert.match(error.message, /beyond 20 years/);
  assert.match(refusal({ measurement: 'bmi', value: 13 }).message, /no BMI/);
});

test('a value far outside any child is refused as an error', () => {
  const error = refusal({ value: 30 });
  assert.equal(error.field, 'value');
  assert.match(error.message, /above \+8 SDS/);
});

test('where only one age is covered, the other SDS is null with the reason', () => {
  const result = assessObservation({
    sex: 'male',
    birthDate: '2000-01-01',
    observationDate: '2018-01-20',
    gestationWeeks: 30,
    gestationDays: 0,
    measurement: 'ofc',
    value: 57,
  });
  assert.equal(result.chronologicalSds, null);
  assert.match(result.gaps.chronologicalSds!, /boys over 18/);
  assert.equal(typeof result.correctedSds, 'number');
});
