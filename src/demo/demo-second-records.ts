import { DateTime } from 'luxon';
import type { RecordStore } from '../store/record-store.ts';
import type { Agency } from '../domain/vocabulary.ts';
import { formatLocal } from '../domain/time.ts';
import { postcodeIn, seededFaker } from './demo-identities.ts';

/**
 * People another agency records a second time, as happens in practice: no NHS number to
 * hand, a date of birth given a year out, and the address they have moved to. The linker weighs each
 * against everyone known and, unsure, puts the pair to the front door as an identity
 * review, so a new user of the demo finds one waiting. Child RS's father, supervised by
 * probation in London, moved to Birmingham, where the police met him: the review's
 * "invisible man", whose history counts only once he is recognised.
 */
const SECOND_RECORDS: readonly { scenario: string; person: string; agency: Agency; area: string; daysAgo: number; note: string }[] = [
  {
    scenario: 'sandwell-lcspr-2020-child-rs',
    person: 'rs-father',
    agency: 'police',
    area: 'Birmingham',
    daysAgo: 2,
    note: 'Stopped as the driver of a car in Birmingham; gave his name and date of birth; NHS number not known.',
  },
];

/** A date of birth given with the year one out. */
function yearOut(isoDate: string): string {
  return DateTime.fromISO(isoDate).plus({ years: 1 }).toISODate()!;
}

/**
 * Records the second records through the store, as a practitioner would, on a demo
 * store loaded just now. Returns how many were recorded (a family not in the demo is
 * skipped).
 */
export async function recordDemoSecondRecords(store: RecordStore, zone: string, today = DateTime.now()): Promise<number> {
  const world = store.engine.world;
  let recorded = 0;
  for (const second of SECOND_RECORDS) {
    const id = `${second.scenario}-${second.person}`;
    const person = world.person(id);
    if (!person?.name?.given || !person.name.family) continue;
    const faker = seededFaker(`${id}-second-record`);
    await store.submit(
      {
        id: `${id}-second-record`,
        type: 'person.recorded',
        at: today.setZone(zone).minus({ days: second.daysAgo }).set({ hour: 23, minute: 10 }).toFormat("yyyy-MM-dd'T'HH:mm"),
        agency: second.agency,
        person: `${id}-${second.agency}`,
        role: person.role,
        sex: person.sex,
        name: { given: person.name.given, family: person.name.family },
        born: person.bornMs === undefined ? undefined : yearOut(formatLocal(person.bornMs, zone).slice(0, 10)),
        postcode: postcodeIn(faker, second.area),
        area: second.area,
        note: second.note,
      },
      `${id}-second-record`,
    );
    recorded++;
  }
  return recorded;
}
