import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLocal } from '../domain/time.ts';
import { ProtocolHarness, ZONE, type EventInput } from './testing.ts';
import { preBirthAssessmentIndicated } from './pre-birth-assessment-indicated.ts';

// Contract: "during pregnancy, the parents' recorded vulnerabilities meet the pre-birth
// protocol and no referral to children's social care has been made".
const only = [preBirthAssessmentIndicated];
const CODE = 'pre-birth-assessment-indicated';
const t = (iso: string) => parseLocal(iso, ZONE)!;

// Due 15 Feb 2023: 10 weeks on 20 Jul 2022, 13 weeks on 10 Aug, 20 weeks on 28 Sep.
const mother: EventInput = { at: '2022-07-01', type: 'person.recorded', person: 'mum', role: 'adult', sex: 'female', agency: 'gp' };
const booking = (at = '2022-07-20T10:00', extra: Partial<EventInput> = {}): EventInput => ({
  at,
  type: 'pregnancy.booked',
  person: 'mum',
  unborn: 'unborn',
  gestationWeeks: 10,
  due: '2023-02-15',
  agency: 'midwifery',
  id: 'booking',
  ...extra,
});
const concern = (at: string, kind: string, extra: Partial<EventInput> = {}): EventInput => ({
  at,
  type: 'concern.recorded',
  person: 'mum',
  kind,
  agency: 'gp',
  ...extra,
});

test('a care-experienced mother with a learning disability: raised at booking, medium, for the unborn baby, owned by midwifery, citing every record', () => {
  const h = new ProtocolHarness(only).add(
    mother,
    concern('2022-07-13T09:05', 'care-experienced-parent', { agency: 'children-social-care', id: 'c1' }),
    concern('2022-07-13T09:20', 'learning-disability', { id: 'c2' }),
    booking(),
  );
  const found = h.raised(CODE);
  assert.equal(found.length, 1);
  const [f] = found;
  assert.equal(f.subject, 'unborn');
  assert.equal(f.raisedAt, t('2022-07-20T10:00'));
  assert.equal(f.severity, 'medium');
  assert.equal(f.owner, 'midwifery');
  assert.deepEqual(f.evidence.sort(), ['booking', 'c1', 'c2']);
  assert.match(f.explanation, /10 weeks' gestation on 20 Jul 2022/);
  assert.match(f.explanation, /score 4 against the pre-birth protocol threshold of 4/);
  assert.match(f.explanation, /Care-experienced parent, 2 points: the mother, recorded by children's social care on 13 Jul 2022/);
  assert.match(f.explanation, /Learning disability, 2 points: the mother, recorded by the GP on 13 Jul 2022/);
  assert.match(f.explanation, /No referral to children's social care/);
  assert.match(f.action, /pre-birth protocol/);
  // Refer within 7 days (before the 13-week point on 10 Aug).
  assert.equal(f.deadline, t('2022-07-27T23:59:59.999'));
});

test('a previous child removed is enough on its own', () => {
  const h = new ProtocolHarness(only).add(mother, concern('2022-07-13', 'previous-child-removed'), booking());
  assert.equal(h.raised(CODE).length, 1);
});

test('a sibling taken into care counts as a previous child removed, citing the plan', () => {
  const h = new ProtocolHarness(only).add(
    mother,
    { at: '2022-07-02', type: 'person.recorded', person: 'elder', role: 'child', born: '2020-12-01', agency: 'children-social-care' },
    { at: '2022-07-02', type: 'relationship.recorded', person: 'mum', of: 'elder', kind: 'mother', agency: 'children-social-care' },
    booking(),
    { at: '2022-08-01T09:00', type: 'plan.started', person: 'elder', kind: 'looked-after', agency: 'children-social-care', id: 'lac' },
  );
  const [f] = h.raised(CODE);
  assert.ok(f);
  assert.equal(f.raisedAt, t('2022-08-01T09:00'));
  assert.ok(f.evidence.includes('lac'));
  assert.match(f.explanation, /a sibling \(looked after\), recorded by children's social care on 1 Aug 2022/);
});

test('several lesser factors together meet the protocol; one fewer does not', () => {
  const lesser = [concern('2022-07-01', 'young-parent'), concern('2022-07-01', 'isolation'), concern('2022-07-01', 'unsuitable-housing')];
  const three = new ProtocolHarness(only).add(mother, ...lesser, booking());
  assert.equal(three.raised(CODE).length, 0, 'three lesser factors (score 3) stay quiet');
  const four = new ProtocolHarness(only).add(mother, ...lesser, booking(), concern('2022-08-20T11:00', 'anxiety', { agency: 'midwifery' }));
  const [f] = four.raised(CODE);
  assert.ok(f, 'a fourth lesser factor raises it when recorded');
  assert.equal(f.raisedAt, t('2022-08-20T11:00'));
});

test('one vulnerability of weight 2, or the same one recorded twice, stays quiet; mental ill health in two words counts once', () => {
  const h = new ProtocolHarness(only).add(
    mother,
    concern('2022-07-01', 'learning-disability'),
    concern('2022-07-02', 'learning-disability'),
    concern('2022-07-03', 'anxiety'),
    booking(),
    concern('2022-08-01', 'mental-health', { agency: 'midwifery' }),
  );
  assert.equal(h.raised(CODE).length, 0);
});

test("the father's recorded history counts as well as the mother's", () => {
  const h = new ProtocolHarness(only).add(
    mother,
    booking(),
    { at: '2022-07-25', type: 'person.recorded', person: 'dad', role: 'adult', sex: 'male', agency: 'probation' },
    { at: '2022-07-25T09:00', type: 'concern.recorded', person: 'dad', kind: 'substance-misuse', agency: 'probation' },
    { at: '2022-07-25T09:01', type: 'concern.recorded', person: 'dad', kind: 'domestic-abuse', agency: 'police' },
  );
  assert.equal(h.raised(CODE).length, 0, 'not yet linked to the unborn baby');
  h.add({ at: '2022-08-02T10:00', type: 'relationship.recorded', person: 'dad', of: 'unborn', kind: 'father', agency: 'midwifery' });
  const [f] = h.raised(CODE);
  assert.ok(f);
  assert.equal(f.raisedAt, t('2022-08-02T10:00'));
  assert.match(f.explanation, /the father, recorded by probation on 25 Jul 2022/);
});

test("stays quiet when the referral to children's social care was made during the pregnancy", () => {
  const h = new ProtocolHarness(only)
    .add(
      mother,
      concern('2022-07-13', 'previous-child-removed'),
      { at: '2022-07-15', type: 'referral.made', person: 'mum', to: 'children-social-care', agency: 'gp' },
      booking(),
    )
    .runUntil('2023-01-01');
  assert.equal(h.raised(CODE).length, 0);
});

test('a referral from before this pregnancy does not count', () => {
  const h = new ProtocolHarness(only).add(
    mother,
    concern('2021-07-13', 'previous-child-removed'),
    { at: '2021-07-15', type: 'referral.made', person: 'mum', to: 'children-social-care', agency: 'gp' },
    booking(),
  );
  assert.equal(h.raised(CODE).length, 1);
});

test('escalates to high at 20 weeks with a new key when the first finding is not actioned; a referral before then stops it', () => {
  const base = [mother, concern('2022-07-13', 'previous-child-removed'), booking()];
  const h = new ProtocolHarness(only).add(...base).runUntil('2022-12-01');
  const found = h.raised(CODE);
  assert.deepEqual(
    found.map((f) => [f.severity, f.dedupeKey]),
    [
      ['medium', 'medium'],
      ['high', 'high'],
    ],
  );
  assert.equal(found[1].raisedAt, t('2022-09-28T00:00'));
  assert.match(found[1].explanation, /reached 20 weeks.*earlier finding has not been actioned/);
  assert.equal(found[1].deadline, t('2022-09-29T23:59:59.999'));

  const referred = new ProtocolHarness(only)
    .add(...base, { at: '2022-09-27', type: 'referral.made', person: 'unborn', to: 'children-social-care', agency: 'midwifery' })
    .runUntil('2022-12-01');
  assert.deepEqual(
    referred.raised(CODE).map((f) => f.severity),
    ['medium'],
  );
});

test('does not escalate a finding someone has actioned or closed with a reason', () => {
  const h = new ProtocolHarness(only).add(mother, concern('2022-07-13', 'previous-child-removed'), booking());
  h.raised(CODE)[0].status = 'closed';
  h.runUntil('2022-12-01');
  assert.equal(h.raised(CODE).length, 1);
});

test('a closure with no further action does not satisfy the protocol: it escalates at 20 weeks', () => {
  const h = new ProtocolHarness(only)
    .add(
      mother,
      concern('2022-07-13', 'previous-child-removed'),
      booking(),
      { at: '2022-08-01', type: 'referral.made', person: 'unborn', to: 'children-social-care', agency: 'family-or-public' },
      { at: '2022-08-02', type: 'referral.decision', person: 'unborn', outcome: 'no-further-action', agency: 'children-social-care' },
    )
    .runUntil('2022-12-01');
  const high = h.raised(CODE).find((f) => f.severity === 'high');
  assert.ok(high);
  assert.match(high.explanation, /decision of no further action \(children's social care on 2 Aug 2022\)/);
});

test('facts first known late in pregnancy raise it at once as high', () => {
  const h = new ProtocolHarness(only).add(
    mother,
    booking(),
    concern('2022-10-20T14:00', 'previous-child-removed', { agency: 'midwifery' }),
  );
  const found = h.raised(CODE);
  assert.equal(found.length, 1);
  assert.equal(found[0].severity, 'high');
  assert.equal(found[0].raisedAt, t('2022-10-20T14:00'));
});

test('idempotent: more concerns and the escalation wake do not raise the same stage twice', () => {
  const h = new ProtocolHarness(only)
    .add(
      mother,
      concern('2022-07-13', 'previous-child-removed'),
      booking(),
      concern('2022-08-01', 'domestic-abuse'),
      concern('2022-08-02', 'domestic-abuse'),
      concern('2022-08-03', 'young-parent'),
    )
    .runUntil('2022-10-01');
  h.add(concern('2022-10-02', 'isolation')).runUntil('2022-12-01');
  assert.deepEqual(
    h.raised(CODE).map((f) => f.dedupeKey),
    ['medium', 'high'],
  );
});

test('nothing after the birth', () => {
  const h = new ProtocolHarness(only).add(
    mother,
    booking(),
    {
      at: '2023-02-15',
      type: 'birth',
      child: 'unborn',
      mother: 'mum',
      gestationWeeks: 40,
      birthWeightKg: 3.4,
      sex: 'female',
      agency: 'midwifery',
    },
    concern('2023-02-20', 'previous-child-removed'),
  );
  assert.equal(h.raised(CODE).length, 0);
});

test('threshold and weights are configurable per partnership', () => {
  const facts = [mother, concern('2022-07-13', 'care-experienced-parent'), concern('2022-07-13', 'learning-disability'), booking()];
  assert.equal(new ProtocolHarness(only, { [CODE]: { threshold: 5 } }).add(...facts).raised(CODE).length, 0);
  const young = [mother, concern('2022-07-13', 'young-parent'), booking()];
  assert.equal(new ProtocolHarness(only).add(...young).raised(CODE).length, 0);
  assert.equal(new ProtocolHarness(only, { [CODE]: { weights: { 'young-parent': 4 } } }).add(...young).raised(CODE).length, 1);
  const late = new ProtocolHarness(only, { [CODE]: { highFromWeeks: 24 } })
    .add(mother, concern('2022-07-13', 'previous-child-removed'), booking())
    .runUntil('2022-12-01');
  assert.equal(late.raised(CODE)[1].raisedAt, t('2022-10-26T00:00'));
  assert.throws(() => new ProtocolHarness(only, { [CODE]: { weights: { 'not-a-kind': 1 } } }));
});
