import { recentDate } from './test-app.ts';

const GIVEN = ['Lee', 'Chidi', 'Marek', 'Omar', 'Declan', 'Piotr', 'Kwame', 'Ashley', 'Emeka', 'Nils'];
const FAMILIES = ['Richardson', 'Okonkwo', 'Nowak', 'Haddad', 'Fitzgerald', 'Kowalczyk', 'Mensah', 'Thorne', 'Abara', 'Lindqvist'];

/**
 * For tests: one man recorded by probation and, a month later, by the police with no NHS
 * number, his date of birth a year out and the address he has moved to. The linker is
 * unsure of the pair (about 90%), so it raises an identity review: `person` is the
 * police record, `candidate` the probation one. `tag` keeps each pair's people apart;
 * `variant` (0 to 9) gives a pair its own name, date of birth and addresses, so that
 * the linker does not weigh one pair's records against another's.
 */
export function possibleMatch(
  tag: string,
  options: { variant?: number; nhsNumber?: string; fatherOf?: string } = {},
): { person: string; candidate: string; events: Record<string, unknown>[] } {
  const variant = options.variant ?? 0;
  const family = FAMILIES[variant];
  const year = 1992 - 3 * variant;
  const person = `${tag}-police`;
  const candidate = `${tag}-probation`;
  const name = { given: GIVEN[variant], family };
  return {
    person,
    candidate,
    events: [
      {
        id: `${tag}-1`,
        type: 'person.recorded',
        at: `${recentDate(30)}T10:00`,
        agency: 'probation',
        person: candidate,
        role: 'adult',
        sex: 'male',
        name,
        born: `${year}-03-24`,
        postcode: `E13 ${variant}AB`,
        ...(options.nhsNumber ? { nhsNumber: options.nhsNumber } : {}),
      },
      ...(options.fatherOf
        ? [
            {
              id: `${tag}-2`,
              type: 'relationship.recorded',
              at: `${recentDate(29)}T10:00`,
              agency: 'probation',
              person: candidate,
              of: options.fatherOf,
              kind: 'father',
            },
          ]
        : []),
      {
        id: `${tag}-3`,
        type: 'person.recorded',
        at: `${recentDate(2)}T10:00`,
        agency: 'police',
        person,
        role: 'adult',
        sex: 'male',
        name,
        born: `${year + 1}-03-24`,
        postcode: `B12 ${variant}XY`,
      },
    ],
  };
}
