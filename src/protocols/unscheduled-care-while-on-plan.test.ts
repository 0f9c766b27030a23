import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HOUR_MS, parseLocal } from '../domain/time.ts';
import { ProtocolHarness, ZONE, newborn, type EventInput } from './testing.ts';
import { unscheduledCareWhileOnPlan } from './unscheduled-care-while-on-plan.ts';

// Contract: "a child on a child protection plan, or looked after, attends emergency or urgent
// care (notify the allocated social worker)" (CP-IS).
const only = [unscheduledCareWhileOnPlan];
const CODE = 'unscheduled-care-while-on-plan';
const t = (iso: string) => parseLocal(iso, ZONE)!;
const family = newborn({ born: '2023-01-09T10:00' });

const plan = (at: string, kind: string, extra: Partial<EventInput> = {}): EventInput => ({
  at,
  type: 'plan.started',
  person: 'baby',
  kind,
  agency: 'children-social-care',
  ...extra,
});
const attends = (at: string, extra: Partial<EventInput> = {}): EventInput => ({
  at,
  type: 'contact',
  person: 'baby',
  kind: 'ed-attendance',
  agency: 'emergency-department',
  ...extra,
});

test("an ED attendance by a child on a CP plan raises the finding at once, for children's social care, citing the attendance and the plan", () => {
  const h = new ProtocolHarness(only).add(
    ...family,
    plan('2023-02-20', 'child-protection', { id: 'cp-plan' }),
    attends('2023-03-06T21:15', { id: 'ed' }),
  );
  const found = h.raised(CODE);
  assert.equal(found.length, 1);
  const [f] = found;
  assert.equal(f.subject, 'baby');
  assert.equal(f.raisedAt, t('2023-03-06T21:15'));
  assert.equal(f.owner, 'children-social-care');
  assert.equal(f.severity, 'high');
  assert.deepEqual(f.evidence, ['ed', 'cp-plan']);
  assert.equal(f.deadline, t('2023-03-06T21:15') + 24 * HOUR_MS);
  assert.match(f.explanation, /child protection plan attended unscheduled care \(the emergency department on 6 Mar 2023\)/);
});

test('fires for a looked-after child at urgent care', () => {
  const h = new ProtocolHarness(only).add(
    ...family,
    plan('2023-02-20', 'looked-after'),
    attends('2023-03-06T10:00', { kind: 'urgent-care-attendance', agency: 'gp' }),
  );
  const [f] = h.raised(CODE);
  assert.ok(f);
  assert.match(f.explanation, /looked after/);
});

test('fires for a child under an interim care order who is admitted by ambulance', () => {
  const h = new ProtocolHarness(only).add(...family, plan('2023-02-20', 'interim-care-order'), {
    at: '2023-03-06T10:00',
    type: 'hospital.admitted',
    person: 'baby',
    agency: 'ambulance',
    reason: 'fitting',
  });
  assert.equal(h.raised(CODE).length, 1);
});

for (const kind of ['child-in-need', 'early-help', 'interim-supervision-order']) {
  test(`stays quiet for a child on a ${kind} plan`, () => {
    const h = new ProtocolHarness(only).add(...family, plan('2023-02-20', kind), attends('2023-03-06T10:00'));
    assert.equal(h.raised(CODE).length, 0);
  });
}

test('stays quiet for a child with no plan, and after the plan has ended', () => {
  const none = new ProtocolHarness(only).add(...family, attends('2023-03-06T10:00'));
  assert.equal(none.raised(CODE).length, 0);
  const ended = new ProtocolHarness(only).add(
    ...family,
    plan('2023-02-01', 'child-protection'),
    { at: '2023-03-01', type: 'plan.ended', person: 'baby', kind: 'child-protection', agency: 'children-social-care' },
    attends('2023-03-06T10:00'),
  );
  assert.equal(ended.raised(CODE).length, 0);
});

test('a plan that starts the same day, before the attendance, counts', () => {
  const h = new ProtocolHarness(only).add(...family, plan('2023-03-06T09:00', 'child-protection'), attends('2023-03-06T21:00'));
  assert.equal(h.raised(CODE).length, 1);
});

test('stays quiet for scheduled care (a GP consultation, a clinic) while on a plan', () => {
  const h = new ProtocolHarness(only).add(
    ...family,
    plan('2023-02-20', 'child-protection'),
    attends('2023-03-06T10:00', { kind: 'gp-consultation', agency: 'gp' }),
    attends('2023-03-07T10:00', { kind: 'clinic', agency: 'hospital' }),
  );
  assert.equal(h.raised(CODE).length, 0);
});

test('stays quiet when the mother, not the child on the plan, attends the ED', () => {
  const h = new ProtocolHarness(only).add(
    ...family,
    plan('2023-02-20', 'child-protection'),
    attends('2023-03-06T10:00', { person: 'mum' }),
  );
  assert.equal(h.raised(CODE).length, 0);
});

test('the same attendance submitted twice raises once; a second attendance raises again', () => {
  const h = new ProtocolHarness(only).add(
    ...family,
    plan('2023-02-20', 'child-protection'),
    attends('2023-03-06T10:00', { id: 'a' }),
    attends('2023-03-06T10:00', { id: 'a' }),
    attends('2023-03-20T10:00', { id: 'b' }),
  );
  assert.deepEqual(
    h.raised(CODE).map((f) => f.evidence[0]),
    ['a', 'b'],
  );
});

test('the notification deadline follows the partnership configuration', () => {
  const h = new ProtocolHarness(only, { [CODE]: { notifyWithinHours: 4 } }).add(
    ...family,
    plan('2023-02-20', 'child-protection'),
    attends('2023-03-06T21:15'),
  );
  assert.equal(h.raised(CODE)[0].deadline, t('2023-03-06T21:15') + 4 * HOUR_MS);
});

// Version 2: police attendance at the household of a child on a child protection plan.
const police = (at: string, extra: Partial<EventInput> = {}): EventInput => ({
  at,
  type: 'contact',
  person: 'mum',
  kind: 'police-attendance',
  agency: 'police',
  childSeen: false,
  ...extra,
});

test('the police attending the household of a baby on a CP plan raise the finding for the social worker, citing the attendance and the plan', () => {
  const h = new ProtocolHarness(only).add(
    ...family,
    plan('2023-02-20', 'child-protection', { id: 'cp-plan' }),
    police('2023-03-06T23:40', { id: 'pol' }),
  );
  const [f] = h.raised(CODE, 'baby');
  assert.ok(f);
  assert.equal(f.raisedAt, t('2023-03-06T23:40'));
  assert.equal(f.owner, 'children-social-care');
  assert.deepEqual(f.evidence, ['pol', 'cp-plan']);
  assert.match(f.explanation, /The police attended the household of a child on a child protection plan \(the police on 6 Mar 2023\)/);
});

test('police attendance recorded against the child also counts; a child in need plan or no plan stays quiet', () => {
  const onChild = new ProtocolHarness(only).add(
    ...family,
    plan('2023-02-20', 'child-protection'),
    police('2023-03-06T23:40', { person: 'baby' }),
  );
  assert.equal(onChild.raised(CODE).length, 1);
  const cin = new ProtocolHarness(only).add(...family, plan('2023-02-20', 'child-in-need'), police('2023-03-06T23:40'));
  assert.equal(cin.raised(CODE).length, 0);
  const none = new ProtocolHarness(only).add(...family, police('2023-03-06T23:40'));
  assert.equal(none.raised(CODE).length, 0);
});

test('police attendance after the plan ended stays quiet', () => {
  const h = new ProtocolHarness(only).add(
    ...family,
    plan('2023-02-20', 'child-protection'),
    { at: '2023-03-01', type: 'plan.ended', person: 'baby', kind: 'child-protection', agency: 'children-social-care' },
    police('2023-03-06T23:40'),
  );
  assert.equal(h.raised(CODE).length, 0);
});

// Version 1.2: the CP-IS check an unscheduled care setting makes is itself the attendance.
const check = (at: string, extra: Partial<EventInput> = {}): EventInput => ({
  at,
  type: 'unscheduled-care.queried',
  person: 'baby',
  agency: 'emergency-department',
  setting: 'emergency-department',
  ...extra,
});

test('a CP-IS check about a child on a CP plan raises the finding, citing the check and the plan', () => {
  const h = new ProtocolHarness(only).add(
    ...family,
    plan('2023-02-20', 'child-protection', { id: 'cp-plan' }),
    check('2023-03-06T21:15', { id: 'q' }),
  );
  const [f] = h.raised(CODE);
  assert.ok(f);
  assert.equal(f.raisedAt, t('2023-03-06T21:15'));
  assert.equal(f.owner, 'children-social-care');
  assert.deepEqual(f.evidence, ['q', 'cp-plan']);
  assert.match(f.explanation, /attended unscheduled care \(a CP-IS check by the emergency department on 6 Mar 2023\)/);
});

test('a CP-IS check about a looked-after child by an out-of-hours GP raises it; no plan, or a plan ended, stays quiet', () => {
  const lac = new ProtocolHarness(only).add(
    ...family,
    plan('2023-02-20', 'looked-after'),
    check('2023-03-06T02:00', { agency: 'gp', setting: 'out-of-hours-gp' }),
  );
  assert.match(lac.raised(CODE)[0]?.explanation ?? '', /looked after .*out-of-hours GP service/);
  assert.equal(new ProtocolHarness(only).add(...family, check('2023-03-06T10:00')).raised(CODE).length, 0);
  const ended = new ProtocolHarness(only).add(
    ...family,
    plan('2023-02-01', 'child-protection'),
    { at: '2023-03-01', type: 'plan.ended', person: 'baby', kind: 'child-protection', agency: 'children-social-care' },
    check('2023-03-06T10:00'),
  );
  assert.equal(ended.raised(CODE).length, 0);
});

test('checks by the same setting on the same day are one attendance; the next day, or another setting, raises again', () => {
  const h = new ProtocolHarness(only).add(
    ...family,
    plan('2023-02-20', 'child-protection'),
    check('2023-03-06T10:00', { id: 'q1' }),
    check('2023-03-06T10:05', { id: 'q2' }),
    check('2023-03-06T23:50', { id: 'q3' }),
    check('2023-03-06T11:00', { id: 'q4', agency: 'ambulance', setting: 'ambulance' }),
    check('2023-03-07T09:00', { id: 'q5' }),
  );
  assert.deepEqual(
    h.raised(CODE).map((f) => f.evidence[0]),
    ['q1', 'q4', 'q5'],
  );
});
