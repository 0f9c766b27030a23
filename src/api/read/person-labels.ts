import type { WorldView } from '../../engine/world-view.ts';
import type { DescribeContext } from '../../chronology/describe-event.ts';
import type { ThreadEvent } from '../../domain/events.ts';
import type { Principal } from '../../access/principal.ts';
import { formatNhsNumber } from '../../linkage/nhs-number.ts';
import { describeAge, displayName } from './people.ts';

/** What a page says in place of a person the reader has no need-to-know of: never their name. */
export const OUTSIDE_ACCESS = 'a person outside your access';

/** A person as one reader may see them named. */
export type PersonLabel =
  | {
      id: string;
      known: true;
      /** "Jack Smith" (or "Unborn baby (…)" while unnamed). */
      name: string;
      /** The project's one age description: "8 weeks old", "Unborn, due 3 May 2027". */
      age: string;
      /** Spaced for reading ("999 123 4567"); absent when none is recorded. */
      nhsNumber?: string;
      /** Name, age and NHS number in one line, for lists. */
      full: string;
    }
  | { id: string; known: false; name: typeof OUTSIDE_ACCESS; full: typeof OUTSIDE_ACCESS };

/** Whether the reader has need-to-know of a person (src/access/record-access.ts `mayKnowFor`). */
export type MayKnow = (personId: string) => boolean;

/**
 * How every page, list, chronology sentence and export names people to one reader: by
 * name, age and NHS number where the reader has need-to-know of the person, and by a
 * neutral label otherwise, so that a sentence about a family never leaks the name of
 * someone outside the reader's access. One per request; each person is decided once.
 */
export class PersonLabels implements DescribeContext {
  private readonly labels = new Map<string, PersonLabel>();

  constructor(
    private readonly world: WorldView,
    private readonly mayKnow: MayKnow,
    private readonly now: number,
    private readonly zone: string,
  ) {}

  of(id: string): PersonLabel {
    let label = this.labels.get(id);
    if (!label) {
      label = this.decide(id);
      this.labels.set(id, label);
    }
    return label;
  }

  /** The name alone, as a sentence uses it. */
  readonly name = (id: string): string => this.of(id).name;

  /** A record another refers to, from the record as the reader may see it. */
  readonly record = (key: string): ThreadEvent | undefined => this.world.event(key);

  private decide(id: string): PersonLabel {
    const person = this.world.person(id);
    if (!person || !this.mayKnow(id)) return { id, known: false, name: OUTSIDE_ACCESS, full: OUTSIDE_ACCESS };
    const name = displayName(person);
    const age = describeAge(person, this.now, this.zone);
    const nhsNumber = person.nhsNumber ? formatNhsNumber(person.nhsNumber) : undefined;
    const full = `${name}, ${age.charAt(0).toLowerCase()}${age.slice(1)}${nhsNumber ? `, NHS number ${nhsNumber}` : ''}`;
    return { id, known: true, name, age, nhsNumber, full };
  }
}

/** The labels one signed-in reader sees, over the record as they may see it. */
export async function personLabelsFor(
  access: { mayKnowFor(principal: Principal): Promise<MayKnow> },
  principal: Principal,
  world: WorldView,
  now: number,
  zone: string,
): Promise<PersonLabels> {
  return new PersonLabels(world, await access.mayKnowFor(principal), now, zone);
}
