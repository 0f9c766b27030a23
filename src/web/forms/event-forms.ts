import type { EventType } from '../../domain/event-schemas.ts';
import * as v from '../../domain/vocabulary.ts';
import type { Capability } from '../../access/roles.ts';
import { agencyName } from '../../protocols/support/describe.ts';

export type FieldKind =
  'person' | 'persons' | 'select' | 'radios' | 'checkboxes' | 'text' | 'textarea' | 'number' | 'when' | 'date' | 'yesno';

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
}

export interface EventFormSpec {
  slug: string;
  title: string;
  /** The event type, or the field whose value chooses it. */
  type: EventType | { field: string; types: Record<string, EventType> };
  fields: FieldSpec[];
  capability?: Capability;
  intro?: string;
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const options = (values: readonly string[]): Option[] => values.map((value) => ({ value, text: capital(value.replaceAll('-', ' ')) }));
const agencies = (values: readonly string[]): Option[] => values.map((value) => ({ value, text: capital(agencyName(value)) }));

const WHEN: FieldSpec = {
  name: 'at',
  label: 'When did it happen?',
  kind: 'when',
  required: true,
  hint: 'For example, 27 3 2024 and 14:30',
};
const NOTE: FieldSpec = { name: 'note', label: 'Note for the chronology (optional)', kind: 'textarea' };
const WHO: FieldSpec = { name: 'person', label: 'Who is this about?', kind: 'person', required: true };

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
      { name: 'kind', label: 'What is the concern?', kind: 'select', options: options(v.CONCERN_KINDS), required: true },
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
      { name: 'to', label: 'Referred to', kind: 'select', options: agencies(v.REFERRAL_DESTINATIONS), required: true },
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
      { name: 'attendees', label: 'Which agencies took part?', kind: 'checkboxes', options: agencies(v.AGENCIES), required: true },
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
      { name: 'to', label: 'Shared with', kind: 'select', options: agencies(v.REFERRAL_DESTINATIONS), required: true },
      { name: 'content', label: 'What was shared?', kind: 'checkboxes', options: options(v.CONCERN_KINDS) },
      { name: 'contentOther', label: 'Anything else shared (optional)', kind: 'text', hint: 'Separate items with commas' },
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
      { name: 'agency', label: 'Owner (the agency that will do it)', kind: 'select', options: agencies(v.AGENCIES), required: true },
      { name: 'due', label: 'Deadline', kind: 'date', required: true },
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

export function formBySlug(slug: string): EventFormSpec | undefined {
  return EVENT_FORMS.find((f) => f.slug === slug);
}
