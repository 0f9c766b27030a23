import assert from 'node:assert/strict';
import { test } from 'node:test';
import { referenceGap, segmentAt, UK_WHO_AGES, UK_WHO_SEGMENT_INDEX, ukWhoSds, ukWhoValue } from './uk-who.ts';

const close = (a: number, b: number, tolerance = 1e-9) => Math.abs(a - b) <= tolerance;
const TWO_WEEKS = 14 / 365.25;

test('at 2 weeks after term the WHO standard takes over from UK90 (M 3.7529 kg, not UK90 3.8702 kg)', () => {
  assert.equal(segmentAt(TWO_WEEKS), UK_WHO_SEGMENT_INDEX.WHO_INFANTS);
  assert.ok(close(ukWhoSds('weight', 'male', TWO_WEEKS, 3.7529), 0));
  assert.equal(segmentAt(TWO_WEEKS - 1e-6), UK_WHO_SEGMENT_INDEX.PRETERM);
  assert.ok(close(ukWhoValue('weight', 'male', TWO_WEEKS - 1e-7, 0), 3.8702, 1e-4), 'just before, the UK90 42-week median');
});

test('at 2 years length (lying, M 87.8161 cm) gives way to height (standing, M 87.1161 cm)', () => {
  assert.ok(close(ukWhoSds('height', 'male', 2, 87.1161), 0));
  assert.ok(ukWhoSds('height', 'male', 1.9999, 87.1161) < -0.2, 'just before 2 years a child is measured lying');
  assert.ok(close(ukWhoValue('height', 'male', 2, 0), 87.1161));
});

test('at 4 years UK90 takes over from WHO', () => {
  assert.equal(segmentAt(4), UK_WHO_SEGMENT_INDEX.UK90_CHILD);
  assert.ok(close(ukWhoSds('weight', 'male', 4, 16.551), 0));
  assert.equal(segmentAt(3.999), UK_WHO_SEGMENT_INDEX.WHO_CHILDREN);
});

test('each edge of the reference says what is missing', () => {
  assert.match(referenceGap('weight', 'female', UK_WHO_AGES.earliest - 0.001)!, /23 weeks/);
  assert.equal(referenceGap('weight', 'female', UK_WHO_AGES.earliest), undefined);
  assert.match(referenceGap('height', 'female', UK_WHO_AGES.earliestLength - 0.001)!, /length data before 25 weeks/);
  assert.match(referenceGap('bmi', 'male', TWO_WEEKS - 0.001)!, /no BMI/);
  assert.equal(referenceGap('bmi', 'male', TWO_WEEKS), undefined);
  assert.match(referenceGap('ofc', 'female', 17.01)!, /girls over 17/);
  assert.equal(referenceGap('ofc', 'male', 17.5), undefined);
  assert.match(referenceGap('ofc', 'male', 18.01)!, /boys over 18/);
  assert.match(referenceGap('weight', 'male', 20.01)!, /beyond 20 years/);
  assert.equal(referenceGap('weight', 'male', 20), undefined);
});

test('where the reference has no data the hot path gives NaN, never a number', () => {
  assert.ok(Number.isNaN(ukWhoSds('weight', 'male', 20.5, 70)));
  assert.ok(Number.isNaN(ukWhoSds('bmi', 'male', 0, 13)));
  assert.ok(Number.isNaN(ukWhoSds('ofc', 'female', 17.5, 55)));
});
