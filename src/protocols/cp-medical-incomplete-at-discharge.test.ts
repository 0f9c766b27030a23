import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLocal } from '../domain/time.ts';
import { ProtocolHarness, ZONE, newborn, type EventInput } from './testing.ts';
import { cpMedicalIncompleteAtDischarge } from './cp-medical-incomplete-at-discharge.ts';

// Contract: "a child is fit for discharge or discharged while a CP medical or skeletal survey
// decided at strategy is not completed".
const only = [cpMedicalIncompleteAtDischarge];
const CODE = 'cp-medical-incomplete-at-discharge';
const t = (iso: string) => parseLocal(iso, ZONE)!;

const admitted: EventInput[] = [
  ...newborn({ born: '2023-01-09T10:00' }),
  { at: '2023-03-06T12:00', type: 'hospital.admitted', person: 'baby', agency: 'hospital', reason: 'bruising' },
];
const strategy = (at: string, decisions: string[], extra: Partial<EventInput> = {}): EventInput => ({
  at,
  type: 'strategy.discussion',
  person: 'baby',
  agency: 'children-social-care',
  attendees: ['children-social-care', 'police', 'hospital'],
  paediatricianInput: true,
  decisions,
  ...extra,
});
const investigation = (at: string, kind: string, status: 'requested' | 'completed'): EventInput => ({
  at,
  type: 'investigation',
  person: 'baby',
  agency: 'hospital',
  kind,
  status,
});
const fit = (at: string, extra: Partial<EventInput> = {}): EventInput => ({
  at,
  type: 'hospital.fit-for-discharge',
  person: 'baby',
  agency: 'hospital',
  ...extra,
});
const discharged = (at: string, extra: Partial<EventInput> = {}): EventInput => ({
  at,
  type: 'hospital.discharged',
  person: 'baby',
  agency: 'hospital',
  ...extra,
});

test('declared fit for discharge before the agreed CP medical and skeletal survey raises the finding at that moment, for the hospital, citing both records', () => {
  const h = new ProtocolHarness(only).add(
    ...admitted,
    strategy('2023-03-06T16:00', ['cp-medical', 'skeletal-survey', 'section-47'], { id: 'sd' }),
    investigation('2023-03-06T17:00', 'cp-medical', 'requested'),
    fit('2023-03-08T15:00', { id: 'fit' }),
  );
  const found = h.raised(CODE);
  assert.equal(found.length, 1);
  const [f] = found;
  assert.equal(f.subject, 'baby');
  assert.equal(f.raisedAt, t('2023-03-08T15:00'));
  assert.equal(f.owner, 'hospital');
  assert.equal(f.severity, 'high');
  assert.deepEqual([...f.evidence].sort(), ['fit', 'sd']);
  assert.match(f.explanation, /declared fit for discharge by the hospital on 8 Mar 2023/);
  assert.match(f.explanation, /child protection medical and skeletal survey/);
});

test('fires on discharge when there was no fit-for-discharge record', () => {
  const h = new ProtocolHarness(only).add(...admitted, strategy('2023-03-06T16:00', ['cp-medical']), discharged('2023-03-08T15:00'));
  const [f] = h.raised(CODE);
  assert.ok(f);
  assert.match(f.explanation, /discharged by the hospital on 8 Mar 2023/);
  assert.doesNotMatch(f.explanation, /skeletal survey/);
});

test('names only what is outstanding: the CP medical done, the skeletal survey only requested', () => {
  const h = new ProtocolHarness(only).add(
    ...admitted,
    strategy('2023-03-06T16:00', ['cp-medical', 'skeletal-survey']),
    investigation('2023-03-07T10:00', 'cp-medical', 'completed'),
    investigation('2023-03-07T10:00', 'skeletal-survey', 'requested'),
    fit('2023-03-08T15:00'),
  );
  const [f] = h.raised(CODE);
  assert.ok(f);
  assert.match(f.explanation, /skeletal survey/);
  assert.doesNotMatch(f.explanation, /child protection medical/);
});

test('stays quiet when both were completed before discharge, the last one just in time', () => {
  const h = new ProtocolHarness(only).add(
    ...admitted,
    strategy('2023-03-06T16:00', ['cp-medical', 'skeletal-survey']),
    investigation('2023-03-07T10:00', 'cp-medical', 'completed'),
    investigation('2023-03-08T15:00', 'skeletal-survey', 'completed'),
    fit('2023-03-08T15:00'),
    discharged('2023-03-09T10:00'),
  );
  assert.equal(h.raised(CODE).length, 0);
});

test('an investigation completed only after discharge does not count', () => {
  const h = new ProtocolHarness(only).add(
    ...admitted,
    strategy('2023-03-06T16:00', ['cp-medical']),
    discharged('2023-03-08T15:00'),
    investigation('2023-03-09T10:00', 'cp-medical', 'completed'),
  );
  assert.equal(h.raised(CODE).length, 1);
});

test('a completed investigation of the other kind does not count (CT head is not a skeletal survey)', () => {
  const h = new ProtocolHarness(only).add(
    ...admitted,
    strategy('2023-03-06T16:00', ['skeletal-survey']),
    investigation('2023-03-07T10:00', 'ct-head', 'completed'),
    fit('2023-03-08T15:00'),
  );
  assert.equal(h.raised(CODE).length, 1);
});

test('stays quiet with no strategy discussion, or one that decided no medical examination', () => {
  const none = new ProtocolHarness(only).add(...admitted, fit('2023-03-08T15:00'));
  assert.equal(none.raised(CODE).length, 0);
  const noMedical = new ProtocolHarness(only).add(
    ...admitted,
    strategy('2023-03-06T16:00', ['section-47', 'police-investigation', 'safety-plan']),
    fit('2023-03-08T15:00'),
  );
  assert.equal(noMedical.raised(CODE).length, 0);
});

test('fit for discharge, then discharged, with the same examination outstanding raises once', () => {
  const h = new ProtocolHarness(only).add(
    ...admitted,
    strategy('2023-03-06T16:00', ['cp-medical']),
    fit('2023-03-08T15:00'),
    fit('2023-03-08T18:00'),
    discharged('2023-03-09T10:00'),
  );
  assert.equal(h.raised(CODE).length, 1);
});

test('a CP medical completed shortly before the strategy discussion counts, within the configured number of days', () => {
  const events = [
    ...admitted,
    investigation('2023-03-06T13:00', 'cp-medical', 'completed'),
    strategy('2023-03-08T16:00', ['cp-medical']),
    fit('2023-03-09T15:00'),
  ];
  assert.equal(new ProtocolHarness(only).add(...events).raised(CODE).length, 0);
  assert.equal(new ProtocolHarness(only, { [CODE]: { acceptCompletedDaysBeforeStrategy: 1 } }).add(...events).raised(CODE).length, 1);
  assert.equal(new ProtocolHarness(only, { [CODE]: { acceptCompletedDaysBeforeStrategy: 0 } }).add(...events).raised(CODE).length, 1);
});

test('a CP medical requested on admission (no strategy decision) and not done by discharge is raised', () => {
  const h = new ProtocolHarness([cpMedicalIncompleteAtDischarge]).add(
    ...newborn({ born: '2023-01-09T10:00' }),
    { at: '2023-03-08T16:00', type: 'hospital.admitted', person: 'baby', agency: 'hospital' },
    {
      at: '2023-03-08T16:30',
      type: 'investigation',
      person: 'baby',
      kind: 'cp-medical',
      status: 'requested',
      agency: 'children-social-care',
    },
    { at: '2023-03-09T10:00', type: 'hospital.fit-for-discharge', person: 'baby', agency: 'hospital' },
  );
  assert.equal(h.raised('cp-medical-incomplete-at-discharge', 'baby').length, 1);
});

test('a requested CP medical completed before discharge is quiet', () => {
  const h = new ProtocolHarness([cpMedicalIncompleteAtDischarge]).add(
    ...newborn({ born: '2023-01-09T10:00' }),
    {
      at: '2023-03-08T16:30',
      type: 'investigation',
      person: 'baby',
      kind: 'cp-medical',
      status: 'requested',
      agency: 'children-social-care',
    },
    { at: '2023-03-09T09:00', type: 'investigation', person: 'baby', kind: 'cp-medical', status: 'completed', agency: 'hospital' },
    { at: '2023-03-09T10:00', type: 'hospital.fit-for-discharge', person: 'baby', agency: 'hospital' },
  );
  assert.equal(h.raised('cp-medical-incomplete-at-discharge').length, 0);
});
