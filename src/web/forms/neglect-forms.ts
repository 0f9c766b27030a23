// Version 2, neglect over time: the Graded Care Profile 2 and other assessments, the
// routine immunisations and a service refused. Listed with the other forms by
// event-forms.ts; fields and rendering are the form framework's own.
import * as v from '../../domain/vocabulary.ts';
import { IMMUNISATION_STAGE_NAMES } from '../../chronology/describe-event.ts';
import type { EventFormSpec, FieldSpec } from './event-forms.ts';
import { NOTE, WHEN, WHO } from './common-fields.ts';

/** What each area of the Graded Care Profile 2 covers (NSPCC, Graded Care Profile 2 scale). */
const AREA_HINTS: Record<v.Gcp2Area, string> = {
  physical: 'Nutrition, housing, clothing, hygiene and health',
  safety: 'Safety and supervision, in the home and away from it',
  love: 'Love and care: the carer’s warmth, responsiveness and attachment',
  esteem: 'Stimulation, approval, disapproval and acceptance',
};

const SCORE_OPTIONS = [
  { value: '1', text: '1: all the child’s needs are met, child first' },
  { value: '2', text: '2: essential needs are met, child’s needs balanced with the carer’s' },
  { value: '3', text: '3: some needs are met, some not' },
  { value: '4', text: '4: essential needs are often not met, carer’s needs first' },
  { value: '5', text: '5: essential needs are hardly ever met' },
];

/** The field name of an area's score: validation problems name `scores.<area>`, so the form does too. */
export const scoreField = (area: v.Gcp2Area) => `scores.${area}`;

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Moves the four area scores of a submitted form into the record's `scores`, as numbers. */
function collectScores(event: Record<string, unknown>): void {
  const scores: Record<string, number> = {};
  for (const area of v.GCP2_AREAS) {
    const value = event[scoreField(area)];
    delete event[scoreField(area)];
    if (typeof value === 'string' && value !== '') scores[area] = Number(value);
  }
  if (Object.keys(scores).length > 0) event.scores = scores;
}

export const NEGLECT_FORMS: EventFormSpec[] = [
  {
    slug: 'graded-care-profile',
    title: 'Record a Graded Care Profile 2',
    type: 'assessment.recorded',
    intro:
      'Score each of the four areas of care from 1 (all the child’s needs met) to 5 (essential needs hardly ever met), as the Graded Care Profile 2 scale describes. A score of 4 or 5 in any area is a sign of neglect.',
    fields: [
      WHO,
      ...v.GCP2_AREAS.map((area): FieldSpec => ({
        name: scoreField(area),
        label: capital(v.GCP2_AREA_NAMES[area]),
        kind: 'radios',
        options: SCORE_OPTIONS,
        hint: AREA_HINTS[area],
        required: true,
        error: `Select a score for ${v.GCP2_AREA_NAMES[area]}`,
      })),
      { name: 'outcome', label: 'What was agreed with the family (optional)', kind: 'textarea' },
      WHEN,
      NOTE,
    ],
    finish(event) {
      event.tool = 'graded-care-profile-2';
      collectScores(event);
    },
  },
  {
    slug: 'assessment',
    title: 'Record an assessment',
    type: 'assessment.recorded',
    intro: 'An early help, single or pre-birth assessment. For a Graded Care Profile 2 use its own form, with the four areas.',
    fields: [
      WHO,
      {
        name: 'tool',
        label: 'Which assessment?',
        error: 'Select the assessment',
        kind: 'radios',
        options: [
          { value: 'early-help-assessment', text: 'Early help assessment' },
          { value: 'single-assessment', text: 'Single assessment (children’s social care)' },
          { value: 'pre-birth-assessment', text: 'Pre-birth assessment' },
        ],
        required: true,
      },
      { name: 'outcome', label: 'Outcome', kind: 'textarea' },
      WHEN,
      NOTE,
    ],
  },
  {
    slug: 'immunisation',
    title: 'Record immunisations given',
    type: 'immunisation.given',
    intro: 'One record for each stage of the routine schedule (all the vaccines due at that stage).',
    fields: [
      WHO,
      {
        name: 'stage',
        label: 'Which stage of the routine schedule?',
        error: 'Select the stage of the routine schedule',
        kind: 'radios',
        options: v.IMMUNISATION_STAGES.map((stage) => ({ value: stage, text: IMMUNISATION_STAGE_NAMES[stage] })),
        required: true,
      },
      WHEN,
      NOTE,
    ],
  },
  {
    slug: 'consent-refused',
    title: 'Record consent refused',
    type: 'consent.refused',
    intro: 'A parent or carer declines a service, an assessment or a referral.',
    fields: [
      WHO,
      {
        name: 'for',
        label: 'What was refused?',
        kind: 'text',
        required: true,
        error: 'Enter what was refused',
        hint: 'For example, an early help assessment',
      },
      WHEN,
      NOTE,
    ],
  },
];
