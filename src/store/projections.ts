import type { Transaction } from './database.ts';
import type { World } from '../engine/world.ts';
import type { ThreadEvent } from '../domain/events.ts';

const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());

/**
 * Writes the read projections (people, relationships, which agencies know whom) for the
 * people the given events touched, from the engine's current picture of them.
 */
// Only these records change who a person is or who they are to a child.
const CHANGES_PERSON = new Set<ThreadEvent['type']>([
  'person.recorded',
  'birth',
  'pregnancy.booked',
  'address.changed',
  'relationship.recorded',
]);

export async function writeProjections(
  tx: Transaction,
  world: World,
  events: readonly ThreadEvent[],
  knownAgencies?: Set<string>,
): Promise<void> {
  const touched = new Set<string>();
  const agencies = new Map<string, { person: string; agency: string; since: string }>();
  const relationships = new Map<string, { person: string; of: string; kind: string; since: string }>();
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
  for (const person of people) {
    for (const rel of world.carersOf(person.id))
      relationships.set(`${rel.person}\u0000${rel.of}\u0000${rel.kind}`, {
        person: rel.person,
        of: rel.of,
        kind: rel.kind,
        since: iso(rel.at)!,
      });
  }
  if (people.length > 0) {
    await tx.query(
      `INSERT INTO persons (id, role, sex, born, due, given_name, family_name, nhs_number, postcode, area, recorded_at)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::timestamptz[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::timestamptz[])
       ON CONFLICT (id) DO UPDATE SET role = EXCLUDED.role, sex = EXCLUDED.sex, born = EXCLUDED.born, due = EXCLUDED.due,
         given_name = EXCLUDED.given_name, family_name = EXCLUDED.family_name, nhs_number = EXCLUDED.nhs_number,
         postcode = EXCLUDED.postcode, area = EXCLUDED.area`,
      [
        people.map((p) => p.id),
        people.map((p) => p.role),
        people.map((p) => p.sex ?? null),
        people.map((p) => iso(p.bornMs)),
        people.map((p) => iso(p.dueMs)),
        people.map((p) => p.name?.given ?? null),
        people.map((p) => p.name?.family ?? null),
        people.map((p) => p.nhsNumber ?? null),
        people.map((p) => p.postcode ?? null),
        people.map((p) => p.area ?? null),
        people.map((p) => iso(p.firstRecordedAt)),
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
  const known = [...agencies.values()];
  if (known.length > 0) {
    await tx.query(
      `INSERT INTO person_agencies (person, agency, since) SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[]) ON CONFLICT DO NOTHING`,
      [known.map((a) => a.person), known.map((a) => a.agency), known.map((a) => a.since)],
    );
  }
}
