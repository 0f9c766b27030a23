import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalCdf } from './normal-distribution.ts';

// Reference values: 0.5·erfc(−z/√2) from CPython's math.erfc.
const REFERENCE: [number, number][] = [
  [-8, 6.220960574271819e-16],
  [-5, 2.866515718791946e-7],
  [-2.6667, 0.003830000718271458],
  [-2, 0.02275013194817922],
  [-0.6667, 0.2524818893983874],
  [0, 0.5],
  [1, 0.8413447460685429],
  [2.5, 0.9937903346742238],
  [4, 0.9999683287581669],
];

test('the normal distribution agrees with erfc to 1e-8 relative everywhere, 1e-13 in the chart range', () => {
  for (const [z, p] of REFERENCE) {
    const relative = Math.abs(normalCdf(z) - p) / p;
    assert.ok(relative < (Math.abs(z) <= 4 ? 1e-13 : 1e-8), `z=${z}: ${normalCdf(z)} vs ${p}`);
  }
});
