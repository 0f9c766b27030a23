import type { PersonRecord } from '../src/linkage/person-record.ts';
import { randomInt, seededRandom } from '../src/linkage/random.ts';
import {
  DIGITS_AND_LETTERS,
  capitalise,
  commonThenTail,
  digits,
  letter,
  mistypeDate,
  nhsNumber,
  nicknamesByName,
  picker,
  randomDate,
  transposeDayMonth,
  typo,
  weighted,
  type Weighted,
} from './linkage-synthetic-support.ts';
import { COMMON_FAMILY, EMAIL_DOMAINS, FEMALE_GIVEN, MALE_GIVEN, TOWNS, familyNameTail } from './linkage-synthetic-names.ts';

/**
 * A synthetic population recorded by several agencies: people live in households
 * (shared surname, postcode and landline; twins among the children), and each person
 * has one to four records, each keyed by a different hand: typos, nicknames, swapped
 * names, a married name, transposed or mistyped dates, moves, missing fields.
 * `truth[i]` is the person behind record i.
 */
export interface SyntheticPopulation {
  readonly records: PersonRecord[];
  readonly truth: Int32Array;
  readonly people: number;
}

interface Person {
  given: string;
  family: string;
  sex: 'female' | 'male';
  born: string;
  postcode: string;
  town: string;
  nhsNumber: string;
  email?: string;
  phone?: string;
}

const RECORDS_PER_PERSON = [
  { count: 1, weight: 0.55 },
  { count: 2, weight: 0.25 },
  { count: 3, weight: 0.12 },
  { count: 4, weight: 0.08 },
];

export function generatePopulation(options: { readonly records: number; readonly seed?: number }): SyntheticPopulation {
  const random = seededRandom(options.seed ?? 20240601);
  const pick = picker(random);
  // Calibrated to England and Wales: the commonest given name is about 2.5% of its sex,
  // Smith about 1.1% of people, and the 170 commonest surnames about 30% of people.
  const female = weighted(FEMALE_GIVEN, (rank) => 1 / (rank + 25));
  const male = weighted(MALE_GIVEN, (rank) => 1 / (rank + 25));
  const tail = familyNameTail();
  const family = commonThenTail(COMMON_FAMILY, tail, 0.3, (rank) => 1 / (rank + 10));
  const towns = weighted(TOWNS, (rank) => TOWNS[rank].weight);
  const recordsPerPerson = weighted(RECORDS_PER_PERSON, (rank) => RECORDS_PER_PERSON[rank].weight);
  const nicknames = nicknamesByName();

  const records: PersonRecord[] = [];
  const truthList: number[] = [];
  let people = 0;
  const newPostcode = (town: (typeof TOWNS)[number]) =>
    `${pick(town.areas)}${1 + randomInt(random, 30)} ${randomInt(random, 10)}${letter(random)}${letter(random)}`.toUpperCase();

  while (records.length < options.records) {
    const town = pick(towns);
    const household = {
      family: pick(family),
      postcode: newPostcode(town),
      landline: random() < 0.4 ? `01${digits(random, 9)}` : undefined,
    };
    const adults = random() < 0.4 ? 1 : 2;
    const children = random() < 0.45 ? 1 + randomInt(random, 3) : 0;
    const members: Person[] = [];
    for (let a = 0; a < adults; a++) {
      const sex = a === 0 ? (random() < 0.55 ? 'female' : 'male') : members[0].sex === 'female' ? 'male' : 'female';
      const given = pick(sex === 'female' ? female : male);
      const ownFamily = a === 1 && random() < 0.3 ? pick(family) : household.family;
      members.push({
        given,
        family: ownFamily,
        sex,
        born: randomDate(random, 1950, 2004),
        postcode: household.postcode,
        town: town.town,
        nhsNumber: nhsNumber(random),
        email:
          random() < 0.7
            ? `${given}${random() < 0.5 ? '.' : ''}${ownFamily}${random() < 0.6 ? randomInt(random, 100) : ''}@${pick(EMAIL_DOMAINS)}`
            : undefined,
        phone: random() < 0.8 ? `07${digits(random, 9)}` : household.landline,
      });
    }
    let previousBorn: string | null = null;
    for (let c = 0; c < children; c++) {
      const sex = random() < 0.5 ? 'female' : 'male';
      const twin: boolean = previousBorn !== null && random() < 0.06;
      const born: string = twin ? previousBorn! : randomDate(random, 2006, 2024);
      previousBorn = born;
      members.push({
        given: pick(sex === 'female' ? female : male),
        family: household.family,
        sex,
        born,
        postcode: household.postcode,
        town: town.town,
        nhsNumber: nhsNumber(random),
        phone: household.landline,
      });
    }
    for (const person of members) {
      const count = pick(recordsPerPerson).count;
      for (let r = 0; r < count && records.length < options.records; r++) {
        records.push(
          recordOf(person, `r${records.length}`, random, pick, nicknames, () =>
            newPostcode(random() < 0.7 ? TOWNS.find((t) => t.town === person.town)! : pick(towns)),
          ),
        );
        truthList.push(people);
      }
      people++;
    }
  }
  return { records, truth: Int32Array.from(truthList), people };
}

function recordOf(
  person: Person,
  id: string,
  random: () => number,
  pick: <T>(items: Weighted<T> | readonly T[]) => T,
  nicknames: Map<string, string[]>,
  movedPostcode: () => string,
): PersonRecord {
  let given: string | undefined = person.given,
    family: string | undefined = person.family;
  const roll = random();
  if (roll < 0.06 && nicknames.has(given)) given = pick(nicknames.get(given)!);
  else if (roll < 0.12) given = typo(given, random);
  if (random() < 0.05) family = typo(family, random);
  else if (person.sex === 'female' && person.born < '2000' && random() < 0.03) family = pick(COMMON_FAMILY);
  if (random() < 0.02) [given, family] = [family, given];
  if (random() < 0.06) given = undefined;
  if (random() < 0.04) family = undefined;

  let born: string | undefined = person.born;
  const dateRoll = random();
  if (dateRoll < 0.03) born = transposeDayMonth(born);
  else if (dateRoll < 0.06) born = mistypeDate(born, random);
  else if (dateRoll < 0.1) born = undefined;

  let postcode: string | undefined = person.postcode;
  const postcodeRoll = random();
  if (postcodeRoll < 0.15) postcode = movedPostcode();
  else if (postcodeRoll < 0.17) postcode = typo(postcode, random, DIGITS_AND_LETTERS);
  else if (postcodeRoll < 0.3) postcode = undefined;

  return {
    id,
    name: { given: given && capitalise(given), family: family && capitalise(family) },
    born,
    sex: random() < 0.9 ? person.sex : undefined,
    nhsNumber: random() < 0.4 ? (random() < 0.02 ? typo(person.nhsNumber, random, '0123456789') : person.nhsNumber) : undefined,
    postcode,
    area: random() < 0.8 ? (random() < 0.03 ? typo(person.town, random) : person.town) : undefined,
    email: person.email && random() < 0.5 ? (random() < 0.05 ? typo(person.email, random) : person.email) : undefined,
    phone: person.phone && random() < 0.5 ? (random() < 0.04 ? typo(person.phone, random, '0123456789') : person.phone) : undefined,
  };
}
