import type { PersonRecord } from '../src/linkage/person-record.ts';
import { randomInt, seededRandom } from '../src/linkage/random.ts';
import { COMMON_FAMILY, EMAIL_DOMAINS, FEMALE_GIVEN, MALE_GIVEN, TOWNS, familyNameTail, givenNameTail } from './linkage-synthetic-names.ts';
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
} from './linkage-synthetic-support.ts';

/**
 * The hard labelled set: records as agencies really hold them, messier than Splink's
 * fake_1000. Families live in households (shared family name, postcode, landline and
 * town); some sons carry their father's given name and some children are twins, which
 * is where a linker that counts household fields as independent evidence goes wrong.
 * Each person has one to four records, each keyed by a different hand with the errors
 * below. Deterministic by seed. `truth[i]` is the person behind record i.
 *
 * Every rate is the chance for one record (or person), drawn independently, except where
 * a note says otherwise; `describeHardSet` measures what was actually applied.
 */
export const HARD_SET_RATES = {
  households: {
    twoAdults: 0.6,
    /** Households with children (one to three). */
    withChildren: 0.5,
    /** A child after the first is the twin of the child before. */
    twin: 0.05,
    /** A son (at most one per household) is given his father's given name. */
    sonNamedAfterFather: 0.05,
    /** The second adult keeps a different family name. */
    partnerOwnFamilyName: 0.3,
    landline: 0.4,
  },
  names: {
    nickname: 0.08,
    givenTypo: 0.1,
    /** Of the mistyped given names, the share with a second keying error. */
    secondTypo: 0.2,
    familyTypo: 0.08,
    /** A woman born before 2000 recorded under another family name (marriage). */
    otherFamilyName: 0.04,
    swapped: 0.04,
    /** The given name written in the family-name field, the given-name field empty. */
    givenInFamilyField: 0.02,
    givenMissing: 0.14,
    familyMissing: 0.1,
  },
  dateOfBirth: {
    /** Only where the day is 12 or less and differs from the month. */
    dayMonthSwapped: 0.04,
    yearOut: 0.03,
    decadeOut: 0.02,
    digitMistyped: 0.03,
    missing: 0.18,
  },
  other: {
    sexMissing: 0.22,
    sexWrong: 0.01,
    postcodeMoved: 0.15,
    postcodeTypo: 0.03,
    postcodeMissing: 0.22,
    townTypo: 0.03,
    townMissing: 0.22,
    /** Of people with an email address or telephone, records holding it. */
    emailHeld: 0.5,
    emailTypo: 0.05,
    phoneHeld: 0.5,
    phoneTypo: 0.04,
    /** Only health records carry an NHS number. */
    healthRecord: 0.4,
    nhsNumberHeldByHealth: 0.85,
    nhsNumberMistyped: 0.05,
  },
} as const;

type Widen<T> = { readonly [K in keyof T]: T[K] extends number ? number : Widen<T[K]> };
export type HardSetRates = Widen<typeof HARD_SET_RATES>;

export interface HardSet {
  readonly records: PersonRecord[];
  readonly truth: Int32Array;
  readonly people: number;
  /** Per record, the household of its person (for diagnostics: which false links were within a family). */
  readonly householdOf: Int32Array;
  /** How many records each corruption was applied to. */
  readonly applied: ReadonlyMap<string, number>;
  /** How many people were twins, or sons named after their father. */
  readonly family: ReadonlyMap<string, number>;
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

/** People given a name outside the two hundred common ones. */
const RARE_GIVEN_NAMES = 0.4;

const RECORDS_PER_PERSON = [
  { count: 1, weight: 0.35 },
  { count: 2, weight: 0.25 },
  { count: 3, weight: 0.2 },
  { count: 4, weight: 0.12 },
  { count: 5, weight: 0.08 },
];

export function generateHardSet(options: { readonly records: number; readonly seed?: number; readonly rates?: HardSetRates }): HardSet {
  const allRates = options.rates ?? HARD_SET_RATES;
  const random = seededRandom(options.seed ?? 15);
  const pick = picker(random);
  const chance = (p: number) => random() < p;
  const applied = new Map<string, number>();
  const familyCounts = new Map<string, number>();
  const count = (what: string) => applied.set(what, (applied.get(what) ?? 0) + 1);
  const countPerson = (what: string) => familyCounts.set(what, (familyCounts.get(what) ?? 0) + 1);
  const givenNames = (common: readonly string[], sex: 'female' | 'male') =>
    commonThenTail(
      common,
      givenNameTail(sex).filter((name) => !common.includes(name)),
      1 - RARE_GIVEN_NAMES,
      (rank) => 1 / (rank + 25),
    );
  const female = givenNames(FEMALE_GIVEN, 'female');
  const male = givenNames(MALE_GIVEN, 'male');
  const tail = familyNameTail({ long: true });
  const family = commonThenTail(COMMON_FAMILY, tail, 0.3, (rank) => 1 / (rank + 10));
  const towns = weighted(TOWNS, (rank) => TOWNS[rank].weight);
  const recordsPerPerson = weighted(RECORDS_PER_PERSON, (rank) => RECORDS_PER_PERSON[rank].weight);
  const nicknames = nicknamesByName();
  const rates = allRates.households;
  const newPostcode = (town: (typeof TOWNS)[number]) =>
    `${pick(town.areas)}${1 + randomInt(random, 30)} ${randomInt(random, 10)}${letter(random)}${letter(random)}`.toUpperCase();
  const givenFor = (sex: 'female' | 'male') => pick(sex === 'female' ? female : male);
  const contact = (given: string, familyName: string, mobile: boolean, landline: string | undefined) => ({
    email: chance(0.6)
      ? `${given}${chance(0.5) ? '.' : ''}${familyName}${chance(0.6) ? randomInt(random, 100) : ''}@${pick(EMAIL_DOMAINS)}`
      : undefined,
    phone: mobile && chance(0.8) ? `07${digits(random, 9)}` : landline,
  });

  const records: PersonRecord[] = [];
  const truth: number[] = [];
  const households: number[] = [];
  let people = 0,
    household = 0;
  while (records.length < options.records) {
    const town = pick(towns);
    const home = {
      family: pick(family),
      postcode: newPostcode(town),
      landline: chance(rates.landline) ? `01${digits(random, 9)}` : undefined,
    };
    const members: Person[] = [];
    const firstSex = chance(0.55) ? 'female' : 'male';
    const firstYear = 1955 + randomInt(random, 48);
    const adult = (sex: 'female' | 'male', year: number, familyName: string): Person => {
      const given = givenFor(sex);
      return {
        given,
        family: familyName,
        sex,
        born: randomDate(random, year, year),
        postcode: home.postcode,
        town: town.town,
        nhsNumber: nhsNumber(random),
        ...contact(given, familyName, true, home.landline),
      };
    };
    members.push(adult(firstSex, firstYear, home.family));
    if (chance(rates.twoAdults)) {
      const partnerFamily = chance(rates.partnerOwnFamilyName) ? pick(family) : home.family;
      members.push(adult(firstSex === 'female' ? 'male' : 'female', Math.min(2004, firstYear - 6 + randomInt(random, 13)), partnerFamily));
    }
    const mother = members.find((member) => member.sex === 'female') ?? members[0];
    const father = members.find((member) => member.sex === 'male');
    const motherYear = Number(mother.born.slice(0, 4));
    const firstChildYear = motherYear + 17,
      lastChildYear = Math.min(2024, motherYear + 44);
    if (chance(rates.withChildren) && firstChildYear <= lastChildYear) {
      const children = 1 + randomInt(random, 3);
      let previous: Person | null = null;
      let sonNamed = false;
      for (let c = 0; c < children; c++) {
        const twin: boolean = previous !== null && chance(rates.twin);
        const sex = chance(0.5) ? 'female' : 'male';
        let given = givenFor(sex);
        if (twin) {
          countPerson('twins (the second of a pair)');
          while (given === previous!.given) given = givenFor(sex);
        }
        if (sex === 'male' && father && !sonNamed && chance(rates.sonNamedAfterFather)) {
          given = father.given;
          sonNamed = true;
          countPerson('sons named after their father');
        }
        const born: string = twin ? previous!.born : randomDate(random, firstChildYear, lastChildYear);
        const grownUp = Number(born.slice(0, 4)) <= 2006;
        const child: Person = {
          given,
          family: home.family,
          sex,
          born,
          postcode: home.postcode,
          town: town.town,
          nhsNumber: nhsNumber(random),
          ...(grownUp ? contact(given, home.family, true, home.landline) : { phone: home.landline }),
        };
        members.push(child);
        previous = child;
      }
    }
    for (const person of members) {
      const copies = pick(recordsPerPerson).count;
      for (let r = 0; r < copies && records.length < options.records; r++) {
        records.push(
          recordOf(person, `r${records.length}`, { random, chance, pick, count, nicknames, familyNames: family, rates: allRates }, () => {
            const moveTo = chance(0.7) ? TOWNS.find((t) => t.town === person.town)! : pick(towns);
            return { postcode: newPostcode(moveTo), town: moveTo.town };
          }),
        );
        truth.push(people);
        households.push(household);
      }
      people++;
    }
    household++;
  }
  return { records, truth: Int32Array.from(truth), people, householdOf: Int32Array.from(households), applied, family: familyCounts };
}

interface Keying {
  readonly random: () => number;
  readonly chance: (p: number) => boolean;
  readonly pick: ReturnType<typeof picker>;
  readonly count: (what: string) => void;
  readonly nicknames: Map<string, string[]>;
  readonly familyNames: Parameters<ReturnType<typeof picker>>[0];
  readonly rates: HardSetRates;
}

function recordOf(person: Person, id: string, keying: Keying, move: () => { postcode: string; town: string }): PersonRecord {
  const { random, chance, pick, count } = keying;
  const names = keying.rates.names,
    dates = keying.rates.dateOfBirth,
    other = keying.rates.other;

  let given: string | undefined = person.given,
    familyName: string | undefined = person.family;
  const givenRoll = random();
  if (givenRoll < names.nickname && keying.nicknames.has(given)) {
    given = pick(keying.nicknames.get(given)!);
    count('nickname');
  } else if (givenRoll >= names.nickname && givenRoll < names.nickname + names.givenTypo) {
    given = typo(given, random);
    if (chance(names.secondTypo)) given = typo(given, random);
    count('given name mistyped');
  }
  const familyRoll = random();
  if (familyRoll < names.familyTypo) {
    familyName = typo(familyName, random);
    count('family name mistyped');
  } else if (familyRoll < names.familyTypo + names.otherFamilyName && person.sex === 'female' && person.born < '2000') {
    familyName = pick(keying.familyNames) as string;
    count('another family name');
  }
  const fieldRoll = random();
  if (fieldRoll < names.swapped) {
    [given, familyName] = [familyName, given];
    count('given and family names swapped');
  } else if (fieldRoll < names.swapped + names.givenInFamilyField) {
    [given, familyName] = [undefined, given];
    count('given name in the family-name field');
  }
  if (chance(names.givenMissing)) given = undefined;
  if (chance(names.familyMissing)) familyName = undefined;

  let born: string | undefined = person.born;
  const dateRoll = random();
  const swapBelow = dates.dayMonthSwapped,
    yearBelow = swapBelow + dates.yearOut,
    decadeBelow = yearBelow + dates.decadeOut,
    digitBelow = decadeBelow + dates.digitMistyped;
  if (dateRoll < swapBelow) {
    const swapped = transposeDayMonth(born);
    if (swapped !== born) count('day and month swapped');
    born = swapped;
  } else if (dateRoll < yearBelow) {
    born = shiftYears(born, chance(0.5) ? 1 : -1);
    count('year out by one');
  } else if (dateRoll < decadeBelow) {
    born = shiftYears(born, chance(0.5) ? 10 : -10);
    count('decade out');
  } else if (dateRoll < digitBelow) {
    born = mistypeDate(born, random);
    count('date digit mistyped');
  }
  if (chance(dates.missing)) born = undefined;

  let sex: string | undefined = person.sex;
  if (chance(other.sexWrong)) sex = person.sex === 'female' ? 'male' : 'female';
  if (chance(other.sexMissing)) sex = undefined;

  let postcode: string | undefined = person.postcode,
    town: string | undefined = person.town;
  const postcodeRoll = random();
  if (postcodeRoll < other.postcodeMoved) {
    ({ postcode, town } = move());
    count('moved');
  } else if (postcodeRoll < other.postcodeMoved + other.postcodeTypo) {
    postcode = typo(postcode, random, DIGITS_AND_LETTERS);
    count('postcode mistyped');
  }
  if (chance(other.postcodeMissing)) postcode = undefined;
  if (chance(other.townTypo)) {
    town = typo(town, random);
    count('town mistyped');
  }
  if (chance(other.townMissing)) town = undefined;

  let email = person.email && chance(other.emailHeld) ? person.email : undefined;
  if (email && chance(other.emailTypo)) {
    email = typo(email, random);
    count('email mistyped');
  }
  let phone = person.phone && chance(other.phoneHeld) ? person.phone : undefined;
  if (phone && chance(other.phoneTypo)) {
    phone = typo(phone, random, '0123456789');
    count('telephone mistyped');
  }
  let nhs: string | undefined = chance(other.healthRecord) && chance(other.nhsNumberHeldByHealth) ? person.nhsNumber : undefined;
  if (nhs && chance(other.nhsNumberMistyped)) {
    nhs = typo(nhs, random, '0123456789');
    count('NHS number mistyped');
  }

  return {
    id,
    name: { given: given && capitalise(given), family: familyName && capitalise(familyName) },
    born,
    sex,
    nhsNumber: nhs,
    postcode,
    area: town,
    email,
    phone,
  };
}

/** The same day and month some years off (29 February becomes 28 February). */
function shiftYears(iso: string, years: number): string {
  const year = Number(iso.slice(0, 4)) + years;
  const monthDay = iso.slice(4) === '-02-29' ? '-02-28' : iso.slice(4);
  return `${year}${monthDay}`;
}

const FIELDS = ['given', 'family', 'born', 'sex', 'postcode', 'area', 'email', 'phone', 'nhsNumber'] as const;

/** What the set holds: share of each field missing, and how often each corruption was applied. */
export function describeHardSet(set: HardSet): string {
  const value = (record: PersonRecord, field: (typeof FIELDS)[number]) =>
    field === 'given' ? record.name?.given : field === 'family' ? record.name?.family : record[field];
  const lines = [`${set.records.length} records of ${set.people} people`];
  let missing = 0;
  const core = FIELDS.slice(0, 6);
  for (const field of FIELDS) {
    const absent = set.records.filter((record) => value(record, field) === undefined).length;
    if ((core as readonly string[]).includes(field)) missing += absent;
    lines.push(`  ${field}: ${((100 * absent) / set.records.length).toFixed(1)}% missing`);
  }
  lines.push(
    `  names, date of birth, sex, postcode and town together: ${((100 * missing) / (set.records.length * core.length)).toFixed(1)}% missing`,
  );
  const sparse = set.records.filter((record) => {
    const empty = core.filter((field) => value(record, field) === undefined).length;
    return empty >= 2 && empty <= 4;
  }).length;
  lines.push(`  records with two to four of those six empty: ${((100 * sparse) / set.records.length).toFixed(1)}%`);
  const sizes = new Map<number, number>();
  for (const person of set.truth) sizes.set(person, (sizes.get(person) ?? 0) + 1);
  let pairs = 0;
  for (const size of sizes.values()) pairs += (size * (size - 1)) / 2;
  lines.push(`  true pairs (two records of one person): ${pairs}`);
  for (const [what, times] of [...set.family].sort()) lines.push(`  ${what}: ${times} people`);
  for (const [what, times] of [...set.applied].sort())
    lines.push(`  ${what}: ${times} (${((100 * times) / set.records.length).toFixed(2)}% of records)`);
  return lines.join('\n');
}
