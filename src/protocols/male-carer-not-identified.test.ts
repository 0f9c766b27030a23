import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLocal } from '../domain/time.ts';
import { ProtocolHarness, ZONE, newborn, type EventInput } from './testing.ts';
import { maleCarerNotIdentified } from './male-carer-not-identified.ts';

// Contract: "an infant has no father or male carer recorded by the new birth visit, or a male
// household member is recorded with no checks on his history". By default only where the
// family's needs are on record (any concern about the baby or an adult around it).
const only = [maleCarerNotIdentified];
const CODE = 'male-carer-not-identified';
const t = (iso: string) => parseLocal(iso, ZONE)!;
const family = newborn({ born: '2023-02-15T04:20' });

const man = (id: string, at: string, sex = 'male'): EventInput => ({
  at,
  type: 'person.recorded',
  person: id,
  role: 'adult',
  sex,
  agency: 'midwifery',
});
const rel = (person: string, of: string, kind: string, at: string, extra: Partial<EventInput> = {}): EventInput => ({
  at,
  type: 'relationship.recorded',
  person,
  of,
  kind,
  agency: 'midwifery',
  ...extra,
});
const need = (at: string, extra: Partial<EventInput> = {}): EventInput => ({
  at,
  type: 'concern.recorded',
  person: 'mum',
  kind: 'anxiety',
  agency: 'gp',
  id: 'need',
  ...extra,
});
const pregnancy: EventInput[] = [
  { at: '2022-04-14', type: 'person.recorded', person: 'mum', role: 'adult', sex: 'female', agency: 'gp' },
  need('2022-04-14T09:00'),
  {
    at: '2022-04-21T10:00',
    type: 'pregnancy.booked',
    person: 'mum',
    unborn: 'unborn',
    gestationWeeks: 10,
    due: '2022-11-17',
    agency: 'midwifery',
  },
  man('dad', '2022-04-21T10:30'),
  rel('dad', 'unborn', 'father', '2022-04-21T10:31', { id: 'rel' }),
];
const birth: EventInput = {
  at: '2022-11-17T06:15',
  type: 'birth',
  child: 'unborn',
  mother: 'mum',
  gestationWeeks: 40,
  birthWeightKg: 3.5,
  sex: 'female',
  agency: 'midwifery',
  id: 'birth',
};
// A man recorded in pregnancy is due by the new birth visit deadline: day 14, 1 Dec 2022.
const NBV_DUE = t('2022-12-01T23:59:59.999');

test('no father or male carer identified by day 14 in a family with recorded needs: raised at the end of day 14, for health visiting, citing the birth and the need', () => {
  const h = new ProtocolHarness(only).add(...family, need('2023-02-20T10:00')).runUntil('2023-04-01');
  const found = h.raised(CODE);
  assert.equal(found.length, 1);
  const [f] = found;
  assert.equal(f.subject, 'baby');
  assert.equal(f.dedupeKey, 'identify');
  assert.equal(f.raisedAt, t('2023-03-01T23:59:59.999'));
  assert.equal(f.owner, 'health-visiting');
  assert.deepEqual(f.evidence, ['test#1', 'need']);
  assert.match(
    f.explanation,
    /No father or male carer has been identified by the services working with a baby 2 weeks old \(born 15 Feb 2023, recorded by midwifery on 15 Feb 2023\) by day 14/,
  );
  assert.match(f.explanation, /The family's needs are on record \(1 concern, the first: anxiety recorded by the GP on 20 Feb 2023\)/);
  assert.match(f.explanation, /Recorded so far: mother \(midwifery on 15 Feb 2023\)/);
});

test('a family with no recorded needs raises nothing by default; a partnership may ask for every family', () => {
  assert.equal(
    new ProtocolHarness(only)
      .add(...family)
      .runUntil('2023-04-01')
      .raised(CODE).length,
    0,
  );
  const all = new ProtocolHarness(only, { [CODE]: { onlyWithRecordedNeeds: false } }).add(...family).runUntil('2023-04-01');
  assert.equal(all.raised(CODE).length, 1);
  assert.doesNotMatch(all.raised(CODE)[0].explanation, /needs are on record/);
});

test('needs recorded after day 14, with still no man identified, raise it at the end of that day', () => {
  const h = new ProtocolHarness(only).add(...family).runUntil('2023-03-20');
  assert.equal(h.raised(CODE).length, 0);
  h.add(need('2023-03-21T11:00', { kind: 'postnatal-depression', agency: 'health-visiting' })).runUntil('2023-04-01');
  assert.deepEqual(
    h.raised(CODE).map((f) => [f.dedupeKey, f.raisedAt]),
    [['identify', t('2023-03-21T23:59:59.999')]],
  );
});

test('a father, male carer or male partner identified by day 14 is enough; a female partner or a male household member is not', () => {
  for (const [kind, sex] of [
    ['father', 'male'],
    ['male-carer', 'unknown'],
    ['partner-of-parent', 'male'],
  ] as const) {
    const h = new ProtocolHarness(only)
      .add(
        ...family,
        need('2023-02-16'),
        man('him', '2023-02-28', sex),
        rel('him', 'baby', kind, '2023-03-01T23:00', { agency: 'health-visiting' }),
      )
      .runUntil('2023-03-05');
    assert.equal(h.raised(CODE).filter((f) => f.dedupeKey === 'identify').length, 0, kind);
  }
  for (const [kind, sex] of [
    ['partner-of-parent', 'female'],
    ['household-member', 'male'],
  ] as const) {
    const h = new ProtocolHarness(only)
      .add(
        ...family,
        need('2023-02-16'),
        man('them', '2023-02-20', sex),
        rel('them', 'baby', kind, '2023-02-20', { agency: 'health-visiting' }),
      )
      .runUntil('2023-03-05');
    assert.equal(h.raised(CODE).filter((f) => f.dedupeKey === 'identify').length, 1, kind);
  }
  const late = new ProtocolHarness(only)
    .add(...family, need('2023-02-16'), man('dad', '2023-03-02'), rel('dad', 'baby', 'father', '2023-03-02'))
    .runUntil('2023-03-05');
  assert.equal(late.raised(CODE).filter((f) => f.dedupeKey === 'identify').length, 1, 'recorded on day 15 is late');
});

test('a father recorded only by an adult service is not identified by those working with the baby (CSPR 002)', () => {
  const h = new ProtocolHarness(only)
    .add(
      pregnancy[0],
      pregnancy[1],
      pregnancy[2],
      { at: '2022-04-25', type: 'person.recorded', person: 'dad', role: 'adult', sex: 'male', agency: 'probation' },
      { at: '2022-04-25T09:00', type: 'concern.recorded', person: 'dad', kind: 'substance-misuse', agency: 'probation' },
      {
        at: '2022-05-01T10:00',
        type: 'relationship.recorded',
        person: 'dad',
        of: 'unborn',
        kind: 'father',
        agency: 'probation',
        id: 'rel',
      },
      {
        at: '2022-11-17T06:15',
        type: 'birth',
        child: 'unborn',
        mother: 'mum',
        gestationWeeks: 40,
        birthWeightKg: 3.5,
        sex: 'female',
        agency: 'midwifery',
      },
    )
    .runUntil('2023-01-01');
  const found = h.raised(CODE);
  assert.deepEqual(
    found.map((f) => f.dedupeKey),
    ['identify'],
    'his probation record is his history, checked; but no one working with the baby has identified him',
  );
  assert.equal(found[0].raisedAt, t('2022-12-01T23:59:59.999'));
  assert.match(found[0].explanation, /The father is recorded only by probation on 1 May 2022, not by anyone working with the baby/);
  assert.ok(found[0].evidence.includes('rel'));
});

test('a father recorded at booking, in a family with needs, neither seen nor checked by the new birth visit: raised at day 14, for health visiting', () => {
  const h = new ProtocolHarness(only).add(...pregnancy).runUntil('2022-11-01');
  assert.equal(h.raised(CODE).length, 0, 'nothing during pregnancy: he is due by the new birth visit');
  h.add(birth).runUntil('2023-01-01');
  const [f] = h.raised(CODE);
  assert.ok(f);
  assert.equal(f.subject, 'unborn');
  assert.equal(f.dedupeKey, 'checks:dad');
  assert.equal(f.raisedAt, NBV_DUE);
  assert.equal(f.owner, 'health-visiting');
  assert.deepEqual(f.evidence, ['rel', 'need']);
  assert.match(
    f.explanation,
    /A man is recorded in the household of a baby 2 weeks old: the father, recorded by midwifery on 21 Apr 2022\. The family's needs are on record/,
  );
  assert.match(f.explanation, /By 1 Dec 2022 nothing shows his history has been checked/);
});

test('a man recorded after the birth has 14 days from his record', () => {
  const h = new ProtocolHarness(only)
    .add(
      ...family,
      need('2023-02-16'),
      man('partner', '2023-04-03'),
      rel('partner', 'baby', 'partner-of-parent', '2023-04-03T10:00', { agency: 'children-social-care' }),
    )
    .runUntil('2023-05-01');
  const checks = h.raised(CODE).filter((f) => f.dedupeKey === 'checks:partner');
  assert.deepEqual(
    checks.map((f) => [f.raisedAt, f.owner]),
    [[t('2023-04-17T23:59:59.999'), 'children-social-care']],
  );
});

test('seen at a contact since he was recorded, a police, probation or social care record, or information shared about him, keeps it quiet', () => {
  const checks: EventInput[] = [
    { at: '2022-09-05T20:00', type: 'contact', person: 'mum', kind: 'antenatal-contact', agency: 'health-visiting', seen: ['mum', 'dad'] },
    { at: '2022-11-30T10:00', type: 'contact', person: 'mum', kind: 'new-birth-visit', agency: 'health-visiting', seen: ['mum', 'dad'] },
    { at: '2022-05-01', type: 'concern.recorded', person: 'dad', kind: 'criminal-history', agency: 'police' },
    { at: '2022-05-01', type: 'contact', person: 'dad', kind: 'supervision-session', agency: 'probation' },
    { at: '2022-05-01', type: 'information.shared', person: 'dad', agency: 'police', to: 'midwifery', content: ['no trace'] },
  ];
  for (const check of checks) {
    const events = [...pregnancy, check, birth].sort((a, b) => a.at.localeCompare(b.at));
    const h = new ProtocolHarness(only).add(...events).runUntil('2023-01-01');
    assert.equal(h.raised(CODE).length, 0, JSON.stringify(check));
  }
  const known = new ProtocolHarness(only)
    .add(
      pregnancy[0],
      pregnancy[1],
      man('dad', '2019-01-01'),
      { at: '2019-01-01', type: 'concern.recorded', person: 'dad', kind: 'previous-child-removed', agency: 'children-social-care' },
      pregnancy[2],
      pregnancy[4],
      birth,
    )
    .runUntil('2023-01-01');
  assert.equal(known.raised(CODE).length, 0, "children's social care hold his history");
  const gpOnly = new ProtocolHarness(only)
    .add(...pregnancy, { at: '2022-05-01', type: 'concern.recorded', person: 'dad', kind: 'anxiety', agency: 'gp' }, birth)
    .runUntil('2023-01-01');
  assert.equal(gpOnly.raised(CODE).length, 1, 'a GP note is not a check on his history');
  const seenLongBefore = new ProtocolHarness(only)
    .add(
      pregnancy[0],
      pregnancy[1],
      man('dad', '2021-01-01'),
      { at: '2021-01-05', type: 'contact', person: 'mum', kind: 'gp-consultation', agency: 'gp', seen: ['mum', 'dad'] },
      pregnancy[2],
      pregnancy[4],
      birth,
    )
    .runUntil('2023-01-01');
  assert.equal(seenLongBefore.raised(CODE).length, 1, 'seen with the mother at the GP a year before is not engaging him as a carer');
  const seenLate = new ProtocolHarness(only)
    .add(...pregnancy, birth, {
      at: '2022-12-02T09:00',
      type: 'contact',
      person: 'unborn',
      kind: 'clinic',
      agency: 'health-visiting',
      seen: ['unborn', 'mum', 'dad'],
    })
    .runUntil('2023-01-01');
  assert.equal(seenLate.raised(CODE).length, 1, 'seen on day 15 is late');
});

test('needs first recorded after the new birth visit deadline: the unseen man is raised that evening', () => {
  const h = new ProtocolHarness(only).add(pregnancy[0], pregnancy[2], ...pregnancy.slice(3), birth).runUntil('2023-01-01');
  assert.equal(h.raised(CODE).length, 0, 'no needs recorded: quiet');
  h.add(need('2023-01-04T10:00', { kind: 'domestic-abuse', agency: 'police' })).runUntil('2023-02-01');
  assert.deepEqual(
    h.raised(CODE).map((f) => [f.dedupeKey, f.raisedAt]),
    [['checks:dad', t('2023-01-04T23:59:59.999')]],
  );
});

test('a male grandparent in the household needs checks; a woman does not; nor does a man around a child over 1', () => {
  const gf = new ProtocolHarness(only)
    .add(
      ...family,
      need('2023-02-16'),
      man('gf', '2023-02-20'),
      rel('gf', 'baby', 'grandparent', '2023-02-20', { agency: 'health-visiting' }),
    )
    .runUntil('2023-03-20');
  assert.deepEqual(
    gf
      .raised(CODE)
      .map((f) => [f.dedupeKey, f.owner])
      .sort(),
    [
      ['checks:gf', 'health-visiting'],
      ['identify', 'health-visiting'],
    ],
  );
  const gm = new ProtocolHarness(only)
    .add(...family, need('2023-02-16'), man('gm', '2023-02-20', 'female'), rel('gm', 'baby', 'grandparent', '2023-02-20'))
    .runUntil('2023-03-20');
  assert.equal(gm.raised(CODE).filter((f) => f.dedupeKey.startsWith('checks:')).length, 0);
  const older = new ProtocolHarness(only)
    .add(...newborn({ born: '2021-01-01' }), man('dad', '2022-06-01'), need('2022-06-01'), rel('dad', 'baby', 'father', '2022-06-01'))
    .runUntil('2022-08-01');
  assert.equal(older.raised(CODE).filter((f) => f.dedupeKey.startsWith('checks:')).length, 0);
});

test('idempotent: the same man recorded again, more needs, before and after birth, is one finding', () => {
  const h = new ProtocolHarness(only)
    .add(
      ...pregnancy,
      rel('dad', 'unborn', 'male-carer', '2022-04-25'),
      need('2022-06-01', { id: 'n2' }),
      birth,
      rel('dad', 'unborn', 'father', '2022-11-20'),
      need('2022-12-05', { id: 'n3' }),
      need('2022-12-06', { id: 'n4' }),
    )
    .runUntil('2023-02-01');
  assert.deepEqual(
    h.raised(CODE).map((f) => f.dedupeKey),
    ['checks:dad'],
  );
});

test('deadlines and the agencies that count as checks are configurable per partnership', () => {
  const lateFather = [...family, need('2023-02-16'), man('dad', '2023-03-05'), rel('dad', 'baby', 'father', '2023-03-05')];
  assert.equal(
    new ProtocolHarness(only, { [CODE]: { identifyByDays: 21 } })
      .add(...lateFather)
      .runUntil('2023-03-06')
      .raised(CODE).length,
    0,
  );
  const amh = [
    ...pregnancy,
    { at: '2022-05-01', type: 'concern.recorded', person: 'dad', kind: 'psychosis', agency: 'adult-mental-health' },
    birth,
  ];
  assert.equal(
    new ProtocolHarness(only)
      .add(...amh)
      .runUntil('2023-01-01')
      .raised(CODE).length,
    1,
  );
  assert.equal(
    new ProtocolHarness(only, { [CODE]: { checkAgencies: ['police', 'probation', 'adult-mental-health'] } })
      .add(...amh)
      .runUntil('2023-01-01')
      .raised(CODE).length,
    0,
  );
  const partner = [...family, need('2023-02-16'), man('p', '2023-04-03'), rel('p', 'baby', 'partner-of-parent', '2023-04-03T10:00')];
  assert.equal(
    new ProtocolHarness(only, { [CODE]: { checkWithinDays: 7 } })
      .add(...partner)
      .runUntil('2023-05-01')
      .raised(CODE)
      .find((f) => f.dedupeKey === 'checks:p')?.raisedAt,
    t('2023-04-10T23:59:59.999'),
  );
});
