import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLocal } from '../domain/time.ts';
import { ProtocolHarness, ZONE, newborn, type EventInput } from './testing.ts';
import { informationNotAcknowledged } from './information-not-acknowledged.ts';

// Contract: "information shared with another agency or area that needs acknowledgement is not
// acknowledged within the protocol's window (default 2 working days, England and Wales bank
// holidays excluded)".
const only = [informationNotAcknowledged];
const CODE = 'information-not-acknowledged';
const t = (iso: string) => parseLocal(iso, ZONE)!;
const family = newborn({ born: '2023-01-09T10:00' });

const shared = (extra: Partial<EventInput> = {}): EventInput => ({
  at: '2023-04-19T11:45',
  id: 'share-1',
  type: 'information.shared',
  person: 'baby',
  agency: 'health-visiting',
  to: 'gp',
  kind: 'notification',
  content: ['weight fallen to 0.4th centile'],
  ...extra,
});
const ack = (at: string, extra: Partial<EventInput> = {}): EventInput => ({
  at,
  type: 'information.acknowledged',
  person: 'baby',
  agency: 'gp',
  of: 'share-1',
  ...extra,
});

test('shared on Wednesday and not acknowledged by the end of Friday: the sender is told, and still owns it', () => {
  const h = new ProtocolHarness(only).add(...family, shared()).runUntil('2023-04-25');
  const [f, ...more] = h.raised(CODE);
  assert.equal(more.length, 0);
  assert.equal(f.raisedAt, t('2023-04-21T23:59:59.999'));
  assert.equal(f.owner, 'health-visiting');
  assert.deepEqual(f.evidence, ['share-1']);
  assert.match(
    f.explanation,
    /The notification \(weight fallen to 0\.4th centile\) sent to the GP by health visiting on 19 Apr 2023 has not been acknowledged by 21 Apr 2023/,
  );
  assert.equal(f.deadline, t('2023-04-24T23:59:59.999'));
});

test('acknowledged by the receiver in time: quiet; a day late: already raised', () => {
  const inTime = new ProtocolHarness(only).add(...family, shared(), ack('2023-04-21T16:00')).runUntil('2023-04-30');
  assert.equal(inTime.raised(CODE).length, 0);
  const late = new ProtocolHarness(only).add(...family, shared(), ack('2023-04-24T09:00')).runUntil('2023-04-30');
  assert.equal(late.raised(CODE).length, 1);
});

test('bank holidays are not working days: shared on Thursday before Easter, due by the end of Tuesday', () => {
  // Thursday 6 April 2023; Good Friday 7 April and Easter Monday 10 April.
  const h = new ProtocolHarness(only).add(...family, shared({ at: '2023-04-06T15:00' }), ack('2023-04-11T16:00')).runUntil('2023-04-20');
  assert.equal(h.raised(CODE).length, 0);
  const unread = new ProtocolHarness(only).add(...family, shared({ at: '2023-04-06T15:00' })).runUntil('2023-04-20');
  assert.equal(unread.raised(CODE)[0]?.raisedAt, t('2023-04-12T23:59:59.999'));
});

test("a partnership's own closure days are not working days either", () => {
  const closures = new ProtocolHarness(only, {}, { closures: ['2023-04-11'] })
    .add(...family, shared({ at: '2023-04-06T15:00' }))
    .runUntil('2023-04-20');
  assert.equal(closures.raised(CODE)[0]?.raisedAt, t('2023-04-13T23:59:59.999'));
});

test('within one agency and area nothing waits for a receipt, unless the sender asks for one', () => {
  const internal = new ProtocolHarness(only).add(...family, shared({ to: 'health-visiting' })).runUntil('2023-04-30');
  assert.equal(internal.raised(CODE).length, 0);
  const asked = new ProtocolHarness(only)
    .add(...family, shared({ to: 'health-visiting', requiresAcknowledgement: true }))
    .runUntil('2023-04-30');
  assert.equal(asked.raised(CODE).length, 1);
  const notAsked = new ProtocolHarness(only).add(...family, shared({ requiresAcknowledgement: false })).runUntil('2023-04-30');
  assert.equal(notAsked.raised(CODE).length, 0);
});

test('a transfer to the same service in another area waits for the receiving area', () => {
  const h = new ProtocolHarness(only)
    .add(...family, shared({ to: 'health-visiting', area: 'Sandwell', kind: 'transfer' }))
    .runUntil('2023-04-30');
  const [f] = h.raised(CODE);
  assert.match(f?.explanation ?? '', /sent to health visiting in Sandwell/);
});

test('information about the father is raised for his baby; a share to a service is acknowledged by its agency', () => {
  const h = new ProtocolHarness(only)
    .add(
      ...family,
      { at: '2023-04-01', type: 'person.recorded', person: 'dad', role: 'adult', sex: 'male', agency: 'probation' },
      { at: '2023-04-01', type: 'relationship.recorded', person: 'dad', of: 'baby', kind: 'father', agency: 'probation' },
      shared({ person: 'dad', agency: 'probation', to: 'police' }),
      shared({ id: 'share-2', to: 'paediatrics' }),
      ack('2023-04-20', { of: 'share-2', agency: 'hospital' }),
    )
    .runUntil('2023-04-30');
  assert.deepEqual(
    h.raised(CODE).map((f) => [f.subject, f.owner, f.evidence[0]]),
    [['baby', 'probation', 'share-1']],
  );
});
