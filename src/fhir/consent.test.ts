import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Consent } from '@medplum/fhirtypes';
import { checkEvent } from '../domain/validate-event.ts';
import { exported, imported, resourceOfType, withoutProvenance, ZONE } from './round-trip-support.ts';

const MOTHER = {
  type: 'person.recorded',
  at: '2026-03-01T09:00',
  person: 'mother-c',
  role: 'adult',
  sex: 'female',
  agency: 'health-visiting',
};
const REFUSAL = {
  type: 'consent.refused',
  at: '2026-03-04T11:30',
  person: 'mother-c',
  for: 'referral to the perinatal mental health team',
  agency: 'health-visiting',
};

test('a refusal goes out as a Consent (rejected, a deny provision naming what was refused) and comes back as the same record', () => {
  const { bundle, notExported } = exported([MOTHER, REFUSAL]);
  assert.deepEqual(notExported, {});
  const consent = resourceOfType<Consent>(bundle, 'Consent');
  assert.equal(consent.status, 'rejected');
  assert.equal(consent.provision?.type, 'deny');

  const { records, problems } = imported(bundle);
  assert.deepEqual(problems, []);
  const refusal = records.find((r) => r.type === 'consent.refused');
  assert.deepEqual(withoutProvenance(refusal), { ...REFUSAL, at: '2026-03-04T11:30:00+00:00' });
  assert.equal(checkEvent(refusal, ZONE, 1, 'k', 0).ok, true);
});

test('a Consent that is not a refusal, or does not say what was refused, is refused naming the element', () => {
  const { bundle } = exported([MOTHER, REFUSAL]);
  const consent = resourceOfType<Consent>(bundle, 'Consent');
  consent.status = 'active';
  assert.deepEqual(imported(bundle).problems, [{ path: 'Consent.status', reason: 'is "active": only a refusal (rejected) is recorded' }]);
  consent.status = 'rejected';
  consent.provision = { type: 'deny' };
  assert.deepEqual(imported(bundle).problems, [
    { path: 'Consent.provision.code.text', reason: 'is required: what was refused (the service, assessment or referral)' },
  ]);
});
