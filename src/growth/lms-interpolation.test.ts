import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lmsAt } from './lms-interpolation.ts';
import { ageKey, type LmsTable } from './reference-tables.ts';

function table(ages: number[], f: (age: number) => number): LmsTable {
  const a = Float64Array.from(ages);
  return {
    length: ages.length,
    ages: a,
    ageKeys: Float64Array.from(ages, ageKey),
    l: Float64Array.from(ages, f),
    m: Float64Array.from(ages, (x) => 2 * f(x)),
    s: Float64Array.from(ages, (x) => 3 * f(x)),
  };
}

const cubic = (x: number) => 1 + 2 * x - 0.5 * x * x + 0.25 * x * x * x;
const out = new Float64Array(3);

test('an age matching a row to 4 decimal places takes the row as it is', () => {
  const t = table([0, 1, 2, 3, 4], (x) => x * 10);
  lmsAt(t, 2.00004, out);
  assert.deepEqual([...out], [20, 40, 60]);
});

test('between interior rows the cubic through the four nearest rows is exact for a cubic', () => {
  const t = table([0, 0.5, 1.5, 2, 3, 4.5], cubic);
  lmsAt(t, 1.7, out);
  assert.ok(Math.abs(out[0] - cubic(1.7)) < 1e-12);
  assert.ok(Math.abs(out[1] - 2 * cubic(1.7)) < 1e-12);
  assert.ok(Math.abs(out[2] - 3 * cubic(1.7)) < 1e-12);
});

test('in the first and last intervals interpolation is linear', () => {
  const t = table([0, 1, 2, 3, 4], cubic);
  lmsAt(t, 0.25, out);
  assert.ok(Math.abs(out[0] - (cubic(0) + 0.25 * (cubic(1) - cubic(0)))) < 1e-12);
  lmsAt(t, 3.5, out);
  assert.ok(Math.abs(out[0] - (cubic(3) + 0.5 * (cubic(4) - cubic(3)))) < 1e-12);
  // the interval before them has two rows on each side, so it is cubic again
  lmsAt(t, 2.5, out);
  assert.ok(Math.abs(out[0] - cubic(2.5)) < 1e-12);
});
