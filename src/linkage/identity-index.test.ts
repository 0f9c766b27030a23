import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IdentityIndex } from './identity-index.ts';
import type { PersonRecord } from './person-record.ts';
import { weightToProbability } from './model-parameters.ts';
import { renderWaterfall } from './waterfall-text.ts';

const noah: PersonRecord = {
  id: 'health-1',
  name: { given: 'Noah', family: 'Watson' },
  born: '2008-03-23',
  sex: 'male',
  postcode: 'BL1 4AB',
  area: 'Bolton',
};
const isla: PersonRecord = {
  id: 'health-2',
  name: { given: 'Isla', family: 'Watson' },
  born: '2011-09-02',
  sex: 'female',
  postcode: 'BL1 4AB',
  area: 'Bolton',
};
const amelia: PersonRecord = {
  id: 'health-3',
  name: { given: 'Amelia', family: 'Alexander' },
  born: '1983-05-19',
  sex: 'female',
  postcode: 'G12 8QQ',
  area: 'Glasgow',
};

function knownFamily(): IdentityIndex {
  const index = new IdentityIndex();
  index.add(noah, 'person-noah');
  index.add(isla, 'person-isla');
  index.add(amelia, 'person-amelia');
  return index;
}

test('a record from another agency, names swapped and postcode moved, finds its person with a waterfall', () => {
  const probation: PersonRecord = {
    id: 'probation-9',
    name: { given: 'Watson', family: 'Noah' },
    born: '2008-03-23',
    sex: 'M',
    postcode: 'BL3 2XY',
    area: 'Bolton',
  };
  const [best, ...others] = knownFamily().match(probation);
  assert.equal(best.personId, 'person-noah');
  assert.equal(best.recordId, 'health-1');
  assert.equal(best.decision, 'link');
  assert.ok(best.probability > 0.95);
  assert.equal(best.waterfall.steps.find((step) => step.comparison === 'date-of-birth')?.level, 'exact');
  assert.ok(Math.abs(best.waterfall.matchWeight - best.matchWeight) < 1e-9);
  assert.ok(others.every((other) => other.matchWeight < best.matchWeight));
  assert.ok(
    others.every((other) => other.decision !== 'link'),
    'the sister must not be linked',
  );
});

test('a record about nobody known comes back with no link', () => {
  const stranger: PersonRecord = { id: 'gp-4', name: { given: 'Oliver', family: 'Connolly' }, born: '1972-03-08', area: 'Plymouth' };
  assert.ok(
    knownFamily()
      .match(stranger)
      .every((candidate) => candidate.decision === 'no-link'),
  );
});

test('the same valid NHS number links, unless the date of birth contradicts it', () => {
  const index = new IdentityIndex();
  index.add({ ...amelia, nhsNumber: '943 476 5919' }, 'person-amelia');
  const [same] = index.match({ id: 'ed-1', name: { given: 'Amy' }, nhsNumber: '9434765919', born: '1983-05-19' });
  assert.equal(same.decision, 'link');
  assert.equal(same.probability, 1);
  const [baby] = index.match({ id: 'mw-2', name: { given: 'Baby', family: 'Alexander' }, nhsNumber: '9434765919', born: '2024-02-01' });
  assert.notEqual(baby.decision, 'link');
  assert.doesNotMatch(baby.waterfall.rule ?? '', /NHS/);
});

test('a rejected pair is never offered again; an accepted one always links', () => {
  const index = knownFamily();
  const twin: PersonRecord = { id: 'school-7', name: { given: 'Noah', family: 'Watson' }, born: '2008-03-23', postcode: 'BL1 4AB' };
  assert.equal(index.match(twin)[0].personId, 'person-noah');
  index.recordDecision({
    kind: 'reject',
    records: ['school-7', 'health-1'],
    by: { name: 'A. Lead' },
    reason: 'a twin brother',
    at: '2024-06-01T12:00:00Z',
  });
  assert.ok(index.match(twin).every((candidate) => candidate.personId !== 'person-noah'));

  const alias: PersonRecord = { id: 'police-3', name: { given: 'Mia', family: 'Smith' }, born: '1990-01-01' };
  index.recordDecision({
    kind: 'accept',
    records: ['police-3', 'health-3'],
    by: { name: 'A. Lead' },
    reason: 'confirmed alias',
    at: '2024-06-01T12:00:00Z',
  });
  const [accepted] = index.match(alias);
  assert.equal(accepted.personId, 'person-amelia');
  assert.equal(accepted.decision, 'link');
});

test('removed records are forgotten and re-adding moves a record to another person', () => {
  const index = knownFamily();
  index.remove('health-1');
  assert.equal(index.size, 2);
  assert.ok(index.match({ ...noah, id: 'q' }).every((candidate) => candidate.personId !== 'person-noah'));
  index.add(isla, 'person-isla-merged');
  assert.equal(index.size, 2);
  assert.equal(index.match({ ...isla, id: 'q2' })[0].personId, 'person-isla-merged');
});

test('twins are not linked automatically: at one address they are weighed as relatives, who share a birthday', () => {
  const index = new IdentityIndex();
  index.add(
    {
      id: 'h-1',
      name: { given: 'Noah', family: 'Watson' },
      born: '2023-01-05',
      sex: 'male',
      postcode: 'BL1 4AB',
      phone: '01204 555123',
      area: 'Bolton',
      nhsNumber: '9434765919',
    },
    'person-noah',
  );
  const [twin] = index.match({
    id: 'h-2',
    name: { given: 'Isla', family: 'Watson' },
    born: '2023-01-05',
    sex: 'female',
    postcode: 'BL1 4AB',
    phone: '01204 555123',
    area: 'Bolton',
  });
  assert.notEqual(twin.decision, 'link');
  assert.ok(twin.waterfall.household, 'weighed as one household');
  const born = twin.waterfall.steps.find((step) => step.comparison === 'date-of-birth')!;
  assert.equal(born.level, 'exact');
  // A shared birthday counts for far less between relatives than between strangers.
  assert.ok(born.weight < 8, `date of birth weighed ${born.weight.toFixed(1)}`);
  assert.match(renderWaterfall(twin.waterfall), /household guard/);
});

test('a parent and child of the same name at the same address are not linked: their dates of birth are weighed, not vetoed', () => {
  const index = new IdentityIndex();
  index.add(
    {
      id: 'p-1',
      name: { given: 'John', family: 'Okafor' },
      born: '1979-04-11',
      sex: 'male',
      postcode: 'B33 8TH',
      phone: '0121 496 0000',
      area: 'Birmingham',
    },
    'person-father',
  );
  const [son] = index.match({
    id: 'p-2',
    name: { given: 'John', family: 'Okafor' },
    born: '2009-06-30',
    sex: 'male',
    postcode: 'B33 8TH',
    phone: '0121 496 0000',
    area: 'Birmingham',
  });
  assert.notEqual(son.decision, 'link');
  assert.equal(son.waterfall.rule, null);
  const born = son.waterfall.steps.find((step) => step.comparison === 'date-of-birth')!;
  assert.equal(born.level, 'different');
  assert.ok(born.weight < -5, `date of birth weighed ${born.weight.toFixed(1)}`);
});

const father: PersonRecord = {
  id: 'mw-father',
  name: { given: 'Kieran', family: 'Selby' },
  born: '1978-11-26',
  sex: 'male',
  postcode: 'W26 3IT',
  area: 'London',
};
const son: PersonRecord = {
  id: 'school-son',
  name: { given: 'Kieran', family: 'Selby' },
  born: '2008-02-15',
  sex: 'male',
  postcode: 'W26 3IT',
  area: 'London',
};
const noDateOfBirth: PersonRecord = { id: 'police-1', name: { given: 'Kieran', family: 'Selby' }, sex: 'male', postcode: 'W26 3IT' };

test('a record that fits a father and his son of one name is linked to neither: the chance is shared between them', () => {
  const index = new IdentityIndex();
  index.add(father, 'mw-father');
  const [alone] = index.match(noDateOfBirth);
  assert.equal(alone.personId, 'mw-father');
  index.add(son, 'school-son');
  index.recordRelationship('mw-father', 'school-son', { parent: true });
  const matches = index.match(noDateOfBirth);
  assert.deepEqual(matches.map((m) => m.personId).sort(), ['mw-father', 'school-son']);
  for (const match of matches) {
    assert.notEqual(match.decision, 'link');
    assert.ok(match.probability < weightToProbability(match.matchWeight), 'the chance was shared');
    assert.match(match.waterfall.guards.join(' '), /recorded in the same family, matches as well/);
    assert.match(renderWaterfall(match.waterfall), /guard: another person/);
  }
});

test('an impossible family is evidence: a man who would have been 9 at his child’s birth goes to a practitioner', () => {
  const index = new IdentityIndex();
  const dad: PersonRecord = {
    id: 'mw-dad',
    name: { given: 'Arlo', family: 'Belland' },
    sex: 'male',
    postcode: 'NG21 4JZ',
    phone: '07073301008',
  };
  index.add(dad, 'mw-dad');
  index.recordRelationship('mw-dad', 'baby-1', { parent: true, childBorn: '2021-05-01' });
  const adult = { id: 'prob-1', name: { given: 'Arlo', family: 'Belland' }, sex: 'male', postcode: 'NG21 4JZ', phone: '07073301008' };
  assert.equal(index.match({ ...adult, born: '1990-01-01' })[0].decision, 'link');
  const [child] = index.match({ ...adult, id: 'prob-2', born: '2012-01-01' });
  assert.equal(child.decision, 'review');
  assert.match(child.waterfall.guards.join(' '), /impossible family: this person would have been 9 years old/);
});
