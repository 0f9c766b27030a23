import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ProtocolHarness, newborn } from '../protocols/testing.ts';
import { parentRiskNotShared } from '../protocols/parent-risk-not-shared.ts';

const father = {
  at: '2023-01-10',
  type: 'person.recorded',
  person: 'mw-father',
  role: 'adult',
  sex: 'male',
  agency: 'midwifery',
  name: { given: 'Daniel', family: 'Okonkwo-Reyes' },
  born: '1994-07-21',
  postcode: 'B70 9AB',
};
const sameManAtProbation = {
  at: '2023-02-01',
  type: 'person.recorded',
  person: 'prob-17',
  role: 'adult',
  sex: 'male',
  agency: 'probation',
  name: { given: 'Danny', family: 'Okonkwo-Reyes' },
  born: '1994-07-21',
  postcode: 'B70 9AB',
};

function family() {
  return new ProtocolHarness([parentRiskNotShared]).add(...newborn({ born: '2023-01-09T10:00', area: 'Sandwell' }), father, {
    at: '2023-01-10T10:05',
    type: 'relationship.recorded',
    person: 'mw-father',
    of: 'baby',
    kind: 'father',
    agency: 'midwifery',
  });
}

test("a man recorded by probation is recognised as the baby's father recorded by midwifery, and the link explains itself", () => {
  const h = family().add(sameManAtProbation);
  const world = h.record.engine.world;
  assert.deepEqual(world.identityGroup('mw-father').sort(), ['mw-father', 'prob-17']);
  assert.ok(world.household('baby').includes('prob-17'), 'the household shows the probation record');
  const link = h.record.events.find((e) => e.type === 'identity.linked')!;
  assert.equal(link.type === 'identity.linked' && link.data.basis, 'automatic');
  assert.match(link.type === 'identity.linked' ? (link.data.explanation ?? '') : '', /probability of the same person/);
});

test("probation's concern about the linked man is a parent's risk not shared with the baby's health services", () => {
  const h = family()
    .add(sameManAtProbation, {
      at: '2023-02-02',
      type: 'concern.recorded',
      person: 'prob-17',
      kind: 'substance-misuse',
      severity: 'high',
      agency: 'probation',
    })
    .runUntil('2023-02-12');
  assert.equal(h.raised('parent-risk-not-shared', 'baby').length, 1);
});

test('a practitioner can undo an automatic link; the records part and are never linked again', () => {
  const h = family().add(sameManAtProbation, {
    at: '2023-02-03',
    type: 'identity.unlinked',
    person: 'prob-17',
    from: 'mw-father',
    reason: 'different man: checked with probation',
    recordedBy: { role: 'safeguarding-lead', name: 'A Lead' },
  });
  const world = h.record.engine.world;
  assert.deepEqual(world.identityGroup('mw-father'), ['mw-father']);
  assert.ok(!world.household('baby').includes('prob-17'));
});

test('a weaker match goes to the review queue rather than being guessed', () => {
  const h = family().add({
    at: '2023-02-01',
    type: 'person.recorded',
    person: 'police-4',
    role: 'adult',
    sex: 'male',
    agency: 'police',
    name: { given: 'Daniel', family: 'Okonkwo-Reyes' },
  });
  const world = h.record.engine.world;
  const linked = world.identityGroup('mw-father').includes('police-4');
  const reviews = world.pendingReviews();
  assert.ok(!linked, 'a name alone does not link');
  assert.equal(reviews.length, 1);
  assert.equal(reviews[0].data.candidate, 'mw-father');
});

test('people recorded with no identifying details are not matched at all', () => {
  const h = family().add({ at: '2023-02-01', type: 'person.recorded', person: 'someone', role: 'adult', sex: 'male', agency: 'police' });
  assert.equal(h.record.events.filter((e) => e.type.startsWith('identity.')).length, 0);
});

test('a man who could be the father or his son of the same name is put to a practitioner, not linked to either', () => {
  const h = family().add(
    {
      at: '2023-01-11',
      type: 'person.recorded',
      person: 'la-son',
      role: 'child',
      sex: 'male',
      agency: 'early-help',
      name: { given: 'Daniel', family: 'Okonkwo-Reyes' },
      born: '2008-03-02',
      postcode: 'B70 9AB',
    },
    { at: '2023-01-11T10:00', type: 'relationship.recorded', person: 'mw-father', of: 'la-son', kind: 'father', agency: 'early-help' },
    {
      at: '2023-02-01',
      type: 'person.recorded',
      person: 'police-8',
      role: 'adult',
      sex: 'male',
      agency: 'police',
      name: { given: 'Daniel', family: 'Okonkwo-Reyes' },
      postcode: 'B70 9AB',
    },
  );
  const world = h.record.engine.world;
  assert.deepEqual(world.identityGroup('police-8'), ['police-8']);
  const reviews = world.pendingReviews().filter((review) => review.data.person === 'police-8');
  assert.deepEqual(reviews.map((review) => review.data.candidate).sort(), ['la-son', 'mw-father']);
  assert.ok(reviews.every((review) => /guard: another person/.test(review.data.explanation ?? '')));
});

test('an NHS number that fails the modulus 11 check never links two records', () => {
  const person = (id: string, given: string, born: string) => ({
    at: '2023-02-01',
    type: 'person.recorded',
    person: id,
    role: 'adult',
    agency: 'gp',
    name: { given, family: 'Ahmed' },
    born,
    nhsNumber: '943 476 5918',
  });
  let h: ProtocolHarness;
  try {
    h = new ProtocolHarness([]).add(person('gp-1', 'Ruby', '2001-11-30'), person('gp-2', 'Oliver', '1972-03-08'));
  } catch (error) {
    // Refused at the door (validation naming the field): it never reaches the linker either.
    assert.match(String(error), /nhsNumber/);
    return;
  }
  assert.equal(h.record.events.filter((e) => e.type === 'identity.linked').length, 0);
});
