import assert from 'node:assert/strict';
import { test } from 'node:test';
import { falteringGrowth } from './faltering-growth.ts';
import { growthNotMonitored } from './growth-not-monitored.ts';
import type { Protocol } from './protocol.ts';
import { ProtocolHarness, newborn, type EventInput } from './testing.ts';

const BORN = '2023-03-01';

function day(n: number, time = '10:00'): string {
  return `${new Date(Date.UTC(2023, 2, 1 + n)).toISOString().slice(0, 10)}T${time}`;
}

function weight(n: number, kg: number, time?: string): EventInput {
  return { at: day(n, time), type: 'measurement', person: 'baby', kind: 'weight', value: kg, agency: 'health-visiting' };
}

function feedingConcern(n: number, time?: string): EventInput {
  return {
    at: day(n, time),
    type: 'concern.recorded',
    person: 'baby',
    kind: 'feeding-difficulty',
    severity: 'medium',
    agency: 'health-visiting',
  };
}

function baby(config: Record<string, unknown> = {}, protocols: Protocol[] = [growthNotMonitored]): ProtocolHarness {
  return new ProtocolHarness(protocols, { 'growth-not-monitored': config }).add(
    ...newborn({ born: BORN, birthWeightKg: 3.4, sex: 'female' }),
  );
}

const iso = (ms: number) => new Date(ms).toISOString();

test('under 8 weeks, not yet back to birth weight: no weight for 14 days is raised at the end of the 14th day', () => {
  const h = baby().add(weight(10, 3.25)).runUntil(day(30));
  const [finding, ...others] = h.raised('growth-not-monitored', 'baby');
  assert.ok(finding);
  assert.equal(others.length, 0, 'raised once for the gap');
  assert.equal(iso(finding.raisedAt), '2023-03-25T23:59:59.999Z');
  assert.match(
    finding.explanation,
    /No weight has been recorded for 14 days, since the 3\.25 kg on 11 Mar 2023 \(day 10, \d+\w\w centile\)/,
  );
  assert.match(finding.explanation, /not yet regained birth weight should be weighed by day 21 and then at least every 14 days/);
  assert.equal(finding.severity, 'medium');
});

test('quiet: weighed every 13 days until 8 weeks, then no rule applies without a concern', () => {
  const h = baby().add(weight(10, 3.45), weight(23, 3.8), weight(36, 4.2), weight(49, 4.6)).runUntil(day(200));
  assert.equal(h.raised('growth-not-monitored').length, 0);
});

test('a gap that would end after 8 weeks is not raised', () => {
  const h = baby().add(weight(10, 3.45), weight(23, 3.8), weight(36, 4.2), weight(45, 4.5)).runUntil(day(120));
  assert.equal(h.raised('growth-not-monitored').length, 0);
});

test('the gap is configurable', () => {
  const h = baby({ gapUnderWeeksDays: 21 }).add(weight(10, 3.25)).runUntil(day(30));
  assert.equal(h.raised('growth-not-monitored').length, 0);
  h.runUntil(day(33));
  assert.equal(iso(h.raised('growth-not-monitored')[0].raisedAt), '2023-04-01T22:59:59.999Z');
});

test('with a feeding concern under 1 year: no weight for 28 days', () => {
  const h = baby()
    .add(weight(10, 3.45), weight(23, 3.8), weight(36, 4.2), weight(49, 4.6), weight(56, 4.9), feedingConcern(70))
    .runUntil(day(90));
  const [finding] = h.raised('growth-not-monitored');
  assert.ok(finding);
  assert.equal(iso(finding.raisedAt), '2023-05-24T22:59:59.999Z', '28 days after the weight on day 56');
  assert.match(finding.explanation, /Feeding difficulty was recorded by health visiting on 10 May 2023/);
  assert.match(finding.explanation, /at least every 28 days/);
  assert.equal(finding.severity, 'high');
  assert.equal(finding.evidence.length, 2);
});

test('quiet: the concern is followed by weights within 28 days', () => {
  const h = baby()
    .add(
      weight(10, 3.45),
      weight(23, 3.8),
      weight(36, 4.2),
      weight(49, 4.6),
      weight(56, 4.9),
      feedingConcern(70),
      weight(80, 5.5),
      weight(105, 6.1),
    )
    .runUntil(day(130));
  assert.equal(h.raised('growth-not-monitored').length, 0);
});

test('a concern long after the last weight allows the rest of that day', () => {
  const base = [weight(10, 3.45), weight(23, 3.8), weight(36, 4.2), weight(49, 4.6), weight(56, 4.9)];
  const weighedSameDay = baby()
    .add(...base, feedingConcern(150, '10:00'), weight(150, 7, '10:30'))
    .runUntil(day(170));
  assert.equal(weighedSameDay.raised('growth-not-monitored').length, 0);
  const notWeighed = baby()
    .add(...base, feedingConcern(150, '10:00'))
    .runUntil(day(152));
  assert.equal(iso(notWeighed.raised('growth-not-monitored')[0].raisedAt), '2023-07-29T22:59:59.999Z');
});

test('quiet: a concern about a child over 1 year', () => {
  const h = baby()
    .add(weight(10, 3.45), weight(23, 3.8), weight(36, 4.2), weight(49, 4.6), weight(380, 9.5), feedingConcern(390))
    .runUntil(day(450));
  assert.equal(h.raised('growth-not-monitored').length, 0);
});

test('a faltering-growth finding is a growth concern', () => {
  const h = baby({}, [falteringGrowth, growthNotMonitored])
    .add(weight(10, 3.45), weight(23, 3.8), weight(36, 4.2), weight(49, 4.6), weight(90, 4.6))
    .runUntil(day(125));
  assert.equal(h.raised('faltering-growth').length, 1, 'no gain from day 49 to day 90');
  const [finding] = h.raised('growth-not-monitored');
  assert.ok(finding);
  assert.equal(iso(finding.raisedAt), '2023-06-27T22:59:59.999Z', '28 days after the weight on day 90 (30 May)');
  assert.match(finding.explanation, /Faltering growth was found on 30 May 2023/);
});

test('a baby whose sex is not recorded is still monitored, without a centile', () => {
  const h = new ProtocolHarness([growthNotMonitored])
    .add(
      { at: BORN, type: 'person.recorded', person: 'mum', role: 'adult', sex: 'female', agency: 'midwifery' },
      {
        at: BORN,
        type: 'birth',
        child: 'baby',
        mother: 'mum',
        gestationWeeks: 40,
        birthWeightKg: 3.4,
        sex: 'unknown',
        agency: 'midwifery',
      },
      weight(10, 3.25),
    )
    .runUntil(day(30));
  const [finding] = h.raised('growth-not-monitored');
  assert.ok(finding);
  assert.match(finding.explanation, /3\.25 kg on 11 Mar 2023 \(day 10, no centile: sex not recorded\)/);
});

test('the first weight after birth is due by day 21, the regain deadline', () => {
  const h = baby().runUntil(day(20, '12:00'));
  assert.equal(h.raised('growth-not-monitored').length, 0, 'a late new birth visit at day 18 with a weight is in time');
  h.runUntil(day(23));
  const [finding] = h.raised('growth-not-monitored');
  assert.ok(finding);
  assert.equal(iso(finding.raisedAt), '2023-03-22T23:59:59.999Z');
});

test('once birth weight is regained, an ordinary baby weighed at the new birth visit and the 6-8 week review raises nothing', () => {
  const h = baby().add(weight(5, 3.2), weight(12, 3.45), weight(45, 4.6)).runUntil(day(120));
  assert.equal(h.raised('growth-not-monitored').length, 0);
});

test('back to birth weight at the new birth visit but no weight by 8 weeks (review 002, Child Two) is raised at the end of week 8', () => {
  const h = baby().add(weight(5, 3.2), weight(12, 3.45)).runUntil(day(70));
  const [finding] = h.raised('growth-not-monitored');
  assert.ok(finding);
  assert.equal(iso(finding.raisedAt), '2023-04-26T22:59:59.999Z');
  assert.match(finding.explanation, /6–8 week review, by 8 weeks/);
});

test('a feeding concern calls for closer weighing for 90 days, not for the rest of the year', () => {
  const h = baby()
    .add(weight(5, 3.2), weight(12, 3.45), weight(40, 4.4), feedingConcern(41), weight(60, 5.0), weight(85, 5.7), weight(110, 6.3))
    .runUntil(day(300));
  assert.equal(h.raised('growth-not-monitored').length, 0);
});
