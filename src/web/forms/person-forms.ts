// The forms that introduce a person: a birth and a new person. Before anyone is created
// the form looks for them among the people already known (the record linkage's
// candidates, and a mother's unborn babies), and the user picks one or none.
import * as v from '../../domain/vocabulary.ts';
import type { EventFormSpec } from './event-forms.ts';
import { NOTE, newPersonId, options, WHEN, WHO } from './common-fields.ts';

const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);
const nameOf = (event: Record<string, unknown>) => {
  const given = text(event.givenName);
  const family = text(event.familyName);
  return given || family ? { ...(given ? { given } : {}), ...(family ? { family } : {}) } : undefined;
};
const NAME_FIELDS = [
  { name: 'givenName', label: 'First name (optional)', kind: 'text' },
  { name: 'familyName', label: 'Last name (optional)', kind: 'text' },
  { name: 'nhsNumber', label: 'NHS number (optional)', kind: 'text', hint: '10 digits, for example 999 123 4567' },
] as const;
const SEX_OPTIONS = [
  { value: 'female', text: 'Female' },
  { value: 'male', text: 'Male' },
  { value: 'unknown', text: 'Not known' },
];

export const PERSON_FORMS: EventFormSpec[] = [
  {
    slug: 'birth',
    title: 'Record a birth',
    type: 'birth',
    intro:
      'The birth notification. If the pregnancy was booked, the unborn baby’s record becomes the child’s; Threadline looks for the baby among the people already known before creating anyone.',
    fields: [
      { ...WHO, label: 'Who is the mother?', error: 'Select the mother' },
      ...NAME_FIELDS,
      { name: 'sex', label: 'Sex', kind: 'radios', options: SEX_OPTIONS, required: true, error: 'Select the baby’s sex' },
      {
        name: 'gestationWeeks',
        label: 'Gestation at birth, in completed weeks',
        kind: 'number',
        required: true,
        hint: 'For example, 39',
        error: 'Enter the gestation in completed weeks, for example 39',
      },
      {
        name: 'gestationDays',
        label: 'And days (optional)',
        kind: 'number',
        hint: 'From 0 to 6',
        error: 'Enter the days beyond the completed weeks, from 0 to 6',
      },
      {
        name: 'birthWeightKg',
        label: 'Birth weight in kilograms',
        kind: 'number',
        required: true,
        hint: 'For example, 3.4',
        error: 'Enter the birth weight in kilograms, for example 3.4',
      },
      { ...WHEN, label: 'When was the baby born?', error: 'Enter the date of birth, for example 27 3 2024' },
      NOTE,
    ],
    keeps: ['child'],
    introduces: {
      noun: 'baby',
      identity: (event, view) => ({
        name: nameOf(event) ?? { family: view.person(String(event.person))?.name?.family },
        born: String(event.at).slice(0, 10),
        sex: text(event.sex),
        nhsNumber: text(event.nhsNumber)?.replace(/\s/g, ''),
        postcode: view.person(String(event.person))?.postcode,
      }),
      alsoConsider: (event, view) =>
        view
          .childrenOf(String(event.person))
          .filter((r) => view.person(r.of)?.role === 'unborn')
          .map((r) => r.of),
      records(event, body, chosen) {
        const key = String(body.eventId);
        const child = chosen?.role === 'unborn' ? chosen.id : newPersonId(body, 'baby');
        const { givenName, familyName, nhsNumber, person: mother, ...birth } = event;
        void givenName;
        void familyName;
        const name = nameOf(event);
        const notified =
          name || text(nhsNumber)
            ? [
                {
                  // The birth notification names the baby: recorded the moment it is born, so the birth turns a named baby into a child.
                  id: `${key}-named`,
                  type: 'person.recorded',
                  at: event.at,
                  person: child,
                  role: 'unborn',
                  sex: event.sex,
                  ...(name ? { name } : {}),
                  ...(text(nhsNumber) ? { nhsNumber: text(nhsNumber) } : {}),
                },
              ]
            : [];
        const same =
          chosen && chosen.role !== 'unborn'
            ? [{ id: `${key}-same`, type: 'identity.linked', at: event.at, person: child, to: chosen.id, basis: 'confirmed' }]
            : [];
        return { records: [...notified, { ...birth, id: key, child, mother }, ...same], person: child };
      },
    },
  },
  {
    slug: 'new-person',
    title: 'Record a new person',
    type: 'person.recorded',
    intro:
      'Someone not yet on Threadline: a father or new partner, a relative, a sibling. Threadline looks for them among the people already known before creating anyone.',
    fields: [
      {
        name: 'role',
        label: 'Adult or child?',
        kind: 'radios',
        options: [
          { value: 'adult', text: 'Adult' },
          { value: 'child', text: 'Child' },
        ],
        required: true,
        error: 'Select adult or child',
      },
      { name: 'givenName', label: 'First name', kind: 'text', required: true, error: 'Enter their first name' },
      { name: 'familyName', label: 'Last name', kind: 'text', required: true, error: 'Enter their last name' },
      { name: 'born', label: 'Date of birth (optional)', kind: 'date' },
      { name: 'sex', label: 'Sex (optional)', kind: 'radios', options: SEX_OPTIONS },
      NAME_FIELDS[2],
      { name: 'postcode', label: 'Postcode (optional)', kind: 'text' },
      { name: 'of', label: 'Which child are they related to?', kind: 'person', required: true, error: 'Select the child' },
      {
        name: 'kind',
        label: 'Who are they to the child?',
        kind: 'select',
        options: options(v.RELATIONSHIP_KINDS),
        required: true,
        error: 'Select who they are to the child',
      },
      { ...WHEN, label: 'Date of this record', error: 'Enter the date of this record, for example 27 3 2024' },
      NOTE,
    ],
    keeps: ['person'],
    introduces: {
      noun: 'person',
      identity: (event) => ({
        name: nameOf(event),
        born: text(event.born),
        sex: text(event.sex),
        nhsNumber: text(event.nhsNumber)?.replace(/\s/g, ''),
        postcode: text(event.postcode),
      }),
      records(event, body, chosen) {
        const key = String(body.eventId);
        const { givenName, familyName, of, kind, note, ...person } = event;
        void givenName;
        void familyName;
        const id = chosen?.id ?? newPersonId(body, 'person');
        const relationship = { id: `${key}-relationship`, type: 'relationship.recorded', at: event.at, person: id, of, kind, note };
        const name = nameOf(event);
        return {
          records: chosen ? [relationship] : [{ ...person, id: key, person: id, ...(name ? { name } : {}) }, relationship],
          person: String(of),
        };
      },
    },
  },
];
