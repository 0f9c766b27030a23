import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatCentile } from './format-centile.ts';

test('centiles read the way practitioners say them', () => {
  assert.equal(formatCentile(50.2), '50th');
  assert.equal(formatCentile(2.3), '2nd');
  assert.equal(formatCentile(91.2), '91st');
  assert.equal(formatCentile(23), '23rd');
  assert.equal(formatCentile(11.4), '11th');
  assert.equal(formatCentile(0.38), '0.4th');
  assert.equal(formatCentile(0.31), '0.3rd');
  assert.equal(formatCentile(112 / 10), '11th');
  assert.equal(formatCentile(99.12), '99.1st');
  assert.equal(formatCentile(99.62), '99.6th');
  assert.equal(formatCentile(0.02), 'below the 0.1st');
});
