import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLocal } from '../domain/time.ts';
import { ProtocolHarness, ZONE, newborn, type EventInput } from './testing.ts';
import { escalationUnresolved } from './escalation-unresolved.ts';

// Contract: "an escalation is not resolved within its stage's window (default 5 working
// days): move it to the next stage".
const only = [escalationUnresolved];
const CODE = 'escalation-unresolved';
const t = (iso: string) => parseLocal(iso, ZONE)!;
const family = newborn({ born: '2023-01-09T10:00' });

const raised = (extra: Partial<EventInput> = {}): EventInput => ({
  at: '2023-03-07T10:00',
  id: 'esc-1',
  type: 'escalation.raised',
  person: 'baby',
  agency: 'children-social-care',
  to: 'hospital',
  about: 'fit for discharge before the CP medical and skeletal survey',
  stage: 1,
  ...extra,
});
const resolved = (at: string, of = 'esc-1'): EventInput => ({
  at,
  type: 'escalation.resolved',
  person: 'baby',
  agency: 'hospital',
  of,
  outcome: 'CP medical and skeletal survey done before discharge',
});

test('a stage 1 escalation unresolved after 5 working days: move it to stage 2', () => {
  // Raised Tuesday 7 March 2023: five working days later is Tuesday 14 March.
  const h = new ProtocolHarness(only).add(...family, raised()).runUntil('2023-03-30');
  const [f, ...more] = h.raised(CODE);
  assert.equal(more.length, 0);
  assert.equal(f.raisedAt, t('2023-03-14T23:59:59.999'));
  assert.equal(f.owner, 'children-social-care');
  assert.match(f.action, /stage 2/);
  assert.match(f.explanation, /raised at stage 1 by children's social care on 7 Mar 2023 with the hospital about "fit for discharge/);
});

test('resolved within the window: quiet', () => {
  const h = new ProtocolHarness(only).add(...family, raised(), resolved('2023-03-08T11:00')).runUntil('2023-03-30');
  assert.equal(h.raised(CODE).length, 0);
});

test('taken to stage 2 in time: stage 1 is quiet, and stage 2 has its own window', () => {
  const stage2 = raised({ id: 'esc-2', at: '2023-03-13T09:00', stage: 2, follows: 'esc-1' });
  const h = new ProtocolHarness(only).add(...family, raised(), stage2).runUntil('2023-03-30');
  const found = h.raised(CODE);
  assert.equal(found.length, 1);
  assert.equal(found[0].raisedAt, t('2023-03-20T23:59:59.999'));
  assert.deepEqual(found[0].evidence, ['esc-2', 'esc-1']);
  assert.match(found[0].action, /stage 3/);
  const settled = new ProtocolHarness(only).add(...family, raised(), stage2, resolved('2023-03-15', 'esc-2')).runUntil('2023-03-30');
  assert.equal(settled.raised(CODE).length, 0);
});

test('a later stage without `follows` continues the same disagreement between the same agencies', () => {
  const h = new ProtocolHarness(only)
    .add(...family, raised(), raised({ id: 'esc-2', at: '2023-03-10', stage: 2 }), resolved('2023-03-13', 'esc-2'))
    .runUntil('2023-03-30');
  assert.equal(h.raised(CODE).length, 0);
});

test('stage 3 unresolved goes to the partnership; each stage window is configurable', () => {
  const h = new ProtocolHarness(only, { [CODE]: { stageWorkingDays: [5, 5, 2] } })
    .add(...family, raised({ stage: 3 }))
    .runUntil('2023-03-30');
  const [f] = h.raised(CODE);
  assert.equal(f?.raisedAt, t('2023-03-09T23:59:59.999'));
  assert.match(f.action, /partnership/);
});
