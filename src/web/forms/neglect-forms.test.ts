import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formBySlug } from './event-forms.ts';
import { formToEvent } from './form-to-event.ts';

const when = { 'at-day': '6', 'at-month': '3', 'at-year': '2023', 'at-time': '10:30' };

test('the Graded Care Profile 2 form records its four areas as numbers; a missing area is named', () => {
  const form = formBySlug('graded-care-profile')!;
  const { event, problems } = formToEvent(
    form,
    { person: 'baby', 'scores.physical': '4', 'scores.safety': '3', 'scores.love': '2', 'scores.esteem': '1', outcome: 'plan', ...when },
    'Europe/London',
  );
  assert.deepEqual(problems, []);
  assert.deepEqual(event, {
    type: 'assessment.recorded',
    person: 'baby',
    tool: 'graded-care-profile-2',
    scores: { physical: 4, safety: 3, love: 2, esteem: 1 },
    outcome: 'plan',
    at: '2023-03-06T10:30',
  });
  const missing = formToEvent(form, { person: 'baby', 'scores.physical': '4', ...when }, 'Europe/London');
  assert.deepEqual(
    missing.problems.map((p) => p.field),
    ['scores.safety', 'scores.love', 'scores.esteem'],
  );
});

test('immunisations, consent refused and a categorised referral each make their record', () => {
  assert.deepEqual(formToEvent(formBySlug('immunisation')!, { person: 'baby', stage: '12-weeks', ...when }, 'Europe/London').event, {
    type: 'immunisation.given',
    person: 'baby',
    stage: '12-weeks',
    at: '2023-03-06T10:30',
  });
  assert.equal(
    formToEvent(formBySlug('consent-refused')!, { person: 'mum', for: 'early help', ...when }, 'Europe/London').event?.type,
    'consent.refused',
  );
  const referral = formToEvent(
    formBySlug('referral')!,
    { person: 'baby', to: 'children-social-care', reason: 'bruise', ...when },
    'Europe/London',
  );
  assert.deepEqual(
    referral.problems.map((p) => p.field),
    ['category'],
  );
});
