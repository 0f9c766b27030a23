import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ProtocolHarness, newborn } from './testing.ts';
import { injuryInNonMobileInfant } from './injury-in-non-mobile-infant.ts';

const only = [injuryInNonMobileInfant];

test('a bruise on an 8-week-old raises the finding at once, owned by the recording agency, due the same day', () => {
  const h = new ProtocolHarness(only).add(...newborn({ born: '2023-01-09T10:00' }), {
    at: '2023-03-06T10:30',
    type: 'injury.observed',
    person: 'baby',
    kind: 'bruise',
    site: 'cheek',
    agency: 'gp',
    explanation: 'fell against the cot',
  });
  const [finding] = h.raised('injury-in-non-mobile-infant', 'baby');
  assert.ok(finding);
  assert.equal(finding.owner, 'gp');
  assert.equal(finding.severity, 'high');
  assert.match(finding.explanation, /bruise \(cheek\).*8 weeks old.*fell against the cot/);
  assert.equal(new Date(finding.deadline!).toISOString(), '2023-03-06T23:59:59.999Z');
  assert.equal(finding.evidence.length, 1);
});

test('stays quiet for a mobile child over 6 months', () => {
  const h = new ProtocolHarness(only).add(...newborn({ born: '2022-01-09' }), {
    at: '2022-09-01',
    type: 'injury.observed',
    person: 'baby',
    kind: 'bruise',
    agency: 'gp',
  });
  assert.equal(h.raised('injury-in-non-mobile-infant').length, 0);
});

test('fires for an older baby recorded as not independently mobile', () => {
  const h = new ProtocolHarness(only).add(...newborn({ born: '2022-01-09' }), {
    at: '2022-09-01',
    type: 'injury.observed',
    person: 'baby',
    kind: 'bruise',
    agency: 'gp',
    mobile: false,
  });
  assert.equal(h.raised('injury-in-non-mobile-infant').length, 1);
});

test('the same day reported twice raises once; a new day raises again', () => {
  const injury = { type: 'injury.observed', person: 'baby', kind: 'bruise', agency: 'gp' };
  const h = new ProtocolHarness(only).add(
    ...newborn({ born: '2023-01-09' }),
    { ...injury, at: '2023-03-06T10:00' },
    { ...injury, at: '2023-03-06T15:00', agency: 'emergency-department' },
    { ...injury, at: '2023-03-09T09:00' },
  );
  assert.equal(h.raised('injury-in-non-mobile-infant').length, 2);
});

test('the age threshold is configurable per partnership', () => {
  const h = new ProtocolHarness(only, { 'injury-in-non-mobile-infant': { nonMobileUnderMonths: 9 } }).add(
    ...newborn({ born: '2022-01-09' }),
    {
      at: '2022-08-01',
      type: 'injury.observed',
      person: 'baby',
      kind: 'mark',
      agency: 'gp',
    },
  );
  assert.equal(h.raised('injury-in-non-mobile-infant').length, 1);
});

test('marks seen by the social worker during enquiries after a strategy discussion do not raise it again; a GP seeing them does', () => {
  const base = [
    ...newborn({ born: '2023-01-09' }),
    {
      at: '2023-02-08T12:00',
      type: 'strategy.discussion',
      person: 'baby',
      attendees: ['children-social-care', 'police', 'gp'],
      decisions: ['section-47'],
    },
  ];
  const social = new ProtocolHarness(only).add(...base, {
    at: '2023-02-08T15:00',
    type: 'injury.observed',
    person: 'baby',
    kind: 'mark',
    agency: 'children-social-care',
  });
  assert.equal(social.raised('injury-in-non-mobile-infant').length, 0);
  const gp = new ProtocolHarness(only).add(...base, {
    at: '2023-02-08T15:00',
    type: 'injury.observed',
    person: 'baby',
    kind: 'mark',
    agency: 'gp',
  });
  assert.equal(gp.raised('injury-in-non-mobile-infant').length, 1);
  const later = new ProtocolHarness(only).add(...base, {
    at: '2023-03-20T15:00',
    type: 'injury.observed',
    person: 'baby',
    kind: 'mark',
    agency: 'children-social-care',
  });
  assert.equal(later.raised('injury-in-non-mobile-infant').length, 1);
});
