import type { ThreadEvent } from '../domain/events.ts';
import { addLocalDays, DAY_MS, formatDay, startOfLocalDay } from '../domain/time.ts';
import type { FieldProblem } from '../domain/validation-error.ts';
import type { MeasurementKind } from '../domain/vocabulary.ts';
import { GESTATION_WEEKS_RANGE } from '../growth/gestation.ts';
import type { GrowthMeasurement, GrowthSex } from '../growth/growth-kinds.ts';
import { chartAge, gestationOrTerm, outsideUkWho, type PlausibleRange } from '../growth/plausible-range.ts';
import { checkPlausibleValue } from '../growth/plausible-values.ts';
import type { PlausibilityConfig } from './plausibility-config.ts';
import type { PersonState } from './world-view.ts';

/** What the plausibility check needs to know of each person. */
export type PersonFacts = Pick<PersonState, 'role' | 'sex' | 'bornMs' | 'dueMs' | 'gestationWeeks' | 'gestationDays'>;

export interface PlausibilityView {
  person(id: string): PersonFacts | undefined;
}

export interface PlausibilityLimits extends PlausibilityConfig {
  /** The latest moment a record may be dated (now and the allowed clock skew; see Clock.latestPlausible). */
  latest: number;
  zone: string;
}

const WEEK_MS = 7 * DAY_MS;
/** Nothing Threadline holds happened before 1900: the oldest grandparent recorded was born after it. */
export const EARLIEST_PLAUSIBLE = Date.UTC(1900, 0, 1);
/** A due date is about 40 weeks after the last period; a pregnancy's records start no earlier than 42 weeks before it. */
const PREGNANCY_BEFORE_DUE_MS = 42 * WEEK_MS;
/**
 * How far a due date may stray from what a gestation implies: a dating scan moves it by
 * days, and gestation is often first written from the last period; six weeks apart is
 * not one pregnancy described twice but a mistake in one of them.
 */
const DUE_DATE_TOLERANCE_MS = 6 * WEEK_MS;
/** The gestations at which a booking is made: a pregnancy is not known before 4 weeks, and is over by 42. */
const BOOKING_WEEKS = { min: 4, max: 42 } as const;

const GROWTH_OF: Record<MeasurementKind, GrowthMeasurement> = { weight: 'weight', length: 'height', 'head-circumference': 'ofc' };
const UNITS: Record<MeasurementKind, string> = { weight: 'kg', length: 'cm', 'head-circumference': 'cm' };
const UNIT_ADVICE: Record<MeasurementKind, string> = {
  weight: 'in kilograms (4.25, not 4250 grams)',
  length: 'in centimetres (58.5, not 0.585 metres or 585 millimetres)',
  'head-circumference': 'in centimetres (38.5, not 385 millimetres)',
};

const day = (ms: number, zone: string) => formatDay(ms, zone);
const round = (value: number) => (value >= 10 ? value.toFixed(1) : value.toFixed(2));

function describeAge(daysOfLife: number): string {
  const days = Math.floor(daysOfLife);
  if (days < 14) return `${days} day${days === 1 ? '' : 's'}`;
  if (days < 92) return `${Math.floor(days / 7)} weeks`;
  if (days < 731) return `${Math.floor(days / 30.4375)} months`;
  return `${Math.floor(days / 365.25)} years`;
}

/**
 * The earliest a record about the person can be dated: the start of their pregnancy if
 * one is recorded, else the day they were born; NaN when nothing is known. Numbers only:
 * this runs for every person of every event.
 */
function earliestFor(facts: PersonFacts, zone: string): number {
  if (facts.dueMs !== undefined) return facts.dueMs - PREGNANCY_BEFORE_DUE_MS;
  if (facts.bornMs === undefined) return Number.NaN;
  if (facts.gestationWeeks !== undefined) return facts.bornMs - (gestationOrTerm(facts.gestationWeeks, facts.gestationDays) + 14) * DAY_MS;
  return startOfLocalDay(facts.bornMs, zone);
}

/** Why a person can have no record before `earliestFor`, in words (only when refusing). */
function earliestWhy(facts: PersonFacts, zone: string): string {
  if (facts.dueMs !== undefined) return `the pregnancy began (due ${day(facts.dueMs, zone)})`;
  if (facts.gestationWeeks !== undefined) return `the pregnancy began (born ${day(facts.bornMs!, zone)} at ${facts.gestationWeeks} weeks)`;
  return `they were born (${day(facts.bornMs!, zone)})`;
}

function checkDate(field: string, ms: number | undefined, limits: PlausibilityLimits, problems: FieldProblem[]): void {
  if (ms === undefined || (ms >= EARLIEST_PLAUSIBLE && (field === 'due' || ms <= limits.latest))) return;
  if (ms < EARLIEST_PLAUSIBLE)
    problems.push({ field, reason: `${day(ms, limits.zone)} is before 1900: check the year (it should have four digits, such as 2024)` });
  else
    problems.push({
      field,
      reason: `${day(ms, limits.zone)} is in the future: a record says what has happened (check the year and the time; to plan something, record an appointment booked or an agreed action with its deadline)`,
    });
}

function checkDates(event: ThreadEvent, limits: PlausibilityLimits, problems: FieldProblem[]): void {
  checkDate('at', event.at, limits, problems);
  if ((event.data as { recordedAt?: string }).recordedAt !== undefined) checkDate('recordedAt', event.recordedAt, limits, problems);
  checkDate('born', event.bornMs, limits, problems);
  checkDate('due', event.dueMs, limits, problems);
}

/** Checks every person the event names; returns what is known of the first (the subject, for a measurement). */
function checkBeforeBirth(
  event: ThreadEvent,
  world: PlausibilityView,
  limits: PlausibilityLimits,
  problems: FieldProblem[],
): PersonFacts | undefined {
  let first: PersonFacts | undefined;
  for (const id of event.persons) {
    const facts = world.person(id);
    if (id === event.persons[0]) first = facts;
    if (!facts || (event.type === 'birth' && id === event.data.child)) continue;
    if (event.at < earliestFor(facts, limits.zone))
      problems.push({
        field: 'at',
        reason: `${day(event.at, limits.zone)} is before ${JSON.stringify(id)} could have a record: before ${earliestWhy(facts, limits.zone)}. Check the date`,
      });
  }
  return first;
}

function checkPerson(event: ThreadEvent<'person.recorded'>, limits: PlausibilityLimits, problems: FieldProblem[]): void {
  if (
    event.bornMs !== undefined &&
    event.data.role !== 'unborn' &&
    event.bornMs > Math.max(event.at, startOfLocalDay(event.at, limits.zone) + DAY_MS)
  )
    problems.push({
      field: 'born',
      reason: `${day(event.bornMs, limits.zone)} is after the date of this record (${day(event.at, limits.zone)}); a baby not yet born is recorded with role unborn and a due date`,
    });
  if (event.dueMs !== undefined && (event.dueMs < event.at - 2 * WEEK_MS || event.dueMs > event.at + 44 * WEEK_MS))
    problems.push({
      field: 'due',
      reason: `${day(event.dueMs, limits.zone)} is not within the 44 weeks after this record (${day(event.at, limits.zone)}): check the due date`,
    });
}

function checkBooking(event: ThreadEvent<'pregnancy.booked'>, limits: PlausibilityLimits, problems: FieldProblem[]): void {
  const weeks = event.data.gestationWeeks;
  if (weeks < BOOKING_WEEKS.min || weeks > BOOKING_WEEKS.max) {
    problems.push({
      field: 'gestationWeeks',
      reason: `${weeks} weeks is not a gestation at which a pregnancy is booked (${BOOKING_WEEKS.min} to ${BOOKING_WEEKS.max} weeks): check the number`,
    });
    return;
  }
  const expected = addLocalDays(event.at, (40 - weeks) * 7, limits.zone);
  if (event.dueMs !== undefined && event.dueMs <= event.at)
    problems.push({
      field: 'due',
      reason: `${day(event.dueMs, limits.zone)} is not after the booking (${day(event.at, limits.zone)}); at ${weeks} weeks the baby is due around ${day(expected, limits.zone)}: check the due date`,
    });
  else if (event.dueMs !== undefined && Math.abs(event.dueMs - expected) > DUE_DATE_TOLERANCE_MS)
    problems.push({
      field: 'due',
      reason: `${day(event.dueMs, limits.zone)} does not fit a booking at ${weeks} weeks on ${day(event.at, limits.zone)}, which puts the due date around ${day(expected, limits.zone)}: check the due date and the gestation`,
    });
}

/** An agreed action cannot be due before the day it was agreed: that date is already past, and the action would be born overdue. */
function checkActionDue(event: ThreadEvent<'action.agreed'>, limits: PlausibilityLimits, problems: FieldProblem[]): void {
  if (event.dueMs === undefined || event.dueMs >= startOfLocalDay(event.at, limits.zone)) return;
  problems.push({
    field: 'due',
    reason: `${day(event.dueMs, limits.zone)} is already past: an action agreed on ${day(event.at, limits.zone)} must be due on that day or later. Enter the date it is now due`,
  });
}

function sexesOf(sex: PersonFacts['sex']): GrowthSex[] {
  return sex === 'male' || sex === 'female' ? [sex] : ['male', 'female'];
}

function sexWord(sex: PersonFacts['sex']): string {
  return sex === 'male' ? 'a boy' : sex === 'female' ? 'a girl' : 'a child';
}

function outsideRangeReason(
  what: string,
  value: number,
  unit: string,
  whom: string,
  range: PlausibleRange,
  sdsLimit: number,
  advice: string,
): string {
  return `${what} ${value} ${unit} is not plausible for ${whom}: UK-WHO puts ±${sdsLimit} SDS at ${round(range.low)} to ${round(range.high)} ${unit}. Check the value and that it is ${advice}`;
}

function checkBirth(event: ThreadEvent<'birth'>, world: PlausibilityView, limits: PlausibilityLimits, problems: FieldProblem[]): void {
  const { gestationWeeks: weeks, gestationDays, birthWeightKg, sex } = event.data;
  if (!Number.isInteger(weeks) || weeks < GESTATION_WEEKS_RANGE.min || weeks > GESTATION_WEEKS_RANGE.max) {
    problems.push({
      field: 'gestationWeeks',
      reason: `${weeks} is not a gestation at which a baby is born (whole completed weeks, ${GESTATION_WEEKS_RANGE.min} to ${GESTATION_WEEKS_RANGE.max}): check the number`,
    });
    return;
  }
  const gestation = gestationOrTerm(weeks, gestationDays);
  const due = world.person(event.data.child)?.dueMs;
  if (due !== undefined) {
    const implied = 280 - (due - event.at) / DAY_MS;
    if (Math.abs(implied - gestation) * DAY_MS > DUE_DATE_TOLERANCE_MS)
      problems.push({
        field: 'gestationWeeks',
        reason: `a birth on ${day(event.at, limits.zone)} with the baby due ${day(due, limits.zone)} is at about ${Math.floor(implied / 7)} weeks, not ${weeks}: check the date of birth and the gestation`,
      });
  }
  const range = outsideUkWho('weight', sexesOf(sex), chartAge(0, gestation), birthWeightKg, limits.sdsLimit);
  if (range)
    problems.push({
      field: 'birthWeightKg',
      reason: outsideRangeReason(
        'a birth weight of',
        birthWeightKg,
        'kg',
        `${sexWord(sex)} born at ${weeks} weeks`,
        range,
        limits.sdsLimit,
        UNIT_ADVICE.weight,
      ),
    });
}

function checkMeasurement(
  event: ThreadEvent<'measurement'>,
  facts: PersonFacts | undefined,
  limits: PlausibilityLimits,
  problems: FieldProblem[],
): void {
  const { kind, value } = event.data;
  const growth = GROWTH_OF[kind];
  try {
    checkPlausibleValue(growth, value);
  } catch {
    problems.push({
      field: 'value',
      reason: `${value} ${UNITS[kind]} is not a possible ${kind.replace('-', ' ')} for anyone. Check that it is ${UNIT_ADVICE[kind]}`,
    });
    return;
  }
  if (facts?.bornMs === undefined || facts.role === 'adult') return;
  const daysOfLife = (event.at - facts.bornMs) / DAY_MS;
  if (daysOfLife < 0) return; // refused as dated before the birth
  const age = chartAge(daysOfLife, gestationOrTerm(facts.gestationWeeks, facts.gestationDays));
  const range = outsideUkWho(growth, sexesOf(facts.sex), age, value, limits.sdsLimit);
  if (range)
    problems.push({
      field: 'value',
      reason: outsideRangeReason(
        kind.replace('-', ' '),
        value,
        UNITS[kind],
        `${sexWord(facts.sex)} of ${describeAge(daysOfLife)}`,
        range,
        limits.sdsLimit,
        UNIT_ADVICE[kind],
      ),
    });
}

/**
 * Whether an event could be true: dates from 1900 to now (with the allowed clock skew),
 * nothing about a person before they were born (or, for a baby, before the pregnancy),
 * a booking's due date that fits its gestation, a birth at a gestation babies are born
 * at with a birth weight UK-WHO allows, and measurements within the partnership's SDS
 * limit of UK-WHO for the child's age and sex. Each refusal gives the value, what was
 * expected and how to correct it. Cheap on the hot path: a few comparisons, and one
 * SDS (two when the sex is unknown) per measurement.
 */
export function checkPlausibility(event: ThreadEvent, world: PlausibilityView, limits: PlausibilityLimits): FieldProblem[] {
  const problems: FieldProblem[] = [];
  checkDates(event, limits, problems);
  if (problems.length > 0) return problems;
  const subject = checkBeforeBirth(event, world, limits, problems);
  switch (event.type) {
    case 'person.recorded':
      checkPerson(event, limits, problems);
      break;
    case 'pregnancy.booked':
      checkBooking(event, limits, problems);
      break;
    case 'birth':
      checkBirth(event, world, limits, problems);
      break;
    case 'measurement':
      checkMeasurement(event, subject, limits, problems);
      break;
    case 'action.agreed':
      checkActionDue(event, limits, problems);
      break;
    default:
      break;
  }
  return problems;
}
