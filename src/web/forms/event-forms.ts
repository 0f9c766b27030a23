import type { EventType } from '../../domain/event-schemas.ts';
import * as v from '../../domain/vocabulary.ts';
import type { Capability } from '../../access/roles.ts';
import type { PersonState, WorldView } from '../../engine/world-view.ts';
import type { PersonRecord } from '../../linkage/person-record.ts';
import { NEGLECT_FORMS } from './neglect-forms.ts';
import { EVERYDAY_FORMS } from './everyday-forms.ts';
import { PERSON_FORMS } from './person-forms.ts';
import { agencies, NOTE, options, WHEN, WHO } from './common-fields.ts';

export type FieldKind =
  'person' | 'persons' | 'select' | 'radios' | 'checkboxes' | 'text' | 'textarea' | 'number' | 'when' | 'date' | 'yesno' | 'record';

/** Which earlier records a 'record' field offers: the child's records of a kind still open to answer. */
export type RecordChoice = 'open-action' | 'awaiting-acknowledgement' | 'referral' | 'open-escalation';

export interface Option {
  value: string;
  text: string;
}

export interface FieldSpec {
  name: string;
  label: string;
  kind: FieldKind;
  options?: readonly Option[];
  required?: boolean;
  hint?: string;
  suffix?: string;
  /** For a 'record' field: which of the child's earlier records to choose from. */
  records?: RecordChoice;
  /**
   * What to tell the user when the field is missing or not understood, as GOV.UK words it
   * ("Enter the weight in kilograms, for example 4.2"). Without it the message is made
   * from the label, which suits labels that are not questions.
   */
  error?: string;
  /** Asked only after this answer to a radios question: shown beneath that answer (GOV.UK's conditional reveal; always shown without JavaScript). */
  revealedBy?: { field: string; value: string };
}

export interface IntroducedPerson {
  /** What the user is asked to choose among: "baby" or "person". */
  noun: string;
  /** The person as linkage reads them, from the submitted form. */
  identity(event: Record<string, unknown>, view: WorldView): Omit<PersonRecord, 'id'>;
  /** Known people the form may be about whatever linkage says (a mother's unborn babies). */
  alsoConsider?(event: Record<string, unknown>, view: WorldView): string[];
  /** The records to store: for a new person (chosen undefined) or the existing person chosen. */
  records(
    event: Record<string, unknown>,
    body: Readonly<Record<string, string | string[] | undefined>>,
    chosen: PersonState | undefined,
    view: WorldView,
  ): { records: Record<string, unknown>[]; person: string };
}

export interface EventFormSpec {
  slug: string;
  title: string;
  /** The event type, or the field whose value chooses it. */
  type: EventType | { field: string; types: Record<string, EventType> };
  fields: FieldSpec[];
  capability?: Capability;
  intro?: string;
  /**
   * Turns the fields as submitted into the record's shape, where they differ (a fixed tool,
   * scores as numbers, a new person's id made from the form's own id).
   */
  /**
   * For a form that introduces a person (a birth, a new person): who they are, for
   * linkage to look for them among the people already known before anyone is created,
   * and the records to store once the user has chosen an existing person or none.
   */
  introduces?: IntroducedPerson;
  /** Fields a correction keeps from the record it corrects, though the form makes them anew (a person the form introduced). */
  keeps?: readonly string[];
  finish?: (event: Record<string, unknown>, body: Readonly<Record<string, string | string[] | undefined>>) => void;
}

/** The forms practitioners use to record; each becomes one event of the contract. */
export const EVENT_FORMS: EventFormSpec[] = [
  {
    slug: 'contact',
    title: 'Record a contact',
    type: 'contact',
    fields: [
      WHO,
      { name: 'kind', label: 'Kind of contact', kind: 'select', options: options(v.CONTACT_KINDS), required: true },
      WHEN,
      { name: 'seen', label: 'Who was seen?', kind: 'persons', hint: 'Select everyone present' },
      { name: 'childSeen', label: 'Was the child seen?', kind: 'yesno' },
      NOTE,
    ],
  },
  {
    slug: 'measurement',
    title: 'Record a measurement',
    type: 'measurement',
    fields: [
      WHO,
      { name: 'kind', label: 'Measurement', kind: 'radios', options: options(v.MEASUREMENT_KINDS), required: true },
      {
        name: 'value',
        label: 'Value',
        kind: 'number',
        required: true,
        error:
          'Enter the measurement as a number: a weight in kilograms, for example 4.2; a length or head circumference in centimetres, for example 55.5',
        hint: 'Weight in kilograms (for example 4.25); length and head circumference in centimetres',
      },
      WHEN,
      NOTE,
    ],
  },
  {
    slug: 'injury',
    title: 'Record an injury',
    type: 'injury.observed',
    intro:
      'Record any bruise, mark or injury seen or reported, whatever the explanation given. In a baby who is not independently mobile it needs a same-day referral to children’s social care.',
    fields: [
      WHO,
      { name: 'kind', label: 'Kind of injury', kind: 'select', options: options(v.INJURY_KINDS), required: true },
      { name: 'site', label: 'Where on the body (optional)', kind: 'text' },
      { name: 'count', label: 'How many (optional)', kind: 'number' },
      { name: 'explanation', label: 'What the parent or carer said (optional)', kind: 'textarea' },
      { name: 'mobile', label: 'Is the child independently mobile (crawling, cruising or walking)?', kind: 'yesno' },
      WHEN,
      NOTE,
    ],
  },
  {
    slug: 'concern',
    title: 'Record a concern',
    type: 'concern.recorded',
    fields: [
      WHO,
      {
        name: 'kind',
        label: 'What is the concern?',
        error: 'Select what the concern is',
        kind: 'select',
        options: options(v.CONCERN_KINDS),
        required: true,
      },
      { name: 'severity', label: 'How serious?', kind: 'radios', options: options(v.SEVERITIES) },
      { name: 'detail', label: 'Detail (optional)', kind: 'textarea' },
      WHEN,
      NOTE,
    ],
  },
  {
    slug: 'referral',
    title: 'Record a referral',
    type: 'referral.made',
    fields: [
      WHO,
      {
        name: 'to',
        label: 'Referred to',
        error: 'Select who the referral was made to',
        kind: 'select',
        options: agencies(v.REFERRAL_DESTINATIONS),
        required: true,
      },
      {
        name: 'category',
        label: 'What is the referral about?',
        error: 'Select what the referral is about',
        kind: 'radios',
        options: options(v.REFERRAL_CATEGORIES),
        required: true,
        hint: 'The protocols read this, not the words of the reason',
      },
      { name: 'reason', label: 'Reason for the referral', kind: 'textarea', required: true },
      WHEN,
      NOTE,
    ],
  },
  {
    slug: 'strategy',
    title: 'Record a strategy discussion',
    type: 'strategy.discussion',
    fields: [
      WHO,
      {
        name: 'attendees',
        label: 'Which agencies took part?',
        error: 'Select every agency that took part',
        kind: 'checkboxes',
        options: agencies(v.AGENCIES),
        required: true,
      },
      { name: 'paediatricianInput', label: 'Did a paediatrician take part or advise?', kind: 'yesno' },
      { name: 'decisions', label: 'What was decided?', kind: 'checkboxes', options: options(v.STRATEGY_DECISIONS) },
      WHEN,
      NOTE,
    ],
  },
  {
    slug: 'investigation',
    title: 'Record an investigation',
    type: 'investigation',
    fields: [
      WHO,
      { name: 'kind', label: 'Investigation', kind: 'radios', options: options(v.INVESTIGATION_KINDS), required: true },
      { name: 'status', label: 'Status', kind: 'radios', options: options(v.INVESTIGATION_STATUSES), required: true },
      { name: 'findings', label: 'Findings (optional)', kind: 'textarea' },
      WHEN,
      NOTE,
    ],
  },
  {
    slug: 'plan',
    title: 'Record a plan starting or ending',
    type: { field: 'change', types: { started: 'plan.started', ended: 'plan.ended' } },
    fields: [
      WHO,
      {
        name: 'change',
        label: 'Is the plan starting or ending?',
        error: 'Select whether the plan is starting or ending',
        kind: 'radios',
        options: [
          { value: 'started', text: 'Starting' },
          { value: 'ended', text: 'Ending' },
        ],
        required: true,
      },
      { name: 'kind', label: 'Plan', kind: 'select', options: options(v.PLAN_KINDS), required: true },
      WHEN,
      NOTE,
    ],
  },
  {
    slug: 'information',
    title: 'Record information shared',
    type: 'information.shared',
    fields: [
      WHO,
      {
        name: 'to',
        label: 'Shared with',
        error: 'Select who the information was shared with',
        kind: 'select',
        options: agencies(v.REFERRAL_DESTINATIONS),
        required: true,
      },
      { name: 'content', label: 'What was shared?', kind: 'checkboxes', options: options(v.CONCERN_KINDS) },
      { name: 'contentOther', label: 'Anything else shared (optional)', kind: 'text', hint: 'Separate items with commas' },
      { name: 'kind', label: 'What kind of communication (optional)', kind: 'select', options: options(v.INFORMATION_KINDS) },
      {
        name: 'requiresAcknowledgement',
        label: 'Does the receiver need to acknowledge it?',
        kind: 'yesno',
        hint: 'If you do not say, information to another agency or area waits for the receiver’s acknowledgement',
      },
      WHEN,
      NOTE,
    ],
  },
  {
    slug: 'action',
    title: 'Record an agreed action',
    type: 'action.agreed',
    intro: 'An action someone has agreed to take, with its owner and deadline. A finding stays open until the action is recorded.',
    fields: [
      WHO,
      { name: 'action', label: 'Action', kind: 'select', options: options(v.AGREED_ACTIONS), required: true },
      { name: 'to', label: 'Refer to (for a referral)', kind: 'select', options: agencies(v.REFERRAL_DESTINATIONS) },
      { name: 'detail', label: 'What was agreed (for any other action)', kind: 'text' },
      {
        name: 'agency',
        label: 'Owner (the agency that will do it)',
        error: 'Select the agency that will do it',
        kind: 'select',
        options: agencies(v.AGENCIES),
        required: true,
      },
      { name: 'ownerName', label: 'Named owner (optional)', kind: 'text', hint: 'The practitioner who will do it' },
      { name: 'due', label: 'Deadline', error: 'Enter the deadline, for example 27 3 2024', kind: 'date', required: true },
      WHEN,
      NOTE,
    ],
  },
  {
    slug: 'decision',
    title: 'Record a decision on a referral',
    type: 'referral.decision',
    capability: 'decide',
    intro:
      'Record the decision with its rationale. Your name, role and whether you are a qualified social worker are recorded with it. Look at the family’s history before deciding.',
    fields: [
      WHO,
      { name: 'outcome', label: 'Decision', kind: 'radios', options: options(v.DECISION_OUTCOMES), required: true },
      {
        name: 'rationale',
        label: 'Rationale',
        kind: 'textarea',
        required: true,
        hint: 'Why, including what you considered from the family’s history',
      },
      WHEN,
      NOTE,
    ],
  },
];

// Version 2: closing the loop.
const CHANGE = (started: string, ended: string, error: string): FieldSpec => ({
  name: 'change',
  label: 'What are you recording?',
  kind: 'radios',
  error,
  options: [
    { value: 'started', text: started },
    { value: 'ended', text: ended },
  ],
  required: true,
});
EVENT_FORMS.push(
  {
    slug: 'allocation',
    title: 'Record who is named for the child',
    type: { field: 'change', types: { started: 'allocation.set', ended: 'allocation.ended' } },
    intro: 'Every child on a plan or an enhanced health visiting offer, and every baby with a serious finding, needs someone named.',
    fields: [
      WHO,
      CHANGE('Someone is named (allocated)', 'An allocation ends', 'Select whether someone is named or an allocation ends'),
      { name: 'role', label: 'Role', kind: 'radios', options: options(v.ALLOCATION_ROLES), required: true },
      { name: 'name', label: 'Name of the practitioner', kind: 'text', required: true },
      { name: 'reason', label: 'Why the allocation ends', revealedBy: { field: 'change', value: 'ended' }, kind: 'textarea' },
      WHEN,
      NOTE,
    ],
  },
  {
    slug: 'action-closed',
    title: 'Record an agreed action done or cancelled',
    type: { field: 'change', types: { started: 'action.completed', ended: 'action.cancelled' } },
    fields: [
      WHO,
      {
        name: 'action',
        label: 'Which agreed action?',
        error: 'Select the agreed action',
        kind: 'record',
        records: 'open-action',
        required: true,
      },
      CHANGE('It is done', 'It is cancelled', 'Select whether the action is done or cancelled'),
      { name: 'reason', label: 'Why it is cancelled', revealedBy: { field: 'change', value: 'ended' }, kind: 'textarea' },
      WHEN,
      NOTE,
    ],
  },
  {
    slug: 'acknowledgement',
    title: 'Acknowledge information received',
    type: 'information.acknowledged',
    fields: [
      WHO,
      {
        name: 'of',
        label: 'Which information?',
        error: 'Select the information you received',
        kind: 'record',
        records: 'awaiting-acknowledgement',
        required: true,
      },
      WHEN,
      NOTE,
    ],
  },
  {
    slug: 'referral-outcome',
    title: 'Record the outcome of a referral',
    type: 'referral.outcome',
    intro: 'For the service that received the referral.',
    fields: [
      WHO,
      { name: 'of', label: 'Which referral?', error: 'Select the referral', kind: 'record', records: 'referral', required: true },
      { name: 'outcome', label: 'Outcome', kind: 'radios', options: options(v.REFERRAL_OUTCOMES), required: true },
      WHEN,
      NOTE,
    ],
  },
  {
    slug: 'escalation',
    title: 'Raise an escalation',
    type: 'escalation.raised',
    intro:
      'A professional disagreement about a child, under the partnership’s escalation procedure: stage 1 between practitioners, stage 2 their managers, stage 3 senior managers.',
    fields: [
      WHO,
      {
        name: 'to',
        label: 'Raised with',
        error: 'Select the agency the escalation is raised with',
        kind: 'select',
        options: agencies(v.AGENCIES),
        required: true,
      },
      {
        name: 'about',
        label: 'What is the disagreement about?',
        error: 'Enter what the disagreement is about',
        kind: 'textarea',
        required: true,
      },
      {
        name: 'stage',
        label: 'Stage',
        kind: 'radios',
        options: v.ESCALATION_STAGES.map((n) => ({ value: String(n), text: `Stage ${n}` })),
        required: true,
      },
      { name: 'follows', label: 'Earlier stage of the same escalation (optional)', kind: 'record', records: 'open-escalation' },
      WHEN,
      NOTE,
    ],
  },
  {
    slug: 'escalation-resolved',
    title: 'Record an escalation resolved',
    type: 'escalation.resolved',
    fields: [
      WHO,
      {
        name: 'of',
        label: 'Which escalation?',
        error: 'Select the escalation',
        kind: 'record',
        records: 'open-escalation',
        required: true,
      },
      { name: 'outcome', label: 'How was it resolved?', error: 'Enter how it was resolved', kind: 'textarea', required: true },
      WHEN,
      NOTE,
    ],
  },
  {
    slug: 'supervision',
    title: 'Record supervision about the child',
    type: 'contact',
    intro: 'Record the supervision session here, then each action agreed in it as an agreed action: it is tracked like any other.',
    fields: [WHO, WHEN, NOTE],
  },
);

// Version 2: neglect over time.
EVENT_FORMS.push(...NEGLECT_FORMS);

// Version 1 records that had no form.
EVENT_FORMS.push(...EVERYDAY_FORMS, ...PERSON_FORMS);

export function formBySlug(slug: string): EventFormSpec | undefined {
  return EVENT_FORMS.find((f) => f.slug === slug);
}
