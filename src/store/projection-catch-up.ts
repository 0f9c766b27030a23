import type { Database } from './database.ts';
import type { World } from '../engine/world.ts';
import type { PersonState } from '../engine/world-view.ts';
import { personRow, writePersonRows, type PersonRow } from './projections.ts';

type StoredRow = Omit<PersonRow, 'born' | 'due' | 'recorded_at'> & { born: Date | string | null; due: Date | string | null };

const instant = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

/** Whether a stored row says what the engine's picture of the person says (first recorded aside: it never changes). */
function sameRow(stored: StoredRow | undefined, expected: PersonRow): boolean {
  if (!stored) return false;
  return (
    stored.role === expected.role &&
    stored.sex === expected.sex &&
    instant(stored.born) === expected.born &&
    instant(stored.due) === expected.due &&
    stored.given_name === expected.given_name &&
    stored.family_name === expected.family_name &&
    stored.nhs_number === expected.nhs_number &&
    stored.postcode === expected.postcode &&
    stored.area === expected.area &&
    stored.postcode_key === expected.postcode_key &&
    (stored.name_keys ?? []).join(' ') === expected.name_keys.join(' ')
  );
}

/** The first record each agency made about the person, for person_agencies. */
function agenciesOf(person: PersonState): { person: string; agency: string; since: string }[] {
  const first = new Map<string, number>();
  for (const event of person.events) if (event.agency && !first.has(event.agency)) first.set(event.agency, event.at);
  return [...first].map(([agency, at]) => ({ person: person.id, agency, since: new Date(at).toISOString() }));
}

/**
 * Brings the read projections up to date with the log when the store opens. Every path
 * that records through the RecordStore writes them in the same transaction as the event,
 * but a log loaded by other means (the demo's COPY, a store restored from a backup of the
 * events alone, rows written before a projection gained a column) would otherwise leave
 * people the engine knows unfindable. Compares the row of each person in memory with the
 * engine's picture after the rebuild and rewrites those missing or different; returns how many.
 */
export async function catchUpProjections(db: Database, world: World): Promise<number> {
  // After a snapshot only the families read back since (by the records after it) are in
  // memory; the others' rows were brought up to date before the snapshot was taken.
  const people = [...world.personsInMemory()];
  if (people.length === 0) return 0;
  const { rows } = await db.query<StoredRow>(
    'SELECT id, role, sex, born, due, given_name, family_name, nhs_number, postcode, area, name_keys, postcode_key FROM persons WHERE id = ANY($1)',
    [people.map((person) => person.id)],
  );
  const stored = new Map(rows.map((r) => [r.id, r]));
  const stale = people.filter((person) => !sameRow(stored.get(person.id), personRow(person)));
  if (stale.length === 0) return 0;
  await db.transaction((tx) => writePersonRows(tx, world, stale, stale.flatMap(agenciesOf)));
  return stale.length;
}
