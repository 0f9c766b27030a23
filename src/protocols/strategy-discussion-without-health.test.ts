import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLocal } from '../domain/time.ts';
import { ProtocolHarness, ZONE, newborn, type EventInput } from './testing.ts';
import { strategyDiscussionWithoutHealth } from './strategy-discussion-without-health.ts';

// Contract: "a strategy discussion about a child under 1 has no health agency and no
// paediatrician input".
const only = [strategyDiscussionWithoutHealth];
const CODE = 'strategy-discussion-without-health';
const t = (iso: string) => parseLocal(iso, ZONE)!;
const family = newborn({ born: '2023-01-09T10:00' });

const strategy = (at: string, extra: Partial<EventInput> = {}): EventInput => ({
  at,
  type: 'strategy.discussion',
  person: 'baby',
  agency: 'children-social-care',
  attendees: ['children-social-care', 'police'],
  decisions: ['section-47'],
  ...extra,
});

test('a strategy discussion about an 8-week-old with only social care and police raises the finding at once, citing it', () => {
  const h = new ProtocolHarness(only).add(...family, strategy('2023-03-07T09:00', { id: 'sd-1' }));
  const found = h.raised(CODE);
  assert.equal(found.length, 1);
  const [f] = found;
  assert.equal(f.subject, 'baby');
  assert.equal(f.raisedAt, t('2023-03-07T09:00'));
  assert.equal(f.owner, 'children-social-care');
  assert.equal(f.severity, 'high');
  assert.deepEqual(f.evidence, ['sd-1']);
  assert.match(f.explanation, /strategy discussion on 7 Mar 2023/);
  assert.match(f.explanation, /children's social care, the police/);
  assert.match(f.explanation, /no health agency and no paediatrician input/);
});

test('fires when paediatrician input is recorded as false and the only other attendee is the school', () => {
  const h = new ProtocolHarness(only).add(
    ...family,
    strategy('2023-03-07T09:00', { attendees: ['children-social-care', 'police', 'school'], paediatricianInput: false }),
  );
  assert.equal(h.raised(CODE).length, 1);
});

for (const agency of ['health-visiting', 'gp', 'hospital', 'emergency-department', 'midwifery']) {
  test(`stays quiet when ${agency} takes part`, () => {
    const h = new ProtocolHarness(only).add(
      ...family,
      strategy('2023-03-07T09:00', { attendees: ['children-social-care', 'police', agency] }),
    );
    assert.equal(h.raised(CODE).length, 0);
  });
}

test('stays quiet when a paediatrician gave input, even with no health agency listed', () => {
  const h = new ProtocolHarness(only).add(...family, strategy('2023-03-07T09:00', { paediatricianInput: true }));
  assert.equal(h.raised(CODE).length, 0);
});

test('fires for a child of 11 months; stays quiet from the first birthday', () => {
  const young = new ProtocolHarness(only).add(...newborn({ born: '2022-03-07' }), strategy('2023-03-06T09:00'));
  assert.equal(young.raised(CODE).length, 1);
  const one = new ProtocolHarness(only).add(...newborn({ born: '2022-03-07' }), strategy('2023-03-07T00:00'));
  assert.equal(one.raised(CODE).length, 0);
});

test('the same record submitted twice raises once; a second discussion without health is a new finding', () => {
  const h = new ProtocolHarness(only).add(
    ...family,
    strategy('2023-03-07T09:00', { id: 'sd-1' }),
    strategy('2023-03-07T09:00', { id: 'sd-1' }),
    strategy('2023-03-09T09:00', { id: 'sd-2' }),
  );
  assert.deepEqual(
    h.raised(CODE).map((f) => f.evidence[0]),
    ['sd-1', 'sd-2'],
  );
});

test('the age limit follows the partnership configuration', () => {
  const toddler = newborn({ born: '2021-09-07' });
  const wider = new ProtocolHarness(only, { [CODE]: { childUnderMonths: 24 } }).add(...toddler, strategy('2023-03-07T09:00'));
  assert.equal(wider.raised(CODE).length, 1);
  const byDefault = new ProtocolHarness(only).add(...toddler, strategy('2023-03-07T09:00'));
  assert.equal(byDefault.raised(CODE).length, 0);
  const narrower = new ProtocolHarness(only, { [CODE]: { childUnderMonths: 1 } }).add(...family, strategy('2023-03-07T09:00'));
  assert.equal(narrower.raised(CODE).length, 0);
});
