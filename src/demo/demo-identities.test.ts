import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { readScenario } from '../replay/scenario-file.ts';
import { isValidNhsNumber } from '../linkage/nhs-number.ts';
import { parsePostcode } from '../linkage/fields/postcode.ts';
import { demoIdentities } from './demo-identities.ts';
import { demoEvents } from './load-scenarios.ts';

const today = DateTime.fromISO('2026-12-02T12:00', { zone: 'Europe/London' });

test('every person of a scenario gets a name, sex, a valid NHS number from the test range and a postcode; the same on every run', async () => {
  const scenario = await readScenario('scenarios/000-child-b.scenario.json');
  const events = scenario.events as Record<string, unknown>[];
  const first = demoIdentities(scenario.scenario, events);
  assert.deepEqual(demoIdentities(scenario.scenario, events), first);
  assert.deepEqual([...first.keys()].sort(), ['child-b', 'father-b', 'ms-b', 'sibling-b']);
  for (const [id, identity] of first) {
    assert.ok(identity.given && identity.family, id);
    assert.ok(isValidNhsNumber(identity.nhsNumber) && identity.nhsNumber.startsWith('999'), `${id}: ${identity.nhsNumber}`);
    assert.ok(parsePostcode(identity.postcode), `${id}: ${identity.postcode}`);
    assert.ok(identity.sex === 'female' || identity.sex === 'male');
  }
  // The mother's children (by birth and as a sibling) carry her family name; the mother is a woman.
  assert.equal(first.get('child-b')!.family, first.get('ms-b')!.family);
  assert.equal(first.get('sibling-b')!.family, first.get('ms-b')!.family);
  assert.equal(first.get('ms-b')!.sex, 'female');
  assert.equal(first.get('child-b')!.sex, 'male', 'the sex the birth record gives is kept');
});

test("a review's pseudonym is kept, and the demo's records carry the identities: the birth names the baby, with the sex filled in", async () => {
  const jack = await readScenario('scenarios/001-jack.scenario.json');
  const events = demoEvents(jack, today);
  const named = events.find((e) => e.type === 'person.recorded' && e.person === 'cambs-scr-2018-jack-jack');
  assert.equal((named?.name as { given: string }).given, 'Jack');
  const childA = demoEvents(await readScenario('scenarios/000-child-a.scenario.json'), today);
  const birth = childA.find((e) => e.type === 'birth')!;
  assert.notEqual(birth.sex, 'unknown', "Child A's sex is known, so the growth chart can be drawn");
  const notified = childA[childA.indexOf(birth) - 1];
  assert.equal(notified.type, 'person.recorded');
  assert.equal(notified.person, birth.child);
  assert.equal(notified.at, birth.at);
  const adults = childA.filter((e) => e.type === 'person.recorded' && e.role === 'adult');
  assert.ok(adults.every((e) => typeof e.born === 'string' && typeof e.nhsNumber === 'string'));
});
