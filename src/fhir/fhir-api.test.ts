import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Bundle, BundleEntry, Observation, OperationOutcome, Resource } from '@medplum/fhirtypes';
import { startTestApp, type TestApp } from '../server/test-app.ts';
import { apiCaller, type Call } from '../server/test-caller.ts';
import { canonicalJson } from '../domain/canonical-json.ts';
import type { ThreadEvent } from '../domain/events.ts';
import type { EventType } from '../domain/event-schemas.ts';
import type { World } from '../engine/world.ts';

const recordsOf = <T extends EventType>(world: World, person: string, type: T) =>
  world.eventsOf(person, type) as unknown as readonly ThreadEvent<T>[];

const example = (): Bundle => JSON.parse(readFileSync('examples/fhir/health-visiting-bundle.json', 'utf8')) as Bundle;
const resourceOf = (bundle: Bundle, id: string) => bundle.entry!.find((e) => e.resource?.id === id)!.resource!;
const asBatch = (bundle: Bundle, entries: BundleEntry[] = bundle.entry!): Bundle => ({ ...bundle, type: 'batch', entry: entries });
const issues = (outcome: OperationOutcome) => outcome.issue.map((i) => String(i.details?.text));
const statuses = (bundle: Bundle) => bundle.entry!.map((e) => e.response!.status);

async function post(call: Call, bundle: Bundle, as: Parameters<Call>[0] = 'health-visitor') {
  return call(as, 'POST', '/fhir/R4', bundle);
}

describe('FHIR R4 in: batch and transaction Bundles', () => {
  let t: TestApp;
  let call: Call;
  let childId: string;
  before(async () => {
    t = await startTestApp();
    call = apiCaller(t);
  });
  after(() => t.close());

  test('a transaction of UK Core resources is stored, each with its source; the child is found by NHS number', async () => {
    const response = await post(call, example());
    assert.equal(response.statusCode, 200, response.body);
    const bundle = response.json<Bundle>();
    assert.equal(bundle.type, 'transaction-response');
    assert.deepEqual(new Set(statuses(bundle)), new Set(['201 Created']));
    const world = t.services.store.engine.world;
    const child = [...world.allPersons()].find((p) => p.nhsNumber === '9991200002')!;
    childId = child.id;
    assert.equal(child.role, 'child');
    assert.deepEqual(child.name, { given: 'Ava', family: 'Example' });
    const weight = recordsOf(world, child.id, 'measurement').find((e) => e.data.kind === 'weight')!;
    assert.equal(weight.data.value, 3.65, '3650 g is 3.65 kg');
    assert.deepEqual(weight.data.source, {
      system: 'https://systmone.example.nhs.uk/fhir',
      resourceType: 'Observation',
      id: 'hv-obs-weight-1',
      version: weight.data.source!.version,
      part: 'measurement',
    });
    const missed = recordsOf(world, child.id, 'appointment.missed')[0];
    assert.equal(missed.data.reason, 'was-not-brought', "a child's no-show is was-not-brought");
    assert.equal(recordsOf(world, child.id, 'appointment.booked').length, 1);
    const mother = world.carersOf(child.id).find((r) => r.kind === 'mother')!;
    assert.equal(
      world.person(mother.person)?.nhsNumber,
      '9991200010',
      'the RelatedPerson with the mother’s NHS number is the mother’s Patient',
    );
    assert.equal(recordsOf(world, mother.person, 'concern.recorded')[0].data.kind, 'postnatal-depression');
    assert.ok(world.findingsAbout(child.id).some((f) => f.code === 'was-not-brought'));
  });

  test('the same versions sent again are stored once; a new version supersedes the record it replaces', async () => {
    const world = t.services.store.engine.world;
    const before = world.eventsOf(childId).length;
    const again = await post(call, asBatch(example()));
    assert.deepEqual(new Set(statuses(again.json<Bundle>())), new Set(['200 OK']));
    assert.equal(world.eventsOf(childId).length, before);
    const weight = resourceOf(example(), 'hv-obs-weight-1') as Observation;
    const old = recordsOf(world, childId, 'measurement').find((e) => e.data.kind === 'weight')!;
    const corrected: Observation = { ...weight, meta: { versionId: '2' }, valueQuantity: { ...weight.valueQuantity, value: 3560 } };
    const response = await post(call, {
      resourceType: 'Bundle',
      type: 'batch',
      meta: { source: 'https://systmone.example.nhs.uk/fhir' },
      entry: [{ resource: corrected }],
    });
    assert.deepEqual(statuses(response.json<Bundle>()), ['201 Created']);
    const weights = recordsOf(world, childId, 'measurement').filter((e) => e.data.kind === 'weight');
    assert.deepEqual(
      weights.map((e) => [e.data.value, e.data.source?.version]),
      [[3.56, '2']],
    );
    assert.equal(weights[0].supersedes, old.key);
  });

  test('a batch stores its good entries and answers each bad one with an OperationOutcome naming the element', async () => {
    const good = {
      ...(resourceOf(example(), 'hv-obs-ofc-1') as Observation),
      id: 'hv-obs-ofc-2',
      effectiveDateTime: '2026-08-14T10:00:00+01:00',
    };
    const badUnit = {
      ...(resourceOf(example(), 'hv-obs-ofc-1') as Observation),
      id: 'hv-obs-ofc-3',
      valueQuantity: { value: 14, unit: 'in', system: 'http://unitsofmeasure.org', code: 'inch' },
    };
    const badDate = { ...resourceOf(example(), 'hv-child-1'), id: 'hv-child-2', birthDate: '2026-13-01' };
    const response = await post(call, asBatch(example(), [{ resource: good }, { resource: badUnit }, { resource: badDate }]));
    assert.equal(response.statusCode, 200);
    const bundle = response.json<Bundle>();
    assert.deepEqual(statuses(bundle), ['201 Created', '400 Bad Request', '400 Bad Request']);
    assert.match(
      issues(bundle.entry![1].response!.outcome as OperationOutcome)[0],
      /^Observation\.valueQuantity\.code: .*"inch" is not a UCUM unit/,
    );
    assert.match(issues(bundle.entry![2].response!.outcome as OperationOutcome)[0], /^Patient\.birthDate: /);
    assert.ok(recordsOf(t.services.store.engine.world, childId, 'measurement').some((e) => e.data.source?.id === 'hv-obs-ofc-2'));
  });

  test('a transaction with one bad entry stores nothing and names the entry and element', async () => {
    const seq = t.services.store.engine.world.eventsOf(childId).length;
    const good = { ...(resourceOf(example(), 'hv-obs-ofc-1') as Observation), id: 'hv-obs-ofc-4' };
    const bad = {
      ...(resourceOf(example(), 'hv-obs-ofc-1') as Observation),
      id: 'hv-obs-ofc-5',
      code: { coding: [{ system: 'http://loinc.org', code: '8310-5' }] },
    };
    const response = await post(call, { ...example(), entry: [{ resource: good }, { resource: bad }] });
    assert.equal(response.statusCode, 400);
    const outcome = response.json<OperationOutcome>();
    assert.equal(outcome.resourceType, 'OperationOutcome');
    assert.match(issues(outcome)[0], /^Bundle\.entry\[1\]\.resource\.code: must be a body weight, length or head circumference/);
    assert.equal(t.services.store.engine.world.eventsOf(childId).length, seq);
  });

  test('a record about someone the user may not see is refused (403) and nothing of the transaction is stored', async () => {
    const seq = t.services.store.engine.world.eventsOf(childId).length;
    const known = resourceOf(example(), 'hv-obs-ofc-1');
    const fresh = { ...known, id: 'police-obs-1' } as Resource;
    for (const entry of [{ resource: known }, { resource: fresh }]) {
      const response = await post(call, { ...example(), entry: [entry] }, 'police');
      assert.equal(response.statusCode, 403, response.body);
      assert.match(issues(response.json<OperationOutcome>())[0], /You cannot record about/);
    }
    assert.equal(t.services.store.engine.world.eventsOf(childId).length, seq);
  });

  test('a Bundle that is not a batch or transaction is refused naming Bundle.type', async () => {
    const response = await post(call, { resourceType: 'Bundle', type: 'collection', entry: [] });
    assert.equal(response.statusCode, 400);
    assert.deepEqual(issues(response.json<OperationOutcome>()), ['Bundle.type: must be batch or transaction, not "collection"']);
  });

  test('Patient $everything gives the child’s record to those who may see it, and round-trips: importing it again changes nothing', async () => {
    const response = await call('health-visitor', 'GET', `/fhir/R4/Patient/${childId}/$everything`);
    assert.equal(response.statusCode, 200, response.body);
    assert.match(String(response.headers['content-type']), /application\/fhir\+json/);
    const bundle = response.json<Bundle>();
    assert.equal(bundle.type, 'searchset');
    const types = new Set(bundle.entry!.map((e) => e.resource!.resourceType));
    for (const type of ['Patient', 'RelatedPerson', 'Encounter', 'Observation', 'Appointment', 'Immunization', 'Communication'])
      assert.ok(types.has(type as never), type);
    const world = t.services.store.engine.world;
    const count = world.eventsOf(childId).length;
    const again = await post(call, {
      resourceType: 'Bundle',
      type: 'batch',
      entry: bundle
        .entry!.filter((e) => e.resource!.resourceType !== 'OperationOutcome')
        .map((e) => ({ fullUrl: e.fullUrl, resource: e.resource })),
    });
    assert.equal(again.statusCode, 200, again.body);
    assert.deepEqual(new Set(statuses(again.json<Bundle>())), new Set(['200 OK']), again.body);
    assert.equal(world.eventsOf(childId).length, count);

    const police = await call('police', 'GET', `/fhir/R4/Patient/${childId}/$everything`);
    assert.equal(police.statusCode, 403);
  });

  test('the export read into an empty record makes the same records', async () => {
    const exported = (await call('health-visitor', 'GET', `/fhir/R4/Patient/${childId}/$everything`)).json<Bundle>();
    const fresh = await startTestApp({ events: [] });
    try {
      const entries = exported
        .entry!.filter((e) => e.resource!.resourceType !== 'OperationOutcome')
        .map((e) => ({ fullUrl: e.fullUrl, resource: e.resource }));
      const response = await apiCaller(fresh)('health-visitor', 'POST', '/fhir/R4', {
        resourceType: 'Bundle',
        type: 'transaction',
        entry: entries,
      });
      assert.equal(response.statusCode, 200, response.body);
      const shape = (app: TestApp) =>
        app.services.store.engine.world
          .eventsOf(childId)
          .map((e) => {
            // The empty record never held the weight's first version, so nothing there is superseded.
            const { recordedBy: _r, organisation: _o, supersedes: _s, ...data } = e.data as Record<string, unknown>;
            return canonicalJson({ ...data, at: e.at });
          })
          .sort();
      const original = shape(t).filter((s) => !s.includes('"identity.'));
      assert.deepEqual(
        shape(fresh).filter((s) => !s.includes('"identity.')),
        original,
      );
    } finally {
      await fresh.close();
    }
  });

  test('the CapabilityStatement says what the endpoint does', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/fhir/R4/metadata' });
    assert.equal(response.statusCode, 200);
    const statement = response.json<{ resourceType: string; fhirVersion: string; rest: { interaction: { code: string }[] }[] }>();
    assert.equal(statement.resourceType, 'CapabilityStatement');
    assert.equal(statement.fhirVersion, '4.0.1');
    assert.deepEqual(
      statement.rest[0].interaction.map((i) => i.code),
      ['batch', 'transaction'],
    );
  });
});
