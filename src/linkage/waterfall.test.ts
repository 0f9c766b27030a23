import { test } from 'node:test';
import assert from 'node:assert/strict';
import { COMPARISONS } from './comparisons/index.ts';
import { defaultParameters } from './default-parameters.ts';
import { PairScorer } from './pair-scorer.ts';
import { prepareRecord } from './prepared-record.ts';
import { explainPair } from './waterfall.ts';
import { renderWaterfall } from './waterfall-text.ts';

const scorer = new PairScorer(COMPARISONS, defaultParameters(), new Map());
const a = prepareRecord({ id: 'a', name: { given: 'Julia', family: 'Taylor' }, born: '2015-10-29', area: 'London' });
const b = prepareRecord({ id: 'b', name: { given: 'Julia' }, born: '2015-07-31', area: 'London', email: 'x@example.com' });

test('the waterfall adds up: prior plus each comparison gives the pair weight', () => {
  const waterfall = explainPair(scorer, a, b);
  const sum = waterfall.priorWeight + waterfall.steps.reduce((total, step) => total + step.weight, 0);
  assert.ok(Math.abs(sum - waterfall.matchWeight) < 1e-9);
  assert.ok(Math.abs(waterfall.matchWeight - scorer.weight(a, b)) < 1e-9);
  assert.equal(waterfall.steps.length, COMPARISONS.length);
  const given = waterfall.steps.find((step) => step.comparison === 'given-name')!;
  assert.equal(given.level, 'exact');
  assert.ok(Math.abs(given.weight - Math.log2(given.m! / given.u!)) < 1e-9);
  const family = waterfall.steps.find((step) => step.comparison === 'family-name')!;
  assert.deepEqual([family.level, family.weight], [null, 0]);
  assert.ok(waterfall.probability > 0 && waterfall.probability < 1);
});

test('the text rendering names each piece of evidence and the outcome, and no values', () => {
  const text = renderWaterfall(explainPair(scorer, a, b));
  assert.match(text, /prior \(two records at random\)/);
  assert.match(text, /Given name\s+exact/);
  assert.match(text, /Family name\s+missing: no evidence/);
  assert.match(text, /Date of birth\s+within a year/);
  assert.match(text, /total match weight/);
  assert.match(text, /probability of the same person: /);
  assert.doesNotMatch(text, /Julia|Taylor|2015/);
});
