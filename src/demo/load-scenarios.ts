import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import type { Database } from '../store/database.ts';
import { EVENT_COLUMNS, eventCopyRow } from '../store/event-rows.ts';
import { checkScenario } from '../replay/replay-scenario.ts';
import { readScenario, type Scenario } from '../replay/scenario-file.ts';
import { PROTOCOLS } from '../protocols/registry.ts';
import { REFERENCE_FIELDS } from '../domain/event-references.ts';
import { isEventType } from '../domain/event-schemas.ts';
import type { Agency } from '../domain/vocabulary.ts';
import { DEMO_ORGANISATIONS } from './demo-organisations.ts';
import { demoIdentities } from './demo-identities.ts';

const DATE_FIELDS = ['at', 'born', 'due', 'recordedAt'] as const;

/**
 * Gives every person of a scenario a synthetic identity (demo-identities.ts): their
 * records carry the name, NHS number, postcode and (adults) date of birth, a sex left
 * unknown is filled in, and a baby's birth comes with the record of its name and NHS
 * number, as the birth notification gives them.
 */
function withIdentities(
  scenarioId: string,
  events: readonly Record<string, unknown>[],
  nhsNumbers: Set<string>,
): Record<string, unknown>[] {
  const identities = demoIdentities(scenarioId, events, nhsNumbers);
  return events.flatMap((source) => {
    const event = { ...source };
    if (event.type === 'person.recorded') {
      const identity = identities.get(event.person as string);
      if (!identity) return [event];
      event.name ??= { given: identity.given, family: identity.family };
      event.nhsNumber ??= identity.nhsNumber;
      event.postcode ??= identity.postcode;
      if (event.sex === undefined || event.sex === 'unknown') event.sex = identity.sex;
      if (event.role === 'adult' && identity.born) event.born ??= identity.born;
      return [event];
    }
    if (event.type !== 'birth') return [event];
    const identity = identities.get(event.child as string);
    if (!identity) return [event];
    if (event.sex === 'unknown') event.sex = identity.sex;
    // Recorded the minute the baby is born (the birth notification), so the birth turns a named baby into a child.
    const notified = {
      id: `${String(event.id ?? event.child)}-nhs-number`,
      at: event.at,
      type: 'person.recorded',
      agency: event.agency,
      person: event.child,
      role: 'unborn',
      sex: event.sex,
      name: { given: identity.given, family: identity.family },
      nhsNumber: identity.nhsNumber,
      postcode: identity.postcode,
      note: 'NHS number issued at birth (birth notification).',
    };
    return [notified, event];
  });
}

/** How many whole days a scenario's dates move so that its last record falls today (in the scenario's time zone). */
export function storyShiftDays(scenario: Scenario, today: DateTime): number {
  const zone = scenario.timezone;
  const lastAt = (scenario.events.at(-1) as { at?: string } | undefined)?.at ?? today.toISODate()!;
  const last = DateTime.fromISO(lastAt, { zone });
  return Math.round(today.setZone(zone).startOf('day').diff(last.startOf('day'), 'days').days);
}

/** A scenario's local date or date-time moved by `days`, in the form it was written. */
export function shiftedDate(text: string, zone: string, days: number): string {
  const moved = DateTime.fromISO(text, { zone }).plus({ days });
  return text.length === 10 ? moved.toISODate()! : moved.toFormat("yyyy-MM-dd'T'HH:mm");
}

/**
 * Rewrites one scenario for the demo store: person and event ids are prefixed with the
 * scenario id so families from different files never collide (every field an event type
 * declares as naming a person or a record), every date moves by the same whole number of
 * days so that the family's story ends today, and GP and police records are attributed
 * to the demo's organisations (demo-organisations.ts).
 */
export function demoEvents(scenario: Scenario, today: DateTime, nhsNumbers = new Set<string>()): Record<string, unknown>[] {
  const zone = scenario.timezone;
  const prefix = (id: string) => `${scenario.scenario}-${id}`;
  const events = withIdentities(scenario.scenario, scenario.events as Record<string, unknown>[], nhsNumbers);
  const shiftDays = storyShiftDays(scenario, today);
  return events.map((source, index) => {
    const event: Record<string, unknown> = { ...source, id: prefix(typeof source.id === 'string' ? source.id : String(index)) };
    for (const { field } of isEventType(event.type) ? REFERENCE_FIELDS[event.type] : []) {
      if (typeof event[field] === 'string') event[field] = prefix(event[field]);
      else if (Array.isArray(event[field])) event[field] = (event[field] as string[]).map(prefix);
    }
    const organisation = DEMO_ORGANISATIONS[scenario.scenario]?.[event.agency as Agency];
    if (organisation && event.organisation === undefined) event.organisation = organisation;
    for (const field of DATE_FIELDS) {
      const text = event[field];
      if (typeof text !== 'string') continue;
      event[field] = shiftedDate(text, zone, shiftDays);
    }
    return event;
  });
}

/**
 * Imports every scenario in `dir` into an empty store as if each event had been
 * recorded when it happened; opening the RecordStore afterwards replays the log and
 * raises the findings at the moments a live system would have. Does nothing if the
 * store already holds records.
 */
export async function loadDemoScenarios(db: Database, dir: string, today = DateTime.now()): Promise<{ scenarios: number; events: number }> {
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM events');
  if (rows[0].n > 0) return { scenarios: 0, events: 0 };
  const files = (await readdir(dir)).filter((f) => f.endsWith('.scenario.json')).sort();
  let text = '';
  let count = 0;
  const all: { at: number; row: string }[] = [];
  // NHS numbers are never shared between families (the files are read in order, so the same on every run).
  const nhsNumbers = new Set<string>();
  for (const file of files) {
    const scenario = await readScenario(join(dir, file));
    const rewritten = { ...scenario, events: demoEvents(scenario, today, nhsNumbers) };
    const events = checkScenario(rewritten, PROTOCOLS);
    for (const event of events) {
      event.recordedAt = event.at;
      all.push({ at: event.at, row: eventCopyRow(event) });
    }
    count++;
  }
  // The log is in the order events were recorded, across families.
  all.sort((a, b) => a.at - b.at);
  for (const { row } of all) text += row;
  await db.transaction((tx) => tx.copyIn('events', EVENT_COLUMNS, text));
  return { scenarios: count, events: all.length };
}
