import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Encounter } from '@medplum/fhirtypes';
import { checkEvent } from '../domain/validate-event.ts';
import { EXTENSIONS } from './fhir-codes.ts';
import { exported, imported, resourceOfType, withoutProvenance, ZONE } from './round-trip-support.ts';

const CHILD = {
  type: 'person.recorded',
  at: '2026-03-01T09:00',
  person: 'child-s',
  role: 'child',
  born: '2026-01-10',
  sex: 'male',
  agency: 'children-social-care',
};
const DISCUSSION = {
  type: 'strategy.discussion',
  at: '2026-03-02T14:00',
  person: 'child-s',
  attendees: ['children-social-care', 'police', 'hospital'],
  paediatricianInput: true,
  decisions: ['cp-medical', 'section-47'],
  agency: 'children-social-care',
  note: 'Bruise to the ear of a non-mobile baby.',
};

test('a strategy discussion goes out as an Encounter (meeting kind, attending agencies, decisions) and comes back as the same record', () => {
  const { bundle, notExported } = exported([CHILD, DISCUSSION]);
  assert.deepEqual(notExported, {});
  const encounter = resourceOfType<Encounter>(bundle, 'Encounter');
  assert.deepEqual(
    encounter.participant!.map((p) => p.type![0].coding![0].code),
    ['children-social-care', 'police', 'hospital'],
  );
  assert.equal(encounter.type![0].coding![0].code, 'strategy-discussion');

  const { records, problems } = imported(bundle);
  assert.deepEqual(problems, []);
  const discussion = records.find((r) => r.type === 'strategy.discussion');
  assert.deepEqual(withoutProvenance(discussion), { ...DISCUSSION, at: '2026-03-02T14:00:00+00:00' });
  assert.equal(checkEvent(discussion, ZONE, 1, 'k', 0).ok, true);
});

test('a strategy discussion with a decision Threadline does not know is refused, naming the extension', () => {
  const { bundle } = exported([CHILD, DISCUSSION]);
  resourceOfType<Encounter>(bundle, 'Encounter').extension!.push({ url: EXTENSIONS.strategyDecision, valueCode: 'wait-and-see' });
  const { problems, records } = imported(bundle);
  assert.equal(records.filter((r) => r.type === 'strategy.discussion').length, 0);
  assert.deepEqual(problems, [
    {
      path: 'Encounter.extension(strategy-decision)[2]',
      reason:
        '"wait-and-see" is not a known strategy decision (one of: cp-medical, skeletal-survey, section-47, police-investigation, safety-plan)',
    },
  ]);
});
