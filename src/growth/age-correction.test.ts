import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ageBasis } from './age-correction.ts';

test('born before 32 weeks: corrected age until 2 years', () => {
  assert.equal(ageBasis(27, 1.99), 'corrected');
  assert.equal(ageBasis(31, 2), 'chronological');
});

test('born at 32–36 weeks: corrected age until 1 year', () => {
  assert.equal(ageBasis(32, 0.99), 'corrected');
  assert.equal(ageBasis(36, 1), 'chronological');
  assert.equal(ageBasis(34, 1.5), 'chronological');
});

test('born at term: corrected in the first year too, as the digital charts do', () => {
  assert.equal(ageBasis(38, 0.05), 'corrected');
  assert.equal(ageBasis(41, 1.2), 'chronological');
});
