// The contract's version 1 records that had no form: appointments booked and missed, a
// visit where nobody answered, the health-visiting offer, illness, hospital stays, a
// serious incident, GP registration, a move, a pregnancy booked and who someone is to a
// child. Listed with the other forms by event-forms.ts; rendering is the framework's own.
import * as v from '../../domain/vocabulary.ts';
import type { EventFormSpec } from './event-forms.ts';
import { capital, NOTE, newPersonId, options, WHEN, WHO } from './common-fields.ts';

const CONTACT_KIND_NAMES: Partial<Record<v.ContactKind, string>> = {
  'six-to-eight-week-review': '6 to 8 week review',
  'ed-attendance': 'Emergency department attendance',
  'gp-consultation': 'GP consultation',
};
const contactKinds = v.CONTACT_KINDS.map((kind) => ({ value: kind, text: CONTACT_KIND_NAMES[kind] ?? capital(kind.replaceAll('-', ' ')) }));

const MISSED_REASON_NAMES: Record<v.MissedReason, string> = {
  'was-not-brought': 'Was not brought: the child’s carers did not bring them',
  'did-not-attend': 'Did not attend: an adult’s own appointment',
  'cancelled-by-family': 'Cancelled by the family',
  'cancelled-by-service': 'Cancelled by the service',
};

const SERVICE_LEVEL_NAMES: Record<v.ServiceLevel, string> = {
  universal: 'Universal',
  'universal-plus': 'Universal plus (targeted)',
  'universal-partnership-plus': 'Universal partnership plus (specialist, with other agencies)',
};

export const EVERYDAY_FORMS: EventFormSpec[] = [
  {
    slug: 'missed-appointment',
    title: 'Record a missed appointment',
    type: 'appointment.missed',
    intro:
      'A child who misses a health appointment was not brought: their carers did not bring them. Record it as “was not brought” so the child’s health visitor and GP are told.',
    fields: [
      WHO,
      {
        name: 'kind',
        label: 'Which appointment was missed?',
        kind: 'select',
        options: contactKinds,
        required: true,
        error: 'Select which appointment was missed',
      },
      {
        name: 'reason',
        label: 'Why was it missed?',
        kind: 'radios',
        options: v.MISSED_REASONS.map((value) => ({ value, text: MISSED_REASON_NAMES[value] })),
        required: true,
        error: 'Select why the appointment was missed',
      },
      { ...WHEN, label: 'When was the appointment?', error: 'Enter the date of the appointment, for example 27 3 2024' },
      NOTE,
    ],
  },
  {
    slug: 'appointment',
    title: 'Record an appointment booked',
    type: 'appointment.booked',
    fields: [
      WHO,
      { name: 'kind', label: 'Kind of appointment', kind: 'select', options: contactKinds, required: true },
      { name: 'due', label: 'Date of the appointment', kind: 'date', required: true, error: 'Enter the date of the appointment' },
      { ...WHEN, label: 'When was it booked?', error: 'Enter the date it was booked, for example 27 3 2024' },
      NOTE,
    ],
  },
  {
    slug: 'no-access',
    title: 'Record a visit with no access',
    type: 'visit.no-access',
    intro: 'A planned home visit where nobody answered the door, or you were not let in.',
    fields: [WHO, { ...WHEN, label: 'When was the visit?', error: 'Enter the date of the visit, for example 27 3 2024' }, NOTE],
  },
  {
    slug: 'service-level',
    title: 'Record the health visiting offer',
    type: 'service-level.set',
    fields: [
      WHO,
      {
        name: 'level',
        label: 'Which offer does the family receive?',
        kind: 'radios',
        options: v.SERVICE_LEVELS.map((value) => ({ value, text: SERVICE_LEVEL_NAMES[value] })),
        required: true,
        error: 'Select the health visiting offer',
      },
      { ...WHEN, label: 'From when?', error: 'Enter the date the offer started, for example 27 3 2024' },
      NOTE,
    ],
  },
  {
    slug: 'illness',
    title: 'Record an illness',
    type: 'illness.presented',
    intro: 'In a baby who is not independently mobile, a serious unexpected illness needs the same response as an injury.',
    fields: [
      WHO,
      {
        name: 'severity',
        label: 'How serious?',
        kind: 'radios',
        options: [
          { value: 'serious-unexpected', text: 'Serious and unexpected (for example collapse, fitting, not breathing)' },
          { value: 'minor', text: 'Minor' },
        ],
        required: true,
        error: 'Select how serious the illness is',
      },
      { name: 'description', label: 'What happened (optional)', kind: 'textarea' },
      { name: 'mobile', label: 'Is the child independently mobile (crawling, cruising or walking)?', kind: 'yesno' },
      WHEN,
      NOTE,
    ],
  },
  {
    slug: 'hospital',
    title: 'Record a hospital admission or discharge',
    type: {
      field: 'change',
      types: { admitted: 'hospital.admitted', 'fit-for-discharge': 'hospital.fit-for-discharge', discharged: 'hospital.discharged' },
    },
    fields: [
      WHO,
      {
        name: 'change',
        label: 'What are you recording?',
        kind: 'radios',
        options: [
          { value: 'admitted', text: 'Admitted' },
          { value: 'fit-for-discharge', text: 'Medically fit for discharge' },
          { value: 'discharged', text: 'Discharged' },
        ],
        required: true,
        error: 'Select admitted, fit for discharge or discharged',
      },
      { name: 'reason', label: 'Reason (optional)', kind: 'textarea' },
      WHEN,
      NOTE,
    ],
  },
  {
    slug: 'serious-incident',
    title: 'Record a serious incident',
    type: 'incident.serious',
    intro: 'The incident that leads to a review (a death or serious harm). Findings after it are not counted in the review’s scoring.',
    fields: [
      WHO,
      { name: 'description', label: 'What happened', kind: 'textarea', required: true, error: 'Enter what happened' },
      WHEN,
      NOTE,
    ],
  },
  {
    slug: 'gp-registration',
    title: 'Record a GP registration',
    type: 'gp.registered',
    fields: [
      WHO,
      {
        name: 'area',
        label: 'Area of the practice (optional)',
        kind: 'text',
        hint: 'The local authority area. If you leave it blank, the person’s current area is used',
      },
      { ...WHEN, label: 'When did they register?', error: 'Enter the date they registered, for example 27 3 2024' },
      NOTE,
    ],
  },
  {
    slug: 'move',
    title: 'Record a move',
    type: 'address.changed',
    intro: 'A move to another area needs the family’s records sent to the health visiting team and GP there.',
    fields: [
      {
        name: 'persons',
        label: 'Who moved?',
        kind: 'persons',
        hint: 'Select everyone who moved',
        required: true,
        error: 'Select everyone who moved',
      },
      {
        name: 'area',
        label: 'New area',
        kind: 'text',
        hint: 'The local authority area, for example Sandwell',
        required: true,
        error: 'Enter the area they moved to',
      },
      { name: 'postcode', label: 'New postcode (optional)', kind: 'text' },
      { ...WHEN, label: 'When did they move?', error: 'Enter the date they moved, for example 27 3 2024' },
      NOTE,
    ],
  },
  {
    slug: 'pregnancy',
    title: 'Record a pregnancy booked',
    type: 'pregnancy.booked',
    intro: 'The midwifery booking. The unborn baby gets a record of their own, which the birth later turns into the child’s.',
    fields: [
      { ...WHO, label: 'Who is pregnant?', error: 'Select who is pregnant' },
      {
        name: 'gestationWeeks',
        label: 'Gestation at booking, in completed weeks',
        kind: 'number',
        suffix: 'weeks',
        required: true,
        hint: 'For example, 10',
        error: 'Enter the gestation in completed weeks, for example 10',
      },
      { name: 'due', label: 'Due date', kind: 'date', required: true, error: 'Enter the due date, for example 27 9 2024' },
      { ...WHEN, label: 'When was the booking?', error: 'Enter the date of the booking, for example 27 3 2024' },
      NOTE,
    ],
    keeps: ['unborn'],
    finish(event, body) {
      event.unborn = newPersonId(body, 'unborn');
    },
  },
  {
    slug: 'relationship',
    title: 'Record who someone is to the child',
    type: 'relationship.recorded',
    intro: 'For someone already on Threadline. To add someone new, record a new person.',
    fields: [
      { ...WHO, label: 'Who is it?', error: 'Select who it is' },
      {
        name: 'kind',
        label: 'Who are they to the child?',
        kind: 'radios',
        options: options(v.RELATIONSHIP_KINDS),
        required: true,
        error: 'Select who they are to the child',
      },
      { name: 'of', label: 'Which child?', kind: 'person', required: true, error: 'Select the child' },
      { ...WHEN, label: 'Since when?', error: 'Enter the date, for example 27 3 2024' },
      NOTE,
    ],
  },
];
