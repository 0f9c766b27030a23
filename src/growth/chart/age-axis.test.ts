import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DAYS_PER_MONTH, ageAxis } from './age-axis.ts';

test('a young baby gets an axis in weeks from birth, at least 8 weeks long', () => {
  const axis = ageAxis(0, 21);
  assert.equal(axis.unit, 'weeks');
  assert.equal(axis.start, 0);
  assert.equal(axis.end, 56);
  assert.deepEqual(
    axis.ticks.slice(0, 3).map((t) => t.label),
    ['birth', '1w', '2w'],
  );
});

test('an older baby gets months; a preterm baby gets weeks of gestation before term', () => {
  const axis = ageAxis(-70, 240);
  assert.equal(axis.unit, 'months');
  assert.equal(axis.start, -70);
  assert.ok(axis.end >= 240 + 14 && axis.end <= 240 + 14 + DAYS_PER_MONTH);
  assert.equal(axis.ticks[0].label, '30');
  assert.ok(axis.ticks.some((t) => t.days === 0 && t.label === 'term'));
  assert.ok(axis.ticks.some((t) => t.label === '6m'));
});
