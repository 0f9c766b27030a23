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

test('with m held fixed, EM recovers u and the share of matches, per group of patterns', () => {
  // Two groups of pairs with different shares of matches (pairs at crowded and quiet addresses).
  const random = seededRandom(7);
  const lambdas = [0.5, 0.1];
  const counts = new Map<string, number>();
  for (let p = 0; p < 60_000; p++) {
    const group = p % 2;
    const match = random() < lambdas[group];
    const levels = (match ? TRUE_M : U).map((shares) => draw(random, shares));
    const key = `${group}|${levels.join(',')}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const entries = [...counts].map(([key, count]) => {
    const [group, levels] = key.split('|');
    return { group: Number(group), levels: Int8Array.from(levels.split(',').map(Number)), count };
  });
  const flat = TRUE_M.map((levels) => levels.map(() => 1 / levels.length));
  const result = expectationMaximisation({
    patterns: entries,
    groups: entries.map((entry) => entry.group),
    active: [true, true, true],
    m: TRUE_M,
    u: flat,
    lambda: 0.3,
    estimate: 'u',
  });
  assert.ok(result.converged);
  assert.deepEqual(result.m, TRUE_M, 'm is held');
  result.groupLambdas.forEach((lambda, group) => assert.ok(Math.abs(lambda - lambdas[group]) < 0.02, `λ[${group}] ${lambda}`));
  result.u.forEach((levels, c) =>
    levels.forEach((u, level) => assert.ok(Math.abs(u - U[c][level]) < 0.03, `u[${c}][${level}] = ${u.toFixed(3)}, true ${U[c][level]}`)),
  );
});

test('a comparison left out for some patterns neither sways their odds nor loses its tally', () => {
  const patterns = [
    { levels: Int8Array.from([0, 0]), count: 100 },
    { levels: Int8Array.from([0, 1]), count: 100 },
  ];
  const m = [
    [0.9, 0.1],
    [0.9, 0.1],
  ];
  const u = [
    [0.1, 0.9],
    [0.1, 0.9],
  ];
  const leftOut = (levels: Int8Array) => (levels[1] === 0 ? [false, true] : null);
  const result = expectationMaximisation({ patterns, active: [false, true], m, u, lambda: 0.5, leftOutFor: leftOut }, { maxIterations: 1 });
  // The first pattern has no evidence left (comparison 0 inactive, 1 left out): it stays at λ = 0.5,
  // the second is judged on comparison 1 (disagreement, odds 1/9): 0.1 of it.
  assert.ok(Math.abs(result.lambda - (50 + 10) / 200) < 1e-9, `λ ${result.lambda}`);
});
