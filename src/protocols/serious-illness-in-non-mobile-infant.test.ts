import { test } from 'node:test';
import assert from 'node:assert/strict';
import { endOfLocalDay, parseLocal } from '../domain/time.ts';
import { ProtocolHarness, ZONE, newborn, type EventInput } from './testing.ts';
import { seriousIllnessInNonMobileInfant } from './serious-illness-in-non-mobile-infant.ts';

// Contract: "a non-mobile infant presents with serious unexpected ill-health"; non-mobile as for
// the injury protocol: under 6 months (default) or recorded as not independently mobile.
const only = [seriousIllnessInNonMobileInfant];
const CODE = 'serious-illness-in-non-mobile-infant';
const t = (iso: string) => parseLocal(iso, ZONE)!;

function illness(at: string, extra: Partial<EventInput> = {}): EventInput {
  return { at, type: 'illness.presented', person: 'baby', severity: 'serious-unexpected', agency: 'ambulance', ...extra };
}

test('an 8-week-old who stops breathing raises the finding at once, owned by the recording agency, citing the record', () => {
  const h = new ProtocolHarness(only).add(
    ...newborn({ born: '2023-01-09T10:00' }),
    illness('2023-03-06T12:10', { id: 'call-999', description: 'not breathing, floppy' }),
  );
  const found = h.raised(CODE);
  assert.equal(found.length, 1);
  const [f] = found;
  assert.equal(f.subject, 'baby');
  assert.equal(f.raisedAt, t('2023-03-06T12:10'));
  assert.equal(f.owner, 'ambulance');
  assert.equal(f.severity, 'high');
  assert.equal(f.requiresReferral, true);
  assert.deepEqual(f.evidence, ['call-999']);
  assert.equal(f.deadline, endOfLocalDay(t('2023-03-06T12:10'), ZONE));
  assert.match(f.explanation, /not breathing, floppy/);
  assert.match(f.explanation, /the ambulance service on 6 Mar 2023/);
  assert.match(f.explanation, /8 weeks old/);
  assert.equal(f.protocol, 'serious-illness-in-non-mobile-infant');
});

test('stays quiet for a minor illness in a non-mobile baby', () => {
  const h = new ProtocolHarness(only).add(
    ...newborn({ born: '2023-01-09' }),
    illness('2023-03-06T10:00', { severity: 'minor', description: 'snuffly cold', agency: 'gp' }),
  );
  assert.equal(h.raised(CODE).length, 0);
});

test('fires the day before the baby turns 6 months and stays quiet from the day they do', () => {
  const before = new ProtocolHarness(only).add(...newborn({ born: '2022-01-09' }), illness('2022-07-08T23:00'));
  assert.equal(before.raised(CODE).length, 1);
  const on = new ProtocolHarness(only).add(...newborn({ born: '2022-01-09' }), illness('2022-07-09T00:00'));
  assert.equal(on.raised(CODE).length, 0);
});

test('fires for an older baby recorded as not independently mobile', () => {
  const h = new ProtocolHarness(only).add(
    ...newborn({ born: '2022-01-09' }),
    illness('2022-09-01T12:00', { mobile: false, agency: 'emergency-department' }),
  );
  const [f] = h.raised(CODE, 'baby');
  assert.ok(f);
  assert.equal(f.owner, 'emergency-department');
});

test('a baby under 6 months counts even if recorded as mobile', () => {
  const h = new ProtocolHarness(only).add(...newborn({ born: '2023-01-09' }), illness('2023-04-01T12:00', { mobile: true }));
  assert.equal(h.raised(CODE).length, 1);
});

test('stays quiet when the adult, not the baby, is seriously ill', () => {
  const h = new ProtocolHarness(only).add(
    ...newborn({ born: '2023-01-09' }),
    illness('2023-03-06T10:00', { person: 'mum', description: 'collapse' }),
  );
  assert.equal(h.raised(CODE).length, 0);
});

test('the same day reported twice (ambulance, then ED) raises once; a resubmitted record raises nothing; a new day raises again', () => {
  const h = new ProtocolHarness(only).add(
    ...newborn({ born: '2023-01-09' }),
    illness('2023-03-06T12:10', { id: 'a' }),
    illness('2023-03-06T13:00', { id: 'b', agency: 'emergency-department' }),
    illness('2023-03-06T12:10', { id: 'a' }),
    illness('2023-03-10T09:00', { id: 'c' }),
  );
  const found = h.raised(CODE);
  assert.equal(found.length, 2);
  assert.deepEqual(
    found.map((f) => f.evidence[0]),
    ['a', 'c'],
  );
});

test('the age threshold follows the partnership configuration', () => {
  // 5 months old: inside the default, outside a 4-month threshold.
  const narrower = new ProtocolHarness(only, { [CODE]: { nonMobileUnderMonths: 4 } }).add(
    ...newborn({ born: '2023-01-09' }),
    illness('2023-06-12T10:00'),
  );
  assert.equal(narrower.raised(CODE).length, 0);
  // 7 months old: outside the default, inside a 9-month threshold.
  const wider = new ProtocolHarness(only, { [CODE]: { nonMobileUnderMonths: 9 } }).add(
    ...newborn({ born: '2023-01-09' }),
    illness('2023-08-12T10:00'),
  );
  assert.equal(wider.raised(CODE).length, 1);
  const byDefault = new ProtocolHarness(only).add(...newborn({ born: '2023-01-09' }), illness('2023-08-12T10:00'));
  assert.equal(byDefault.raised(CODE).length, 0);
});
