import { test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { loadPartnershipConfig } from '../config/partnership-config.ts';
import type { ThreadEvent } from '../domain/events.ts';
import type { FindingCode } from '../domain/vocabulary.ts';
import { HOUR_MS, parseLocal } from '../domain/time.ts';
import { checkEvent } from '../domain/validate-event.ts';
import { defineProtocol, type Protocol, type ProtocolContext, type WakeRequest } from '../protocols/protocol.ts';
import { VirtualClock } from './clock.ts';
import { Engine } from './engine.ts';

const ZONE = 'Europe/London';
const t = (iso: string) => parseLocal(iso, ZONE)!;

/** Builds a test engine on a virtual clock over the given protocols. */
function engineWith(protocols: Protocol[], disabled: string[] = []) {
  const config = loadPartnershipConfig({ timezone: ZONE, disabled }, protocols);
  const clock = new VirtualClock();
  const engine = new Engine({ protocols, config, clock });
  let seq = 0;
  const record = (input: Record<string, unknown>) => {
    const checked = checkEvent(input, ZONE, ++seq, `e${seq}`, clock.now());
    if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
    return { event: checked.event, findings: engine.record(checked.event) };
  };
  record({ at: '2023-03-01', type: 'person.recorded', person: 'baby', role: 'child', born: '2023-01-09', sex: 'female' });
  return { engine, clock, record };
}

const concern = (at: string, extra: Record<string, unknown> = {}) => ({
  at,
  type: 'concern.recorded',
  person: 'baby',
  kind: 'isolation',
  agency: 'health-visiting',
  ...extra,
});

function finding(code: FindingCode, subject: string, dedupeKey: string) {
  return {
    code,
    subject,
    dedupeKey,
    severity: 'low' as const,
    explanation: dedupeKey,
    evidence: [],
    action: 'none',
    owner: 'health-visiting' as const,
  };
}

/** On each concern, asks to be woken at the offsets (hours) in `wakesAfter`; on a wake, raises a finding keyed by the wake. */
function waker(id: string, wakesAfter: [key: string, hours: number][], seen: ProtocolContext<unknown>[] = []) {
  return defineProtocol({
    id,
    version: '1.0.0',
    title: id,
    source: 'test',
    codes: ['growth-not-monitored'],
    triggers: ['concern.recorded'],
    configSchema: z.strictObject({}),
    evaluate(ctx) {
      seen.push(ctx);
      if (ctx.event)
        return {
          wakes: wakesAfter.map(([key, hours]): WakeRequest => ({
            at: ctx.event!.at + hours * HOUR_MS,
            subject: ctx.event!.subject,
            key,
            cause: ctx.event!.key,
          })),
        };
      if (ctx.wake) return { findings: [finding('growth-not-monitored', ctx.wake.subject, ctx.wake.key)] };
      return undefined;
    },
  });
}

test('wakes fire in time order on the virtual clock, each finding raised at its deadline', () => {
  const seen: ProtocolContext<unknown>[] = [];
  const { engine, clock, record } = engineWith([
    waker(
      'w',
      [
        ['third', 3],
        ['first', 1],
        ['second', 2],
      ],
      seen,
    ),
  ]);
  record(concern('2023-03-06T10:00'));
  assert.equal(engine.pendingWakes, 3);
  assert.equal(engine.nextWakeAt, t('2023-03-06T11:00'));
  assert.deepEqual(
    engine.runUntil(t('2023-03-06T11:30')).map((f) => f.dedupeKey),
    ['first'],
  );
  const later = engine.runUntil(t('2023-03-07T00:00'));
  assert.deepEqual(
    later.map((f) => f.dedupeKey),
    ['second', 'third'],
  );
  assert.deepEqual(
    later.map((f) => f.raisedAt),
    [t('2023-03-06T12:00'), t('2023-03-06T13:00')],
  );
  // The protocol saw the clock at each deadline, not at the time the run was asked for.
  assert.deepEqual(
    seen.filter((c) => c.wake).map((c) => c.now),
    [t('2023-03-06T11:00'), t('2023-03-06T12:00'), t('2023-03-06T13:00')],
  );
  assert.equal(clock.now(), t('2023-03-06T13:00'));
  assert.equal(engine.pendingWakes, 0);
});

test('a later event first fires the wakes due before it, and is itself evaluated at its own time', () => {
  const seen: ProtocolContext<unknown>[] = [];
  const { record } = engineWith([waker('w', [['soon', 1]], seen)]);
  record(concern('2023-03-06T10:00'));
  const { findings } = record(concern('2023-03-06T15:00', { kind: 'anxiety' }));
  assert.deepEqual(
    findings.map((f) => [f.dedupeKey, f.raisedAt]),
    [['soon', t('2023-03-06T11:00')]],
  );
  assert.equal(seen.at(-1)!.event?.at, t('2023-03-06T15:00'));
  assert.equal(seen.at(-1)!.now, t('2023-03-06T15:00'));
});

test('a wake scheduled twice (same protocol, subject and key) fires once', () => {
  const seen: ProtocolContext<unknown>[] = [];
  const { engine, record } = engineWith([waker('w', [['same', 2]], seen)]);
  record(concern('2023-03-06T10:00'));
  record(concern('2023-03-06T10:30', { kind: 'anxiety' }));
  assert.equal(engine.pendingWakes, 1);
  const raised = engine.runUntil(t('2023-03-08'));
  assert.equal(raised.length, 1);
  assert.equal(raised[0].raisedAt, t('2023-03-06T12:00'));
  assert.equal(seen.filter((c) => c.wake).length, 1);
});

test('the same key from two protocols is two wakes', () => {
  const { engine, record } = engineWith([waker('a', [['k', 1]]), waker('b', [['k', 1]])]);
  record(concern('2023-03-06T10:00'));
  assert.equal(engine.pendingWakes, 2);
});

test('a finding with the same code, subject and key is raised once', () => {
  const { engine, record } = engineWith([waker('a', [['k', 1]]), waker('b', [['k', 1]])]);
  record(concern('2023-03-06T10:00'));
  // Both protocols propose growth-not-monitored:baby:k; the second is the same condition.
  const raised = engine.runUntil(t('2023-03-07'));
  assert.deepEqual(
    raised.map((f) => f.protocol),
    ['a'],
  );
  assert.equal(engine.world.findingsAbout('baby').length, 1);
});

test('a protocol that throws is reported in failures; the event is kept and the other protocols still run', () => {
  const thrower = defineProtocol({
    id: 'thrower',
    version: '2.1.0',
    title: 'thrower',
    source: 'test',
    codes: ['unsafe-sleep-observed'],
    triggers: ['concern.recorded'],
    configSchema: z.strictObject({}),
    evaluate() {
      throw new Error('event boom');
    },
  });
  const fine = defineProtocol({
    id: 'fine',
    version: '1.0.0',
    title: 'fine',
    source: 'test',
    codes: ['unsafe-sleep-observed'],
    triggers: ['concern.recorded'],
    configSchema: z.strictObject({}),
    evaluate: ({ event }) => (event ? { findings: [finding('unsafe-sleep-observed', 'baby', event.key)] } : undefined),
  });
  const { engine, record } = engineWith([thrower, fine]);
  const { event, findings } = record(concern('2023-03-06T10:00'));
  assert.deepEqual(engine.failures, [
    { protocol: 'thrower@2.1.0', message: 'event boom', trigger: 'concern.recorded', errorType: 'Error' },
  ]);
  assert.equal(findings.length, 1);
  assert.equal(findings[0].protocol, 'fine');
  assert.equal(engine.world.event(event.key), event);
  assert.ok(engine.world.eventsOf('baby').includes(event));
  const next = record(concern('2023-03-06T11:00', { kind: 'anxiety' }));
  assert.equal(next.findings.length, 1);
  assert.equal(engine.failures.length, 2);
});

test('a protocol that throws on a wake is reported, and later wakes still fire', () => {
  const flaky = defineProtocol({
    id: 'flaky',
    version: '1.0.0',
    title: 'flaky',
    source: 'test',
    codes: ['growth-not-monitored'],
    triggers: ['concern.recorded'],
    configSchema: z.strictObject({}),
    evaluate(ctx) {
      if (ctx.event)
        return {
          wakes: [
            { at: ctx.event.at + HOUR_MS, subject: 'baby', key: 'bad' },
            { at: ctx.event.at + 2 * HOUR_MS, subject: 'baby', key: 'good' },
          ],
        };
      if (ctx.wake?.key === 'bad') throw new Error('wake boom');
      return { findings: [finding('growth-not-monitored', 'baby', ctx.wake!.key)] };
    },
  });
  const { engine, record } = engineWith([flaky]);
  record(concern('2023-03-06T10:00'));
  const raised = engine.runUntil(t('2023-03-07'));
  assert.deepEqual(
    raised.map((f) => f.dedupeKey),
    ['good'],
  );
  assert.deepEqual(engine.failures, [{ protocol: 'flaky@1.0.0', message: 'wake boom', trigger: 'deadline', errorType: 'Error' }]);
});

test('a finding raised by one protocol triggers the protocols listening to findings, at the same time', () => {
  const received: ThreadEvent[] = [];
  const told: string[] = [];
  const raiser = defineProtocol({
    id: 'raiser',
    version: '1.0.0',
    title: 'raiser',
    source: 'test',
    codes: ['injury-in-non-mobile-infant'],
    triggers: ['concern.recorded'],
    configSchema: z.strictObject({}),
    evaluate: ({ event }) =>
      event ? { findings: [{ ...finding('injury-in-non-mobile-infant', 'baby', event.key), requiresReferral: true }] } : undefined,
  });
  const follower = defineProtocol({
    id: 'follower',
    version: '1.0.0',
    title: 'follower',
    source: 'test',
    codes: ['safeguarding-referral-overdue'],
    triggers: ['finding'],
    configSchema: z.strictObject({}),
    evaluate({ finding: trigger, event }) {
      if (event) received.push(event);
      if (trigger) told.push(trigger.code);
      if (!trigger || trigger.code !== 'injury-in-non-mobile-infant') return undefined;
      return { findings: [finding('safeguarding-referral-overdue', trigger.subject, trigger.id)] };
    },
  });
  const { engine, record } = engineWith([raiser, follower]);
  const { findings } = record(concern('2023-03-06T10:00'));
  assert.deepEqual(
    findings.map((f) => f.code),
    ['injury-in-non-mobile-infant', 'safeguarding-referral-overdue'],
  );
  assert.equal(findings[1].raisedAt, findings[0].raisedAt);
  assert.equal(findings[1].dedupeKey, findings[0].id);
  assert.equal(received.length, 0, 'a finding-triggered evaluation carries the finding, not the event');
  // Followers are told of every new finding, their own included (here ignored), and nothing else.
  assert.deepEqual(told, ['injury-in-non-mobile-infant', 'safeguarding-referral-overdue']);
  assert.equal(engine.world.findingsAbout('baby').length, 2);
});

test('a disabled protocol is not run', () => {
  const seen: ProtocolContext<unknown>[] = [];
  const { engine, record } = engineWith([waker('w', [['k', 1]], seen)], ['w']);
  record(concern('2023-03-06T10:00'));
  assert.equal(seen.length, 0);
  assert.equal(engine.pendingWakes, 0);
});

test("protocols receive their resolved configuration and the partnership's time zone", () => {
  let received: ProtocolContext<{ hours: number }> | undefined;
  const configured = defineProtocol({
    id: 'configured',
    version: '1.0.0',
    title: 'c',
    source: 'test',
    codes: ['growth-not-monitored'],
    triggers: ['concern.recorded'],
    configSchema: z.strictObject({ hours: z.number().default(6) }),
    evaluate(ctx) {
      received = ctx;
      return undefined;
    },
  });
  const { record } = engineWith([configured]);
  record(concern('2023-03-06T10:00'));
  assert.deepEqual(received?.config, { hours: 6 });
  assert.equal(received?.partnership.timezone, ZONE);
});
