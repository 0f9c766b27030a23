// The synthetic population (bench/synthetic-population.ts) with the identities agencies
// record: names, NHS numbers, postcodes, telephones and emails for the mother and father,
// a GP's record of the child, and for some families a second agency's record of a parent
// keyed by another hand (a nickname or typo, a missing date of birth, a move), some of them
// confirmed or parted by a practitioner. The plain population records no names, so the
// identity linker would hold no one; this is the population it meets in practice.
// Deterministic for a given seed.
import { DateTime } from 'luxon';
import { COMMON_FAMILY, FEMALE_GIVEN, MALE_GIVEN, TOWNS, familyNameTail } from './linkage-synthetic-names.ts';
import { capitalise, digits, letter, nhsNumber, nicknamesByName, typo } from './linkage-synthetic-support.ts';
import { generatePopulation, random, type Family, type PopulationOptions } from './synthetic-population.ts';

export interface IdentifiedPopulationOptions extends PopulationOptions {
  /** Share of families where a second agency records a parent (default 0.3). */
  readonly duplicateShare?: number;
  /** Share of those second records a practitioner confirms or parts, half each (default 0.2). */
  readonly decisionShare?: number;
}

const SECOND_AGENCIES = ['police', 'children-social-care', 'adult-mental-health', 'housing', 'early-help'] as const;
const ZONE = 'Europe/London';

export function generateIdentifiedPopulation(options: IdentifiedPopulationOptions): Family[] {
  const rand = random((options.seed ?? 20261123) ^ 0x1de7);
  const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)];
  const tail = familyNameTail();
  const nicknames = nicknamesByName();
  const duplicateShare = options.duplicateShare ?? 0.3;
  const decisionShare = options.decisionShare ?? 0.2;
  const later = (at: unknown, days: number) =>
    DateTime.fromISO(String(at), { zone: ZONE }).plus({ days, hours: 1 }).toFormat("yyyy-MM-dd'T'HH:mm");
  return generatePopulation(options).map((family) => {
    const surname = capitalise(rand() < 0.7 ? pick(COMMON_FAMILY) : pick(tail));
    const town = pick(TOWNS);
    const postcode =
      `${pick(town.areas)}${1 + Math.floor(rand() * 30)} ${Math.floor(rand() * 10)}${letter(rand)}${letter(rand)}`.toUpperCase();
    const landline = rand() < 0.4 ? `01${digits(rand, 9)}` : undefined;
    const identities = new Map<string, Record<string, unknown>>();
    const events: Record<string, unknown>[] = [];
    for (const event of family.events) {
      if (event.type !== 'person.recorded') {
        events.push(event);
        if (event.type === 'gp.registered') events.push(childAtGp(event, family, surname, postcode, landline));
        continue;
      }
      const male = event.sex === 'male';
      const identity = {
        name: {
          given: capitalise(pick(male ? MALE_GIVEN : FEMALE_GIVEN)),
          family: rand() < 0.85 ? surname : capitalise(pick(COMMON_FAMILY)),
        },
        born:
          event.born ??
          DateTime.fromISO(String(event.at))
            .minus({ days: Math.floor((18 + rand() * 27) * 365) })
            .toISODate(),
        ...(rand() < 0.8 ? { nhsNumber: nhsNumber(rand) } : {}),
        postcode,
        ...(rand() < 0.7 ? { phone: `07${digits(rand, 9)}` } : landline ? { phone: landline } : {}),
        ...(rand() < 0.4 ? { email: `${letter(rand)}${surname.toLowerCase()}${Math.floor(rand() * 100)}@example.org` } : {}),
      };
      identities.set(String(event.person), identity);
      events.push({ ...event, ...identity });
    }
    if (rand() < duplicateShare) events.push(...secondRecord(events, identities));
    return { ...family, events };
  });

  /** The GP's own record of the child (the linker learns of children from person records only). */
  function childAtGp(registered: Record<string, unknown>, family: Family, surname: string, postcode: string, landline?: string) {
    const birth = family.events.find((e) => e.type === 'birth')!;
    return {
      at: registered.at,
      type: 'person.recorded',
      person: `${String(registered.person)}-gp`,
      role: 'child',
      agency: 'gp',
      sex: birth.sex,
      name: { given: capitalise(pick(birth.sex === 'male' ? MALE_GIVEN : FEMALE_GIVEN)), family: surname },
      born: String(birth.at).slice(0, 10),
      postcode,
      ...(landline ? { phone: landline } : {}),
      ...(rand() < 0.9 ? { nhsNumber: nhsNumber(rand) } : {}),
    };
  }

  /** Another agency's record of a parent, keyed by another hand; sometimes confirmed or parted by a practitioner. */
  function secondRecord(events: Record<string, unknown>[], identities: Map<string, Record<string, unknown>>) {
    const parents = [...identities.keys()];
    const parent = pick(parents);
    const original = events.find((e) => e.type === 'person.recorded' && e.person === parent)!;
    const identity = identities.get(parent)! as {
      name: { given: string; family: string };
      born: string;
      postcode: string;
      nhsNumber?: string;
    };
    const agency = pick(SECOND_AGENCIES);
    const id = `${parent}-${agency}`;
    let given = identity.name.given;
    const roll = rand();
    if (roll < 0.1 && nicknames.has(given.toLowerCase())) given = capitalise(pick(nicknames.get(given.toLowerCase())!));
    else if (roll < 0.2) given = typo(given, rand);
    const at = later(original.at, 30 + Math.floor(rand() * 300));
    const second: Record<string, unknown> = {
      at,
      type: 'person.recorded',
      person: id,
      role: 'adult',
      agency,
      sex: original.sex,
      name: { given, family: identity.name.family },
      ...(rand() < 0.85 ? { born: identity.born } : {}),
      ...(rand() < 0.8 ? { postcode: identity.postcode } : {}),
      ...(identity.nhsNumber && rand() < 0.3 ? { nhsNumber: identity.nhsNumber } : {}),
    };
    const records = [second];
    if (rand() < decisionShare) {
      const decidedAt = later(at, 2);
      const recordedBy = { role: 'safeguarding-lead', name: 'A Lead' };
      records.push(
        rand() < 0.5
          ? { at: decidedAt, type: 'identity.linked', person: id, to: parent, basis: 'confirmed', agency, recordedBy }
          : {
              at: decidedAt,
              type: 'identity.unlinked',
              person: id,
              from: parent,
              reason: 'a different person: checked',
              agency,
              recordedBy,
            },
      );
    }
    return records;
  }
}
