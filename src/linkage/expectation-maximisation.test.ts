import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectationMaximisation } from './expectation-maximisation.ts';
import { NULL_LEVEL } from './comparison.ts';
import { randomInt, seededRandom } from './random.ts';

// Pairs drawn from a known Fellegi–Sunter model; EM sees only their agreement patterns.
const TRUE_LAMBDA = 0.1;
const TRUE_M = [
  [0.8, 0.15, 0.05],
  [0.7, 0.2, 0.1],
  [0.9, 0.1],
];
const U = [
  [0.01, 0.09, 0.9],
  [0.05, 0.15, 0.8],
  [0.02, 0.98],
];

function draw(random: () => number, shares: readonly number[]): number {
  let roll = random();
  for (let level = 0; level < shares.length; level++) {
    if (roll < shares[level]) return level;
    roll -= shares[level];
  }
  return shares.length - 1;
}

function simulatedPatterns(pairs: number) {
  const random = seededRandom(42);
  const counts = new Map<string, number>();
  for (let p = 0; p < pairs; p++) {
    const match = random() < TRUE_LAMBDA;
    const levels = (match ? TRUE_M : U).map((shares) => draw(random, shares));
    if (randomInt(random, 10) === 0) levels[1] = NULL_LEVEL; // some values missing
    const key = levels.join(',');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, count]) => ({ levels: Int8Array.from(key.split(',').map(Number)), count }));
}

test('EM recovers m and the share of matches from unlabelled agreement patterns', () => {
  const neutral = TRUE_M.map((levels) => levels.map(() => 1 / levels.length));
  const result = expectationMaximisation({
    patterns: simulatedPatterns(40_000),
    active: [true, true, true],
    m: neutral,
    u: U,
    lambda: 0.5,
  });
  assert.ok(result.converged, 'EM did not converge');
  assert.ok(Math.abs(result.lambda - TRUE_LAMBDA) < 0.01, `λ ${result.lambda}`);
  result.m.forEach((levels, c) =>
    levels.forEach((m, level) => {
      assert.ok(Math.abs(m - TRUE_M[c][level]) < 0.03, `m[${c}][${level}] = ${m.toFixed(3)}, true ${TRUE_M[c][level]}`);
    }),
  );
});

test('an inactive comparison keeps its starting m and does not sway the others', () => {
  const start = [
    [0.5, 0.3, 0.2],
    [0.7, 0.2, 0.1],
    [0.9, 0.1],
  ];
  const result = expectationMaximisation({ patterns: simulatedPatterns(20_000), active: [false, true, true], m: start, u: U, lambda: 0.5 });
  assert.deepEqual(result.m[0], start[0]);
  assert.ok(Math.abs(result.m[2][0] - 0.9) < 0.05, `m[2][0] = ${result.m[2][0]}`);
});

test('a level no pair fell into keeps its starting m rather than dropping to zero', () => {
  const patterns = [
    { levels: Int8Array.from([0]), count: 50 },
    { levels: Int8Array.from([2]), count: 500 },
  ];
  const result = expectationMaximisation({ patterns, active: [true], m: [[0.6, 0.3, 0.1]], u: [[0.01, 0.09, 0.9]], lambda: 0.2 });
  assert.equal(result.m[0][1], 0.3);
  assert.ok(Math.abs(result.m[0].reduce((a, b) => a + b, 0) - 1) < 1e-9);
});
