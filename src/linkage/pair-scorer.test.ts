import { test } from 'node:test';
import assert from 'node:assert/strict';
import { COMPARISONS } from './comparisons/index.ts';
import { defaultParameters } from './default-parameters.ts';
import { PairScorer } from './pair-scorer.ts';
import type { PersonRecord } from './person-record.ts';
import { prepareRecord } from './prepared-record.ts';
import { buildTermFrequencies } from './term-frequencies.ts';
import { explainPair } from './waterfall.ts';

// A population where Peter and Turner are common and Alric and Sherockford rare.
const population: PersonRecord[] = [
  ...Array.from({ length: 150 }, (_, i) => ({ id: `p${i}`, name: { given: 'Peter', family: i % 2 ? 'Turner' : 'Smith' } })),
  ...Array.from({ length: 150 }, (_, i) => ({ id: `q${i}`, name: { given: i % 3 ? 'Grace' : 'Ivy', family: 'Jones' } })),
  { id: 'r1', name: { given: 'Alric', family: 'Sherockford' } },
  { id: 'r2', name: { given: 'Alric', family: 'Sherockford' } },
];
const prepared = population.map(prepareRecord);
const scorer = new PairScorer(COMPARISONS, defaultParameters(), buildTermFrequencies(COMPARISONS, prepared));
const record = (fields: Omit<PersonRecord, 'id'>) => prepareRecord({ id: 'x', ...fields });

test('swapped names are weighed once, as the given name, and by how common the names are', () => {
  const common = explainPair(
    scorer,
    record({ name: { given: 'Turner', family: 'Peter' } }),
    record({ name: { given: 'Peter', family: 'Turner' } }),
  );
  const rare = explainPair(
    scorer,
    record({ name: { given: 'Sherockford', family: 'Alric' } }),
    record({ name: { given: 'Alric', family: 'Sherockford' } }),
  );
  for (const waterfall of [common, rare]) {
    const family = waterfall.steps.find((step) => step.comparison === 'family-name')!;
    assert.deepEqual([family.level, family.weight], [null, 0]);
    assert.match(family.note ?? '', /counted with the given name/);
  }
  const swapWeight = (waterfall: typeof common) => waterfall.steps.find((step) => step.comparison === 'given-name')!.weight;
  assert.ok(swapWeight(rare) > swapWeight(common) + 3, `${swapWeight(rare)} against ${swapWeight(common)}`);
  assert.ok(common.steps.find((step) => step.comparison === 'given-name')!.valueFrequency! > 0.001);
});

test('a shared rare family name may mean relatives: a shared birthday then counts for less', () => {
  const twinA = record({ name: { given: 'Ivy', family: 'Sherockford' }, born: '2016-04-03' });
  const twinB = record({ name: { given: 'Grace', family: 'Sherockford' }, born: '2016-04-03' });
  const waterfall = explainPair(scorer, twinA, twinB);
  const relatives = waterfall.steps.find((step) => step.comparison === 'relatives');
  assert.ok(relatives && relatives.weight < -1, `relatives correction ${relatives?.weight}`);
  assert.ok(Math.abs(waterfall.matchWeight - scorer.weight(twinA, twinB)) < 1e-9, 'the waterfall adds up to the weight');
  // A common family name says little about family: hardly any correction.
  const strangers = explainPair(
    scorer,
    record({ name: { given: 'Ivy', family: 'Jones' }, born: '2016-04-03' }),
    record({ name: { given: 'Grace', family: 'Jones' }, born: '2016-04-03' }),
  );
  const small = strangers.steps.find((step) => step.comparison === 'relatives');
  assert.ok(!small || small.weight > relatives.weight, 'common names are corrected less');
});

test('two records at one address are weighed against relatives: the address and town are not counted again', () => {
  const a = record({ name: { given: 'Noah', family: 'Watson' }, born: '2008-03-23', postcode: 'BL1 4AB', area: 'Bolton' });
  const b = record({ name: { given: 'Noah', family: 'Watson' }, born: '2008-03-23', postcode: 'BL1 4AB', area: 'Bolton' });
  const waterfall = explainPair(scorer, a, b);
  assert.ok(waterfall.household);
  const household = defaultParameters().household;
  assert.equal(waterfall.priorProbability, household.priorByRecordsAtAddress[0]);
  const address = waterfall.steps.find((step) => step.comparison === 'address')!;
  assert.deepEqual([address.level, address.weight], ['same postcode', 0]);
  const given = waterfall.steps.find((step) => step.comparison === 'given-name')!;
  assert.equal(given.u, household.comparisons.find((comparison) => comparison.key === 'given-name')!.levels[0].u);
  assert.ok(Math.abs(waterfall.matchWeight - scorer.weight(a, b)) < 1e-9);
});
