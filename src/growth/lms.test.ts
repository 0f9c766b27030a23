import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sdsFromLms, valueFromLms } from './lms.ts';

test('the median is 0 SDS and one coefficient of variation above it is 1 SDS when L = 1', () => {
  assert.equal(sdsFromLms(1, 3.5, 0.14, 3.5), 0);
  assert.ok(Math.abs(sdsFromLms(1, 3.5, 0.14, 3.5 * 1.14) - 1) < 1e-12);
});

test('L = 0 uses the log form', () => {
  assert.ok(Math.abs(sdsFromLms(0, 10, 0.1, 10 * Math.exp(0.2)) - 2) < 1e-12);
  assert.ok(Math.abs(valueFromLms(0, 10, 0.1, 2) - 10 * Math.exp(0.2)) < 1e-12);
});

test('value and SDS are inverse for skewed distributions', () => {
  for (const [l, m, s] of [
    [-0.3, 12.2, 0.11],
    [1.3, 0.56, 0.17],
    [-1.29, 15.75, 0.077],
  ] as const) {
    for (const z of [-2.667, -0.667, 0, 1.5, 2.667]) {
      assert.ok(Math.abs(sdsFromLms(l, m, s, valueFromLms(l, m, s, z)) - z) < 1e-9, `L=${l} z=${z}`);
    }
  }
});

test('an SDS the Box-Cox curve cannot reach has no value', () => {
  assert.ok(Number.isNaN(valueFromLms(2, 10, 0.2, -3)));
});
