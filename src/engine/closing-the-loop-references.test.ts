import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadPartnershipConfig } from '../config/partnership-config.ts';
import { ValidationError } from '../domain/validation-error.ts';
import { VirtualClock } from './clock.ts';
import { InMemoryRecord } from './in-memory-record.ts';
import { BatchReferences, checkReferences } from './check-references.ts';
import { checkEvent } from '../domain/validate-event.ts';

// Version 2 records that close or answer an earlier record name it by its id: an unknown
// id, a record of the wrong type, another child's record or the wrong agency is refused,
// naming the field, and nothing is stored.

function newRecord() {
  const record = new InMemoryRecord([], loadPartnershipConfig({ timezone: 'Europe/London' }, []), new VirtualClock());
  const add = (input: Record<string, unknown>) => record.submit(input, String(input.id));
  add({ id: 'mum', at: '2023-01-09', type: 'person.recorded', person: 'mum', role: 'adult', sex: 'female', agency: 'midwifery' });
  add({
    id: 'birth',
    at: '2023-01-09T10:00',
    type: 'birth',
    child: 'baby',
    mother: 'mum',
    gestationWeeks: 40,
    birthWeightKg: 3.4,
    sex: 'female',
    agency: 'midwifery',
  });
  add({ id: 'other', at: '2023-01-10', type: 'person.recorded', person: 'other-baby', role: 'child', born: '2022-12-01', agency: 'gp' });
  add({
    id: 'act',
    at: '2023-02-01',
    type: 'action.agreed',
    person: 'baby',
    agency: 'health-visiting',
    action: 'home-visit',
    due: '2023-02-08',
  });
  add({
    id: 'share',
    at: '2023-02-01',
    type: 'information.shared',
    person: 'baby',
    agency: 'midwifery',
    to: 'health-visiting',
    kind: 'handover',
  });
  add({ id: 'ref', at: '2023-02-01', type: 'referral.made', person: 'baby', agency: 'health-visiting', to: 'feeding-clinic' });
  add({
    id: 'esc',
    at: '2023-02-01',
    type: 'escalation.raised',
    person: 'baby',
    agency: 'children-social-care',
    to: 'hospital',
    about: 'discharge before the CP medical',
    stage: 1,
  });
  add({ id: 'other-act', at: '2023-02-01', type: 'action.agreed', person: 'other-baby', agency: 'gp', action: 'weigh' });
  return record;
}

const at = '2023-02-02T10:00';
const refusals: [name: string, input: Record<string, unknown>, field: string][] = [
  ['an agreed referral with no service', { type: 'action.agreed', person: 'baby', agency: 'gp', action: 'referral' }, 'to'],
  ["an 'other' action that does not say what", { type: 'action.agreed', person: 'baby', agency: 'gp', action: 'other' }, 'detail'],
  ['an agreed action with no agency and no owner', { type: 'action.agreed', person: 'baby', action: 'weigh' }, 'agency'],
  [
    'an owner from no known agency',
    { type: 'action.agreed', person: 'baby', agency: 'gp', action: 'weigh', owner: { agency: 'nursery' } },
    'owner.agency',
  ],
  [
    'completing an action that does not exist',
    { type: 'action.completed', person: 'baby', agency: 'health-visiting', action: 'nope' },
    'action',
  ],
  [
    'completing a record that is not an action',
    { type: 'action.completed', person: 'baby', agency: 'midwifery', action: 'share' },
    'action',
  ],
  ['completing another child’s action', { type: 'action.completed', person: 'baby', agency: 'gp', action: 'other-act' }, 'action'],
  [
    'completing an action by an agency that neither agreed nor owns it',
    { type: 'action.completed', person: 'baby', agency: 'police', action: 'act' },
    'agency',
  ],
  [
    'cancelling an action without a reason',
    { type: 'action.cancelled', person: 'baby', agency: 'health-visiting', action: 'act' },
    'reason',
  ],
  [
    'cancelling with an empty reason',
    { type: 'action.cancelled', person: 'baby', agency: 'health-visiting', action: 'act', reason: '  ' },
    'reason',
  ],
  ['acknowledging an unknown share', { type: 'information.acknowledged', person: 'baby', agency: 'health-visiting', of: 'nope' }, 'of'],
  [
    'acknowledging a referral as if it were a share',
    { type: 'information.acknowledged', person: 'baby', agency: 'hospital', of: 'ref' },
    'of',
  ],
  [
    'an acknowledgement by someone other than the receiver',
    { type: 'information.acknowledged', person: 'baby', agency: 'gp', of: 'share' },
    'agency',
  ],
  ['an acknowledgement with no agency', { type: 'information.acknowledged', person: 'baby', of: 'share' }, 'agency'],
  [
    'a share of an unknown kind',
    { type: 'information.shared', person: 'baby', agency: 'gp', to: 'health-visiting', kind: 'letter' },
    'kind',
  ],
  [
    'a referral outcome of a share',
    { type: 'referral.outcome', person: 'baby', agency: 'health-visiting', of: 'share', outcome: 'seen' },
    'of',
  ],
  [
    'a referral outcome from another service',
    { type: 'referral.outcome', person: 'baby', agency: 'gp', of: 'ref', outcome: 'seen' },
    'agency',
  ],
  [
    'a referral outcome outside the list',
    { type: 'referral.outcome', person: 'baby', agency: 'hospital', of: 'ref', outcome: 'maybe' },
    'outcome',
  ],
  ['an allocation with no name', { type: 'allocation.set', person: 'baby', agency: 'health-visiting', role: 'health-visitor' }, 'name'],
  [
    'an allocation of an unknown role',
    { type: 'allocation.set', person: 'baby', agency: 'health-visiting', role: 'key-worker', name: 'A' },
    'role',
  ],
  [
    'an allocation that ends with no reason',
    { type: 'allocation.ended', person: 'baby', agency: 'health-visiting', role: 'health-visitor', name: 'A' },
    'reason',
  ],
  ['an escalation at stage 4', { type: 'escalation.raised', person: 'baby', agency: 'gp', to: 'hospital', about: 'x', stage: 4 }, 'stage'],
  [
    'an escalation that follows an unknown one',
    { type: 'escalation.raised', person: 'baby', agency: 'gp', to: 'hospital', about: 'x', stage: 2, follows: 'nope' },
    'follows',
  ],
  [
    'resolving a record that is not an escalation',
    { type: 'escalation.resolved', person: 'baby', agency: 'hospital', of: 'act', outcome: 'agreed' },
    'of',
  ],
  [
    'resolving an escalation by an agency outside it',
    { type: 'escalation.resolved', person: 'baby', agency: 'police', of: 'esc', outcome: 'agreed' },
    'agency',
  ],
  ['resolving without saying how', { type: 'escalation.resolved', person: 'baby', agency: 'hospital', of: 'esc' }, 'outcome'],
];

for (const [name, input, field] of refusals) {
  test(`refuses ${name}, naming '${field}', and stores nothing`, () => {
    const record = newRecord();
    const before = record.events.length;
    assert.throws(
      () => record.submit({ at, ...input, id: 'refused' }, 'refused'),
      (error: unknown) => {
        assert.ok(error instanceof ValidationError);
        assert.ok(
          error.problems.some((p) => p.field === field),
          `problems: ${JSON.stringify(error.problems)}`,
        );
        return true;
      },
    );
    assert.equal(record.events.length, before);
    assert.equal(record.engine.world.hasEvent('refused'), false);
  });
}

test('the records that close the loop are accepted when they name the right record and come from the right agency', () => {
  const record = newRecord();
  const accept = (input: Record<string, unknown>) => assert.equal(record.submit({ at, ...input }, String(input.id)).status, 'accepted');
  accept({ id: 'ack', type: 'information.acknowledged', person: 'baby', agency: 'health-visiting', of: 'share' });
  accept({ id: 'outcome', type: 'referral.outcome', person: 'baby', agency: 'hospital', of: 'ref', outcome: 'waiting-list' });
  accept({ id: 'done', type: 'action.completed', person: 'baby', agency: 'health-visiting', action: 'act' });
  accept({ id: 'set', type: 'allocation.set', person: 'baby', agency: 'health-visiting', role: 'health-visitor', name: 'Sam Patel' });
  accept({
    id: 'ended',
    type: 'allocation.ended',
    person: 'baby',
    agency: 'health-visiting',
    role: 'health-visitor',
    name: 'Sam Patel',
    reason: 'left the service',
  });
  accept({
    id: 'esc2',
    type: 'escalation.raised',
    person: 'baby',
    agency: 'children-social-care',
    to: 'hospital',
    about: 'discharge',
    stage: 2,
    follows: 'esc',
  });
  accept({
    id: 'resolved',
    type: 'escalation.resolved',
    person: 'baby',
    agency: 'hospital',
    of: 'esc2',
    outcome: 'CP medical done before discharge',
  });
  accept({
    id: 'owned',
    type: 'action.agreed',
    person: 'baby',
    action: 'other',
    detail: 'ask Birmingham for early weights',
    owner: { agency: 'health-visiting', name: 'Sam Patel' },
  });
});

test('within one batch, a record may close one made earlier in the same batch (and not one that does not exist)', () => {
  const record = newRecord();
  const batch = new BatchReferences(record.engine.world);
  const check = (input: Record<string, unknown>, seq: number) => {
    const checked = checkEvent({ at, ...input }, 'Europe/London', seq, String(input.id), 0);
    assert.ok(checked.ok);
    const problems = checkReferences(checked.event, batch);
    if (problems.length === 0) batch.note(checked.event);
    return problems;
  };
  assert.deepEqual(check({ id: 'a2', type: 'action.agreed', person: 'baby', agency: 'gp', action: 'weigh' }, 100), []);
  assert.deepEqual(
    check({ id: 'c2', type: 'action.cancelled', person: 'baby', agency: 'gp', action: 'a2', reason: 'weighed in hospital' }, 101),
    [],
  );
  assert.deepEqual(
    check({ id: 'c3', type: 'action.cancelled', person: 'baby', agency: 'gp', action: 'a3', reason: 'x' }, 102).map((p) => p.field),
    ['action'],
  );
});
