import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ageBasis } from './age-correction.ts';

test('born before 32 weeks: corrected age until 2 years', () => {
  assert.equal(ageBasis(27, 1.99), 'corrected');
  assert.equal(ageBasis(31, 2), 'chronological');
});

test('born at 32–36 weeks: corrected age until 1 year', () => {
  assert.equal(ageBasis(32, 0.99), 'corrected');
  assert.equal(ageBasis(36, 0.5), 'corrected');
  assert.equal(ageBasis(36, 1), 'chronological');
});

test('born at 37 weeks or later: term, never corrected, birth weight included', () => {
  assert.equal(ageBasis(37, 0), 'chronological');
  assert.equal(ageBasis(41, 0.05), 'chronological');
});
