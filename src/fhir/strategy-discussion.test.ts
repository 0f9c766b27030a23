import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Bundle, Encounter } from '@medplum/fhirtypes';
import { checkEvent } from '../domain/validate-event.ts';
import type { ThreadEvent } from '../domain/events.ts';
import { World } from '../engine/world.ts';
import { recordsAsBundle } from './export-bundle.ts';
import { BundleIndex, importOrder, planEntry, type ImportEntry } from './plan-import.ts';
import { EXTENSIONS } from './fhir-codes.ts';

const ZONE = 'Europe/London';
const SENDER = 'https://mosaic.example.gov.uk/fhir';

const RECORDS = [
  {
    type: 'person.recorded',
    at: '2026-03-01T09:00',
    person: 'child-s',
    role: 'child',
    born: '2026-01-10',
    sex: 'male',
    agency: 'children-social-care',
  },
  {
    type: 'strategy.discussion',
    at: '2026-03-02T14:00',
    person: 'child-s',
    attendees: ['children-social-care', 'police', 'hospital'],
    paediatricianInput: true,
    decisions: ['cp-medical', 'section-47'],
    agency: 'children-social-care',
    note: 'Bruise to the ear of a non-mobile baby.',
  },
];

function recorded(): { events: ThreadEvent[]; world: World } {
  const world = new World();
  const events = RECORDS.map((input, i) => {
    const checked = checkEvent(input, ZONE, i + 1, `record-${i}`, 0);
    assert.ok(checked.ok, JSON.stringify(!checked.ok && checked.problems));
    world.apply(checked.event);
    return checked.event;
  });
  return { events, world };
}

/** The records the resources make when a sending system sends them (its own ids and version). */
function imported(bundle: Bundle): { records: Record<string, unknown>[]; problems: unknown[] } {
  const entries: ImportEntry[] = (bundle.entry ?? []).map((e, index) => ({
    index,
    resource: { ...e.resource, meta: { source: SENDER, versionId: '1' } },
  }));
  const index = new BundleIndex(entries, SENDER);
  const world = new World();
  const records: Record<string, unknown>[] = [];
  const problems: unknown[] = [];
  for (const entry of importOrder(entries)) {
    const planned = planEntry(entry, world, index, { system: SENDER, now: Date.now, keepAgency: true }, new Map());
    problems.push(...planned.problems);
    records.push(...planned.events);
  }
  return { records, problems };
}

test('a strategy discussion goes out as an Encounter (meeting kind, attending agencies, decisions) and comes back as the same record', () => {
  const { events, world } = recorded();
  const { bundle, notExported } = recordsAsBundle(events, world, ZONE);
  assert.deepEqual(notExported, {});
  const encounter = bundle.entry!.map((e) => e.resource!).find((r): r is Encounter => r.resourceType === 'Encounter')!;
  assert.deepEqual(
    encounter.participant!.map((p) => p.type![0].coding![0].code),
    ['children-social-care', 'police', 'hospital'],
  );
  assert.equal(encounter.type![0].coding![0].code, 'strategy-discussion');

  const { records, problems } = imported(JSON.parse(JSON.stringify(bundle)) as Bundle);
  assert.deepEqual(problems, []);
  const discussion = records.find((r) => r.type === 'strategy.discussion')!;
  const person = records.find((r) => r.type === 'person.recorded')!.person;
  const { id: _id, source: _source, ...data } = discussion;
  assert.deepEqual(data, {
    type: 'strategy.discussion',
    at: '2026-03-02T14:00:00+00:00',
    person,
    attendees: ['children-social-care', 'police', 'hospital'],
    paediatricianInput: true,
    decisions: ['cp-medical', 'section-47'],
    agency: 'children-social-care',
    note: 'Bruise to the ear of a non-mobile baby.',
  });
  assert.equal(checkEvent(discussion, ZONE, 1, 'k', 0).ok, true);
});

test('a strategy discussion with a decision Threadline does not know is refused, naming the extension', () => {
  const { events, world } = recorded();
  const { bundle } = recordsAsBundle(events, world, ZONE);
  const sent = JSON.parse(JSON.stringify(bundle)) as Bundle;
  const encounter = sent.entry!.map((e) => e.resource!).find((r): r is Encounter => r.resourceType === 'Encounter')!;
  encounter.extension!.push({ url: EXTENSIONS.strategyDecision, valueCode: 'wait-and-see' });
  const { problems, records } = imported(sent);
  assert.equal(records.filter((r) => r.type === 'strategy.discussion').length, 0);
  assert.deepEqual(problems, [
    {
      path: 'Encounter.extension(strategy-decision)[2]',
      reason:
        '"wait-and-see" is not a known strategy decision (one of: cp-medical, skeletal-survey, section-47, police-investigation, safety-plan)',
    },
  ]);
});
