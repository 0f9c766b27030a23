import type { EventType } from '../domain/event-schemas.ts';

/** The kind of person a field needs; 'new' is a person the record itself introduces. */
export type FixtureRole = 'adult' | 'child' | 'unborn' | 'new';

/** Where a fixture takes every id it writes. */
export interface FixtureIds {
  /** The id for a field declared with `personRef`. */
  person(field: string, role: FixtureRole): string;
  /**
   * The id of an earlier record of `type` about the same family, for a field declared
   * with `eventRef`: built from that type's fixture, with `fields` replacing some of its
   * fields (a share addressed to the writer's own agency, so that it may acknowledge it).
   * The earlier record is made by the writer's organisation in its own family.
   */
  event(field: string, type: EventType, fields?: Record<string, unknown>): string;
  /** A local date this many days after the record's own date (for `due` and other dates). */
  day(offset: number): string;
}

/** Who writes a record in the test: a user of that role in an organisation never involved with the target family. */
export type FixtureWriter = 'police' | 'gp' | 'social-worker';

export interface EventFixture {
  writer?: FixtureWriter;
  /** The record's fields, except `type` and `at` (and `agency`, `organisation`, which come from the writer). */
  build(ids: FixtureIds): Record<string, unknown>;
}

/**
 * One valid record of every event type, for the authorisation test that shows an
 * uninvolved organisation gains nothing by writing any of them
 * (src/access/every-event-type.test.ts).
 *
 * ADDING AN EVENT TYPE? Add its fixture below, or that test fails and says so. Return the
 * record's fields (not `type`, `at`, `agency`); take every id from `ids`, for every field
 * declared with `personRef` or `eventRef`, optional ones included, so each can be tested:
 *   ids.person('field', 'child' | 'adult' | 'unborn' | 'new')  ('new': a person the record introduces)
 *   ids.event('field', 'referral.made', { to: 'police' })      (an earlier record of that type; fields optional)
 *   ids.day(14)                                                (a date 14 days after the record's)
 * The test writes the record twice for each reference field: with every id from the
 * writer's own family (it must be accepted: the fixture is valid), and with that field
 * naming a family the writer's organisation has never been involved with (it must be
 * refused with 403, store nothing, and leave that family closed to the writer).
 * `supersedes` is tested for every type without any help from the fixture.
 */
export const EVENT_FIXTURES: Partial<Record<EventType, EventFixture>> = {
  'person.recorded': { build: (ids) => ({ person: ids.person('person', 'new'), role: 'adult', sex: 'female' }) },
  'relationship.recorded': {
    build: (ids) => ({ person: ids.person('person', 'adult'), of: ids.person('of', 'child'), kind: 'father' }),
  },
  'address.changed': { build: (ids) => ({ persons: [ids.person('persons', 'adult')], area: 'Riverside' }) },
  'gp.registered': { writer: 'gp', build: (ids) => ({ person: ids.person('person', 'child') }) },
  'pregnancy.booked': {
    build: (ids) => ({ person: ids.person('person', 'adult'), unborn: ids.person('unborn', 'new'), gestationWeeks: 12, due: ids.day(196) }),
  },
  birth: {
    build: (ids) => ({
      child: ids.person('child', 'unborn'),
      mother: ids.person('mother', 'adult'),
      gestationWeeks: 39,
      birthWeightKg: 3.4,
      sex: 'female',
    }),
  },
  contact: {
    build: (ids) => ({ person: ids.person('person', 'child'), kind: 'home-visit', seen: [ids.person('seen', 'adult')] }),
  },
  'visit.no-access': { build: (ids) => ({ person: ids.person('person', 'child') }) },
  'appointment.booked': { writer: 'gp', build: (ids) => ({ person: ids.person('person', 'child'), kind: 'clinic', due: ids.day(14) }) },
  'appointment.missed': {
    writer: 'gp',
    build: (ids) => ({ person: ids.person('person', 'child'), kind: 'clinic', reason: 'was-not-brought' }),
  },
  'service-level.set': { build: (ids) => ({ person: ids.person('person', 'child'), level: 'universal-plus' }) },
  measurement: { writer: 'gp', build: (ids) => ({ person: ids.person('person', 'child'), kind: 'weight', value: 6.4 }) },
  'injury.observed': { build: (ids) => ({ person: ids.person('person', 'child'), kind: 'bruise', site: 'arm' }) },
  'illness.presented': { build: (ids) => ({ person: ids.person('person', 'child'), severity: 'minor', description: 'a cold' }) },
  'concern.recorded': { build: (ids) => ({ person: ids.person('person', 'adult'), kind: 'isolation', severity: 'low' }) },
  'referral.made': { build: (ids) => ({ person: ids.person('person', 'child'), to: 'children-social-care', reason: 'worried' }) },
  'referral.decision': {
    writer: 'social-worker',
    build: (ids) => ({ person: ids.person('person', 'child'), outcome: 'early-help', rationale: 'support needed' }),
  },
  'action.agreed': { build: (ids) => ({ person: ids.person('person', 'child'), action: 'home-visit', due: ids.day(7) }) },
  'strategy.discussion': {
    writer: 'social-worker',
    build: (ids) => ({ person: ids.person('person', 'child'), attendees: ['children-social-care', 'police'], decisions: ['section-47'] }),
  },
  investigation: { build: (ids) => ({ person: ids.person('person', 'child'), kind: 'cp-medical', status: 'requested' }) },
  'hospital.admitted': { build: (ids) => ({ person: ids.person('person', 'child') }) },
  'hospital.fit-for-discharge': { build: (ids) => ({ person: ids.person('person', 'child') }) },
  'hospital.discharged': { build: (ids) => ({ person: ids.person('person', 'child') }) },
  'plan.started': { writer: 'social-worker', build: (ids) => ({ person: ids.person('person', 'child'), kind: 'early-help' }) },
  'plan.ended': { writer: 'social-worker', build: (ids) => ({ person: ids.person('person', 'child'), kind: 'early-help' }) },
  'information.shared': {
    build: (ids) => ({ person: ids.person('person', 'child'), to: 'health-visiting', content: ['domestic-abuse'] }),
  },
  'incident.serious': { build: (ids) => ({ person: ids.person('person', 'child'), description: 'an incident' }) },
  // Version 2, closing the loop. Each answers an earlier record made by the writer's own agency or sent to it.
  'action.completed': { build: (ids) => ({ person: ids.person('person', 'child'), action: ids.event('action', 'action.agreed') }) },
  'action.cancelled': {
    build: (ids) => ({ person: ids.person('person', 'child'), action: ids.event('action', 'action.agreed'), reason: 'no longer needed' }),
  },
  'information.acknowledged': {
    build: (ids) => ({ person: ids.person('person', 'child'), of: ids.event('of', 'information.shared', { to: 'police' }) }),
  },
  'referral.outcome': {
    build: (ids) => ({
      person: ids.person('person', 'child'),
      of: ids.event('of', 'referral.made', { to: 'police' }),
      outcome: 'accepted',
    }),
  },
  'allocation.set': {
    writer: 'social-worker',
    build: (ids) => ({ person: ids.person('person', 'child'), role: 'social-worker', name: 'Sam Worker' }),
  },
  'allocation.ended': {
    writer: 'social-worker',
    build: (ids) => ({ person: ids.person('person', 'child'), role: 'social-worker', name: 'Sam Worker', reason: 'case closed' }),
  },
  'escalation.raised': {
    build: (ids) => ({
      person: ids.person('person', 'child'),
      to: 'health-visiting',
      about: 'no response to our referral',
      stage: 1,
      follows: ids.event('follows', 'escalation.raised'),
    }),
  },
  'escalation.resolved': {
    build: (ids) => ({ person: ids.person('person', 'child'), of: ids.event('of', 'escalation.raised'), outcome: 'agreed a joint visit' }),
  },
  // Version 2, neglect over time.
  'assessment.recorded': {
    writer: 'social-worker',
    build: (ids) => ({
      person: ids.person('person', 'child'),
      tool: 'graded-care-profile-2',
      scores: { physical: 4, safety: 3, love: 2, esteem: 2 },
      outcome: 'physical care below the level needed',
    }),
  },
  'immunisation.given': { writer: 'gp', build: (ids) => ({ person: ids.person('person', 'child'), stage: '8-weeks' }) },
  'consent.refused': { build: (ids) => ({ person: ids.person('person', 'adult'), for: 'an early help assessment' }) },
  'unscheduled-care.queried': { writer: 'gp', build: (ids) => ({ person: ids.person('person', 'child'), setting: 'out-of-hours-gp' }) },
  'identity.linked': {
    build: (ids) => ({ person: ids.person('person', 'adult'), to: ids.person('to', 'adult'), basis: 'confirmed' }),
  },
  'identity.review': {
    build: (ids) => ({
      person: ids.person('person', 'adult'),
      candidate: ids.person('candidate', 'adult'),
      matchWeight: 9,
      probability: 0.8,
    }),
  },
  'identity.unlinked': {
    build: (ids) => ({ person: ids.person('person', 'adult'), from: ids.person('from', 'adult'), reason: 'different dates of birth' }),
  },
};
