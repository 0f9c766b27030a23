import { Faker, base, en, en_GB } from '@faker-js/faker';
import { DateTime } from 'luxon';
import { checkDigitFor } from '../linkage/nhs-number.ts';
import { ADULT_NAMES, BABY_NAMES, GRANDPARENT_NAMES, SURNAMES } from './demo-names.ts';

/** Who a demo person is: invented, never a real person. */
export interface DemoIdentity {
  given: string;
  family: string;
  sex: 'female' | 'male';
  nhsNumber: string;
  postcode: string;
  /** Adults only (a child's date of birth is its birth record's). */
  born?: string;
}

type Event = Record<string, unknown>;

// The outward codes of the areas the scenarios name, so that a family's postcode is in its area.
const OUTWARD: Record<string, readonly string[]> = {
  cambridgeshire: ['PE13', 'PE15', 'PE16', 'PE19', 'CB6', 'CB7', 'CB1', 'PE1', 'PE2', 'PE7'],
  birmingham: ['B11', 'B12', 'B21', 'B23', 'B36', 'B44', 'B70', 'B71'],
  london: ['E6', 'E13', 'N17', 'N18', 'SE15', 'SE28', 'NW10'],
};
// Letters used in the last two places of a postcode (never C, I, K, M, O or V).
const INWARD_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ'.split('');

/** faker seeded by the scenario id, so each family's people are the same on every run and independent of the others. */
export function seededFaker(seed: string): Faker {
  const faker = new Faker({ locale: [en_GB, en, base] });
  let hash = 0;
  for (const c of seed) hash = (Math.imul(hash, 31) + c.charCodeAt(0)) | 0;
  faker.seed(hash >>> 0);
  return faker;
}

/** An NHS number from the range reserved for testing (999 000 0000 to 999 999 9999) with a valid check digit. */
function testNhsNumber(faker: Faker, taken: Set<string>): string {
  for (;;) {
    const nine = `999${faker.string.numeric(6)}`;
    const check = checkDigitFor(nine);
    const number = `${nine}${check}`;
    if (check !== null && !taken.has(number)) {
      taken.add(number);
      return number;
    }
  }
}

export function postcodeIn(faker: Faker, area: string | undefined): string {
  const key = Object.keys(OUTWARD).find((k) => area?.toLowerCase().includes(k)) ?? 'cambridgeshire';
  const outward = faker.helpers.arrayElement(OUTWARD[key]);
  return `${outward} ${faker.number.int({ min: 1, max: 9 })}${faker.helpers.arrayElement(INWARD_LETTERS)}${faker.helpers.arrayElement(INWARD_LETTERS)}`;
}

// Where a review gives a child a pseudonym the demo keeps it, so the family reads as the review does.
const PSEUDONYMS: Record<string, Record<string, string>> = { 'cambs-scr-2018-jack': { jack: 'Jack' } };

const isSex = (value: unknown): value is 'female' | 'male' => value === 'female' || value === 'male';

/**
 * A realistic synthetic identity for every person of one scenario, deterministic by the
 * scenario's id. Who is who comes from the records, not the ids: a mother (pregnancy or
 * birth) and her children share the family name, as do a sibling; a father shares it in
 * about half of families; grandparents and others have their own. Everyone of a family
 * lives at one postcode in the area recorded for them; NHS numbers are from the range
 * reserved for testing, so none can be a real person's.
 */
export function demoIdentities(scenarioId: string, events: readonly Event[], taken = new Set<string>()): Map<string, DemoIdentity> {
  const faker = seededFaker(scenarioId);
  const people = new Map<
    string,
    { sex?: string; role?: string; area?: string; first: string; kin?: 'mother' | 'child' | 'father' | 'other' }
  >();
  const note = (
    id: unknown,
    at: unknown,
    fields: { sex?: unknown; role?: unknown; area?: unknown; kin?: 'mother' | 'child' | 'father' | 'other' },
  ) => {
    if (typeof id !== 'string') return;
    const person = people.get(id) ?? { first: String(at) };
    if (isSex(fields.sex)) person.sex = fields.sex;
    if (typeof fields.role === 'string') person.role = fields.role;
    if (typeof fields.area === 'string') person.area ??= fields.area;
    if (fields.kin && (person.kin === undefined || person.kin === 'other')) person.kin = fields.kin;
    people.set(id, person);
  };
  for (const e of events) {
    if (e.type === 'person.recorded') note(e.person, e.at, { sex: e.sex, role: e.role, area: e.area });
    if (e.type === 'pregnancy.booked') {
      note(e.person, e.at, { kin: 'mother', sex: 'female' });
      note(e.unborn, e.at, { kin: 'child', role: 'unborn' });
    }
    if (e.type === 'birth') {
      note(e.mother, e.at, { kin: 'mother', sex: 'female' });
      note(e.child, e.at, { kin: 'child', role: 'child', sex: e.sex });
    }
    if (e.type === 'relationship.recorded') {
      const kind = e.kind;
      note(e.person, e.at, { kin: kind === 'father' ? 'father' : kind === 'mother' ? 'mother' : kind === 'sibling' ? 'child' : 'other' });
      note(e.of, e.at, { kin: 'child' });
    }
  }
  const area = [...people.values()].find((p) => p.area)?.area;
  const surname = () => faker.helpers.arrayElement(SURNAMES);
  const familyName = surname();
  const fatherShares = faker.datatype.boolean();
  const postcode = postcodeIn(faker, area);
  const identities = new Map<string, DemoIdentity>();
  for (const [id, person] of [...people].sort(([a], [b]) => a.localeCompare(b))) {
    const sex = isSex(person.sex) ? person.sex : faker.helpers.arrayElement(['female', 'male'] as const);
    const sharesName = person.kin === 'mother' || person.kin === 'child' || (person.kin === 'father' && fatherShares);
    const identity: DemoIdentity = {
      given:
        PSEUDONYMS[scenarioId]?.[id] ??
        faker.helpers.arrayElement(
          (person.role === 'adult' ? (person.kin === 'other' ? GRANDPARENT_NAMES : ADULT_NAMES) : BABY_NAMES)[sex],
        ),
      family: sharesName ? familyName : surname(),
      sex,
      nhsNumber: testNhsNumber(faker, taken),
      postcode: person.kin === 'other' && person.area && person.area !== area ? postcodeIn(faker, person.area) : postcode,
    };
    if (person.role === 'adult') {
      // Parents in their twenties or thirties at the first record, grandparents a generation older.
      const years = person.kin === 'other' ? faker.number.int({ min: 44, max: 62 }) : faker.number.int({ min: 21, max: 37 });
      const first = DateTime.fromISO(person.first.slice(0, 10));
      identity.born = first.minus({ years, days: faker.number.int({ min: 0, max: 364 }) }).toISODate()!;
    }
    identities.set(id, identity);
  }
  return identities;
}
