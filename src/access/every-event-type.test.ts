// For every event type and every field that names a person or a record (read from the
// schemas' declarations, src/domain/reference-ids.ts), a user of an organisation never
// involved with a family gains nothing by writing a record whose field names that
// family: the record is refused (403) before anything is stored, and the family stays
// closed to them. The same record naming only the writer's own family is accepted, so
// each refusal is need-to-know's, not a malformed fixture's. A new event type or
// reference field without a fixture in event-fixtures.ts fails here.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { EVENT_TYPES, type EventType } from '../domain/event-schemas.ts';
import { REFERENCE_FIELDS, undeclaredIdFields } from '../domain/event-references.ts';
import { DEFAULT_ORGANISATIONS } from '../config/organisations.ts';
import { startTestApp, type TestApp } from '../server/test-app.ts';
import { apiCaller, userIn, type Call } from '../server/test-caller.ts';
import type { Principal } from './principal.ts';
import { EVENT_FIXTURES, type FixtureIds, type FixtureRole, type FixtureWriter } from './event-fixtures.ts';

const ZONE = 'Europe/London';
const NOW = DateTime.now().setZone(ZONE);
const local = (dt: DateTime) => dt.toFormat("yyyy-MM-dd'T'HH:mm");
const AT = local(NOW.minus({ hours: 1 }));

/** Organisations of each writer's type that are never involved with the target family. */
const OUTSIDERS: Record<FixtureWriter, string> = { police: 'ZPF002', gp: 'Y10002', 'social-worker': 'ZLA002' };
const SECOND_LOCAL_AUTHORITY = { code: 'ZLA002', name: "Northshire Council Children's Services", agency: 'children-social-care' };
const CONFIG = {
  organisations: [...DEFAULT_ORGANISATIONS.filter((o) => o.agency === 'children-social-care'), SECOND_LOCAL_AUTHORITY],
};

/** The people of one family, made for the test; unborn babies are used once (a birth turns one into a child). */
interface Family {
  name: string;
  adults: string[];
  children: string[];
  unborns: string[];
  usedUnborns: number;
}

/** The fields of a fixture that name people or records, found by building it once with placeholder ids. */
function requestedFields(type: EventType): {
  persons: string[];
  events: Map<string, { type: EventType; fields?: Record<string, unknown> }>;
} {
  const persons: string[] = [];
  const events = new Map<string, { type: EventType; fields?: Record<string, unknown> }>();
  EVENT_FIXTURES[type]!.build({
    person: (field) => (persons.push(field), 'placeholder'),
    event: (field, of, fields) => (events.set(field, { type: of, fields }), 'placeholder'),
    day: () => '2024-01-01',
  });
  return { persons, events };
}

describe('every event type, every reference field: an uninvolved organisation gains nothing by writing it', () => {
  let t: TestApp;
  let call: Call;
  const writers = {} as Record<FixtureWriter, Principal>;
  let target: Family;
  let counter = 0;

  const eventCount = async () => (await t.services.db.query<{ n: number }>('SELECT count(*)::int AS n FROM events')).rows[0].n;

  /** Ids for one record: the field under test from `attacked`, every other from `own`. */
  function idsFor(own: Family, attacked: Family, underTest: string | undefined, refs: Map<string, string>): FixtureIds {
    const taken = { adult: 0, child: 0 };
    return {
      person(field: string, role: FixtureRole) {
        const family = field === underTest ? attacked : own;
        if (role === 'new') return family === own ? `${own.name}-new-${++counter}` : attacked.unborns.at(-1)!;
        if (role === 'unborn') return family === own ? family.unborns[family.usedUnborns++] : family.unborns[0];
        const list = role === 'adult' ? family.adults : family.children;
        return list[taken[role]++ % list.length];
      },
      // Undefined (the field left out) only for a record's reference to another of its own type.
      event: (field) => refs.get(field)!,
      day: (offset) => NOW.plus({ days: offset }).toISODate()!,
    };
  }

  /**
   * Stores a record of `type` about the family through the trusted path (as an import
   * would), with `fields` replacing some of the fixture's, and returns its id. A record
   * that may refer to another of its own type (an escalation following one) is made
   * without that reference.
   */
  async function recordOf(family: Family, type: EventType, organisation: string, fields: Record<string, unknown> = {}): Promise<string> {
    const refs = new Map<string, string>();
    for (const [field, of] of requestedFields(type).events)
      if (of.type !== type) refs.set(field, await recordOf(family, of.type, organisation, of.fields));
    const id = `${family.name}-${type}-${++counter}`;
    const agency = t.services.store.engine.world.organisations.get(organisation)!.agency;
    const built = EVENT_FIXTURES[type]!.build(idsFor(family, family, undefined, refs));
    const body = { id, type, at: AT, agency, organisation, ...built, ...fields };
    const result = await t.services.store.submit(body, id);
    assert.equal(result.status, 'accepted');
    return id;
  }

  /** A family made by an organisation (so it is involved with all of them), with spare unborn babies. */
  async function family(name: string, write: (body: Record<string, unknown>) => Promise<void>): Promise<Family> {
    const made: Family = { name, adults: [`${name}-mum`, `${name}-dad`], children: [`${name}-child`], unborns: [], usedUnborns: 0 };
    const at = local(NOW.minus({ days: 200 }));
    for (const [person, sex] of [
      [made.adults[0], 'female'],
      [made.adults[1], 'male'],
    ])
      await write({ type: 'person.recorded', at, person, role: 'adult', sex });
    await write({
      type: 'person.recorded',
      at: local(NOW.minus({ days: 110 })),
      person: made.children[0],
      role: 'child',
      sex: 'male',
      born: NOW.minus({ days: 120 }).toISODate(),
    });
    for (let i = 1; i <= 4; i++) {
      const unborn = `${name}-unborn-${i}`;
      await write({
        type: 'pregnancy.booked',
        at,
        person: made.adults[0],
        unborn,
        gestationWeeks: 12,
        due: NOW.plus({ days: 7 }).toISODate(),
      });
      made.unborns.push(unborn);
    }
    return made;
  }

  before(async () => {
    t = await startTestApp({ config: CONFIG });
    call = apiCaller(t);
    for (const [role, organisation] of Object.entries(OUTSIDERS) as [FixtureWriter, string][])
      writers[role] = await userIn(t, `outsider-${role}`, role, organisation);
    target = await family('target', async (body) => {
      const id = `target-setup-${++counter}`;
      await t.services.store.submit({ id, agency: 'midwifery', ...body }, id);
    });
  });
  after(() => t.close());

  test('every event type has a fixture that sets every reference field, and no id field is left undeclared', () => {
    const problems: string[] = [];
    for (const type of EVENT_TYPES) {
      for (const field of undeclaredIdFields(type))
        problems.push(`${type}.${field} is an id: declare it personRef or eventRef (src/domain/reference-ids.ts)`);
      if (!EVENT_FIXTURES[type]) {
        problems.push(`${type} has no fixture: add one to src/access/event-fixtures.ts`);
        continue;
      }
      const { persons, events } = requestedFields(type);
      for (const { field, kind } of REFERENCE_FIELDS[type]) {
        if (field === 'supersedes') continue;
        const set = kind === 'person' ? persons.includes(field) : events.has(field);
        if (!set) problems.push(`the fixture for ${type} does not set ${field} through ids.${kind}(...)`);
      }
    }
    assert.deepEqual(problems, []);
  });

  for (const type of EVENT_TYPES) {
    const fields = REFERENCE_FIELDS[type].map((r) => r.field);
    test(`${type}: naming another family in ${fields.join(', ')} is refused and grants nothing`, async (context) => {
      const fixture = EVENT_FIXTURES[type];
      if (!fixture) return context.skip('no fixture (the test above fails)');
      const writer = writers[fixture.writer ?? 'police'];
      // The target family's own records of this kind are made by the default organisation of the writer's type.
      const insider = t.services.store.engine.world.organisations.defaultFor(writer.agency).code;
      for (const field of fields) {
        const own = await family(`${writer.username}-${++counter}`, async (body) => {
          const response = await call(writer, 'POST', '/api/events', body);
          assert.equal(response.statusCode, 201, response.body);
        });
        const ownRefs = new Map<string, string>();
        const targetRefs = new Map<string, string>();
        for (const [refField, of] of requestedFields(type).events) {
          ownRefs.set(refField, await recordOf(own, of.type, writer.organisation, of.fields));
          targetRefs.set(refField, await recordOf(target, of.type, insider, of.fields));
        }
        const attackRefs = new Map(ownRefs);
        if (targetRefs.has(field)) attackRefs.set(field, targetRefs.get(field)!);
        // Sent as a client would, without agency or organisation: the API takes both from the account, for every type.
        const envelope = { type, at: AT };
        const control: Record<string, unknown> = { ...envelope, ...fixture.build(idsFor(own, target, undefined, ownRefs)) };
        const attack: Record<string, unknown> = { ...envelope, ...fixture.build(idsFor(own, target, field, attackRefs)) };
        if (field === 'supersedes') {
          control.supersedes = await recordOf(own, type, writer.organisation);
          attack.supersedes = await recordOf(target, type, insider);
        }
        const accepted = await call(writer, 'POST', '/api/events', control);
        assert.equal(accepted.statusCode, 201, `${type} naming only the writer's own family must be accepted: ${accepted.body}`);
        const before = await eventCount();
        const refused = await call(writer, 'POST', '/api/events', attack);
        assert.equal(refused.statusCode, 403, `${type}.${field} naming another family: ${refused.body}`);
        assert.equal(await eventCount(), before, `${type}.${field}: nothing is stored`);
        for (const person of [...target.adults, ...target.children, ...target.unborns]) {
          const opened = await call(writer, 'GET', `/api/persons/${person}`);
          assert.equal(opened.statusCode, 403, `${type}.${field}: ${person} stays closed`);
        }
      }
    });
  }
});
