import type { Transaction } from './database.ts';
import type { World } from '../engine/world.ts';
import type { PersonState } from '../engine/world-view.ts';
import type { ThreadEvent } from '../domain/events.ts';
import { nameSearchKeys, postcodeSearchKey } from '../linkage/search-keys.ts';

const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());

// Only these records change who a person is or who they are to a child.
const CHANGES_PERSON = new Set<ThreadEvent['type']>([
  'person.recorded',
  'birth',
  'pregnancy.booked',
  'address.changed',
  'relationship.recorded',
]);

/** One row of the persons projection as the engine's picture of the person gives it. */
export interface PersonRow {
  id: string;
  role: string;
  sex: string | null;
  born: string | null;
  due: string | null;
  given_name: string | null;
  family_name: string | null;
  nhs_number: string | null;
  postcode: string | null;
  area: string | null;
  name_keys: string[];
  postcode_key: string | null;
  recorded_at: string;
}

export function personRow(p: PersonState): PersonRow {
  return {
    id: p.id,
    role: p.role,
    sex: p.sex ?? null,
    born: iso(p.bornMs),
    due: iso(p.dueMs),
    given_name: p.name?.given ?? null,
    family_name: p.name?.family ?? null,
    nhs_number: p.nhsNumber ?? null,
    postcode: p.postcode ?? null,
    area: p.area ?? null,
    name_keys: nameSearchKeys(p.name?.given, p.name?.family),
    postcode_key: postcodeSearchKey(p.postcode),
    recorded_at: iso(p.firstRecordedAt)!,
  };
}

/** Upserts persons rows, the relationships in which they are the child, and the agencies given. */
export async function writePersonRows(
  tx: Transaction,
  world: World,
  people: readonly PersonState[],
  agencies: readonly { person: string; agency: string; since: string }[] = [],
): Promise<void> {
  const relationships = new Map<string, { person: string; of: string; kind: string; since: string }>();
  for (const person of people) {
    for (const rel of world.carersOf(person.id))
      relationships.set(`${rel.person}\u0000${rel.of}\u0000${rel.kind}`, {
        person: rel.person,
        of: rel.of,
        kind: rel.kind,
        since: iso(rel.at)!,
      });
  }
  for (let i = 0; i < people.length; i += 5_000) {
    const rows = people.slice(i, i + 5_000).map(personRow);
    await tx.query(
      `INSERT INTO persons (id, role, sex, born, due, given_name, family_name, nhs_number, postcode, area, recorded_at, name_keys, postcode_key)
       SELECT t.id, t.role, t.sex, t.born, t.due, t.given_name, t.family_name, t.nhs_number, t.postcode, t.area, t.recorded_at,
              CASE WHEN t.name_keys = '' THEN '{}'::text[] ELSE string_to_array(t.name_keys, ' ') END, t.postcode_key
       FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::timestamptz[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::timestamptz[], $12::text[], $13::text[])
         AS t (id, role, sex, born, due, given_name, family_name, nhs_number, postcode, area, recorded_at, name_keys, postcode_key)
       ON CONFLICT (id) DO UPDATE SET role = EXCLUDED.role, sex = EXCLUDED.sex, born = EXCLUDED.born, due = EXCLUDED.due,
         given_name = EXCLUDED.given_name, family_name = EXCLUDED.family_name, nhs_number = EXCLUDED.nhs_number,
         postcode = EXCLUDED.postcode, area = EXCLUDED.area, name_keys = EXCLUDED.name_keys, postcode_key = EXCLUDED.postcode_key`,
      [
        rows.map((r) => r.id),
        rows.map((r) => r.role),
        rows.map((r) => r.sex),
        rows.map((r) => r.born),
        rows.map((r) => r.due),
        rows.map((r) => r.given_name),
        rows.map((r) => r.family_name),
        rows.map((r) => r.nhs_number),
        rows.map((r) => r.postcode),
        rows.map((r) => r.area),
        rows.map((r) => r.recorded_at),
        // Keys hold no spaces (letters, digits and a prefix), so one string per row carries them.
        rows.map((r) => r.name_keys.join(' ')),
        rows.map((r) => r.postcode_key),
      ],
    );
  }
  const rels = [...relationships.values()];
  if (rels.length > 0) {
    await tx.query(
      `INSERT INTO relationships (person, of, kind, since) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[]) ON CONFLICT DO NOTHING`,
      [rels.map((r) => r.person), rels.map((r) => r.of), rels.map((r) => r.kind), rels.map((r) => r.since)],
    );
  }
  if (agencies.length > 0) {
    await tx.query(
      `INSERT INTO person_agencies (person, agency, since) SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[]) ON CONFLICT DO NOTHING`,
      [agencies.map((a) => a.person), agencies.map((a) => a.agency), agencies.map((a) => a.since)],
    );
  }
}

/**
 * Writes the read projections (people, relationships, which agencies know whom) for the
 * people the given events touched, from the engine's current picture of them.
 */
export async function writeProjections(
  tx: Transaction,
  world: World,
  events: readonly ThreadEvent[],
  knownAgencies?: Set<string>,
): Promise<void> {
  const touched = new Set<string>();
  const agencies = new Map<string, { person: string; agency: string; since: string }>();
  for (const event of events) {
    const changes = CHANGES_PERSON.has(event.type) || event.supersedes !== undefined;
    for (const id of event.persons) {
      if (changes) touched.add(id);
      if (!event.agency) continue;
      const key = `${id}\u0000${event.agency}`;
      if (knownAgencies?.has(key)) continue;
      knownAgencies?.add(key);
      agencies.set(key, { person: id, agency: event.agency, since: iso(event.at)! });
    }
  }
  const people = [...touched].map((id) => world.person(id)).filter((p) => p !== undefined);
  await writePersonRows(tx, world, people, [...agencies.values()]);
}
