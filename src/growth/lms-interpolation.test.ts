import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AGE, L, M, S, lmsAt } from './lms-interpolation.ts';
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
const io = new Float64Array(4);

/** L, M and S at `age`. */
function at(t: LmsTable, age: number): number[] {
  io[AGE] = age;
  lmsAt(t, io);
  return [io[L], io[M], io[S]];
}

test('an age matching a row to 4 decimal places takes the row as it is', () => {
  const t = table([0, 1, 2, 3, 4], (x) => x * 10);
  assert.deepEqual(at(t, 2.00004), [20, 40, 60]);
});

test('between interior rows the cubic through the four nearest rows is exact for a cubic', () => {
  const t = table([0, 0.5, 1.5, 2, 3, 4.5], cubic);
  const [l, m, s] = at(t, 1.7);
  assert.ok(Math.abs(l - cubic(1.7)) < 1e-12);
  assert.ok(Math.abs(m - 2 * cubic(1.7)) < 1e-12);
  assert.ok(Math.abs(s - 3 * cubic(1.7)) < 1e-12);
});

test('in the first and last intervals interpolation is linear', () => {
  const t = table([0, 1, 2, 3, 4], cubic);
  assert.ok(Math.abs(at(t, 0.25)[0] - (cubic(0) + 0.25 * (cubic(1) - cubic(0)))) < 1e-12);
  assert.ok(Math.abs(at(t, 3.5)[0] - (cubic(3) + 0.5 * (cubic(4) - cubic(3)))) < 1e-12);
  // the interval before them has two rows on each side, so it is cubic again
  assert.ok(Math.abs(at(t, 2.5)[0] - cubic(2.5)) < 1e-12);
});
