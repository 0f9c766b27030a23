import assert from 'node:assert/strict';
import { test } from 'node:test';
import { falteringGrowth } from './faltering-growth.ts';
import { ProtocolHarness, newborn, type EventInput } from './testing.ts';

const only = [falteringGrowth];
const BORN = '2023-03-01';

/** A weight on day `day` of life (day 0 = 1 Mar 2023), recorded by health visiting. */
function weight(day: number, kg: number): EventInput {
  const at = new Date(Date.UTC(2023, 2, 1 + day, 10, 0)).toISOString().slice(0, 16);
  return { at, type: 'measurement', person: 'baby', kind: 'weight', value: kg, agency: 'health-visiting' };
}

function girl(birthWeightKg: number, gestationWeeks = 40, config: Record<string, unknown> = {}): ProtocolHarness {
  return new ProtocolHarness(only, { 'faltering-growth': config }).add(
    ...newborn({ born: BORN, birthWeightKg, gestationWeeks, sex: 'female' }),
  );
}

test('Child D: a term baby born on the 50th centile, two centile spaces lower at 21 days', () => {
  const h = girl(3.4).add(weight(21, 3.1));
  const [finding, ...others] = h.raised('faltering-growth', 'baby');
  assert.ok(finding);
  assert.equal(others.length, 0);
  assert.match(finding.explanation, /3\.10 kg on 22 Mar 2023 \(day 21, 7th centile\) has fallen 2\.\d centile spaces/);
  assert.match(finding.explanation, /birth weight 3\.40 kg on 1 Mar 2023 \(at birth, 49th centile\)/);
  assert.match(finding.explanation, /2 or more spaces a concern when birth weight was between the 9th and 91st/);
  assert.match(finding.explanation, /By 21 days the baby is not back to birth weight/, 'the weight is also under birth weight at 3 weeks');
  assert.equal(finding.owner, 'health-visiting');
  assert.equal(finding.evidence.length, 2);
  assert.equal(h.runUntil('2023-03-25').raised('faltering-growth').length, 1, 'the day-21 wake does not raise it again');
});

test('quiet: the same baby a little over one space lower and back above birth weight', () => {
  const h = girl(3.4).add(weight(21, 3.45)).runUntil('2023-04-30');
  assert.equal(h.raised('faltering-growth').length, 0);
});

test('birth weight below the 9th centile: a fall of one space from the highest centile is enough', () => {
  const h = girl(2.8).add(weight(28, 3.9), weight(56, 4.3));
  const [finding] = h.raised('faltering-growth');
  assert.ok(finding);
  assert.match(finding.explanation, /fallen 1\.\d centile spaces .* from the 3\.90 kg on 29 Mar 2023/);
  assert.match(finding.explanation, /1 or more spaces a concern when birth weight was below the 9th centile/);
});

test('quiet: the same fall with a birth weight between the 9th and 91st needs two spaces', () => {
  const h = girl(3.2).add(weight(28, 3.9), weight(56, 4.3));
  assert.equal(h.raised('faltering-growth').length, 0);
});

test('the number of spaces is configurable per partnership', () => {
  const h = girl(3.2, 40, { spacesIfBirth9thTo91st: 1 }).add(weight(28, 3.9), weight(56, 4.3));
  assert.equal(h.raised('faltering-growth').length, 1);
});

test('birth weight above the 91st centile: three spaces', () => {
  assert.equal(girl(4.1).add(weight(42, 4.58)).raised('faltering-growth').length, 0, 'a fall of about 2.3 spaces is quiet');
  const [finding] = girl(4.1).add(weight(42, 4.1)).raised('faltering-growth');
  assert.ok(finding);
  assert.match(finding.explanation, /3 or more spaces a concern when birth weight was above the 91st/);
});

test('current weight below the 2nd centile, whatever the birth weight', () => {
  const [finding] = girl(2.7).add(weight(28, 3.05)).raised('faltering-growth');
  assert.ok(finding);
  assert.match(finding.explanation, /3\.05 kg on 29 Mar 2023 \(day 28, 2nd centile\) is below the 2nd centile/);
  assert.doesNotMatch(finding.explanation, /fallen/);
});

test('quiet: just above the 2nd centile', () => {
  assert.equal(girl(2.7).add(weight(28, 3.15)).raised('faltering-growth').length, 0);
});

test('early days: a loss of more than 10% of birth weight', () => {
  const [finding] = girl(3.4).add(weight(4, 3.02)).raised('faltering-growth');
  assert.ok(finding);
  assert.match(finding.explanation, /3\.02 kg on 5 Mar 2023 \(day 4, .*\) is 11\.2% below the birth weight 3\.40 kg/);
});

test('quiet: a loss of 9.4%, then back to birth weight by 2 weeks', () => {
  const h = girl(3.4).add(weight(4, 3.08), weight(14, 3.45)).runUntil('2023-04-15');
  assert.equal(h.raised('faltering-growth').length, 0);
});

test('not back to birth weight by 3 weeks is found when the clock reaches day 21', () => {
  const h = girl(3.4).add(weight(10, 3.2));
  assert.equal(h.raised('faltering-growth').length, 0);
  h.runUntil('2023-03-23');
  const [finding] = h.raised('faltering-growth');
  assert.ok(finding);
  assert.match(
    finding.explanation,
    /By 21 days the baby is not back to birth weight 3\.40 kg.*latest weight is 3\.20 kg on 11 Mar 2023 \(day 10/,
  );
  assert.equal(new Date(finding.raisedAt).toISOString(), '2023-03-22T23:59:59.999Z');
});

test('quiet at 3 weeks when no weight has been taken since birth (growth-not-monitored covers that)', () => {
  assert.equal(girl(3.4).runUntil('2023-03-25').raised('faltering-growth').length, 0);
});

test('Child Two: 25th centile at birth, no weights from 2 weeks, near the 0.4th at 10 weeks', () => {
  const h = girl(3.14).add(weight(14, 3.2), weight(70, 3.8));
  const [finding, ...others] = h.raised('faltering-growth');
  assert.ok(finding);
  assert.equal(others.length, 0, 'one finding carries both criteria');
  assert.match(finding.explanation, /fallen 3\.\d centile spaces/);
  assert.match(finding.explanation, /below the 2nd centile/);
  assert.equal(finding.severity, 'high');
});

test('a criterion still met at the next weight is not raised again; a new one is', () => {
  const h = girl(3.4).add(weight(14, 3.6), weight(28, 3.4), weight(35, 3.55));
  assert.equal(h.raised('faltering-growth').length, 1);
  h.add(weight(56, 3.75));
  const findings = h.raised('faltering-growth');
  assert.equal(findings.length, 2);
  assert.match(findings[1].explanation, /below the 2nd centile/);
});

test('a preterm baby is judged at corrected age', () => {
  // Born at 30 weeks, 1.40 kg; ten weeks later, at term, 3.2 kg: about the 50th centile at term.
  const h = new ProtocolHarness(only).add(
    ...newborn({ born: BORN, birthWeightKg: 1.4, gestationWeeks: 30, sex: 'female' }),
    weight(70, 3.2),
  );
  assert.equal(h.raised('faltering-growth').length, 0);
  const small = new ProtocolHarness(only).add(
    ...newborn({ born: BORN, birthWeightKg: 1.4, gestationWeeks: 30, sex: 'female' }),
    weight(70, 2.3),
  );
  const [finding] = small.raised('faltering-growth');
  assert.ok(finding);
  assert.match(finding.explanation, /corrected for birth at 30\+0 weeks/);
});

test('without a recorded sex the weight-loss criteria still apply', () => {
  const h = new ProtocolHarness(only).add(
    { at: BORN, type: 'person.recorded', person: 'mum', role: 'adult', sex: 'female', agency: 'midwifery' },
    { at: BORN, type: 'birth', child: 'baby', mother: 'mum', gestationWeeks: 40, birthWeightKg: 3.4, sex: 'unknown', agency: 'midwifery' },
    weight(4, 3.0),
  );
  const [finding] = h.raised('faltering-growth');
  assert.ok(finding);
  assert.match(finding.explanation, /11\.8% below the birth weight 3\.40 kg/);
});
