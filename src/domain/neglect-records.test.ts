import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkEvent } from './validate-event.ts';
import { REFERENCE_FIELDS } from './event-references.ts';
import { describeEvent } from '../chronology/describe-event.ts';
import type { ThreadEvent } from './events.ts';

// Version 2, neglect over time: the records' shapes, their specific refusals, the fields
// that name people, and how the chronology says them.

const ZONE = 'Europe/London';
const NOW = Date.parse('2026-01-01T00:00:00Z');
const check = (input: Record<string, unknown>) => checkEvent({ at: '2024-05-01T10:00', ...input }, ZONE, 1, 'k', NOW);
const problems = (input: Record<string, unknown>) => {
  const result = check(input);
  return result.ok ? [] : result.problems.map((p) => `${p.field}: ${p.reason}`);
};
const accepted = (input: Record<string, unknown>): ThreadEvent => {
  const result = check(input);
  assert.ok(result.ok, JSON.stringify(result.ok ? '' : result.problems));
  return result.event;
};

test('a Graded Care Profile 2 carries its four area scores, each 1 to 5 (5 the worst)', () => {
  const gcp = accepted({
    type: 'assessment.recorded',
    person: 'child',
    agency: 'health-visiting',
    tool: 'graded-care-profile-2',
    scores: { physical: 4, safety: 3, love: 2, esteem: 2 },
  });
  assert.equal(
    describeEvent(gcp, ZONE),
    'Graded Care Profile 2 recorded: physical care 4, safety 3, love and care 2, esteem 2 (1 best, 5 worst)',
  );
  assert.deepEqual(
    problems({
      type: 'assessment.recorded',
      person: 'child',
      agency: 'health-visiting',
      tool: 'graded-care-profile-2',
      scores: { physical: 6, safety: 0, love: 2.5 },
    }),
    [
      'scores.physical: must be from 1 (best) to 5 (worst)',
      'scores.safety: must be from 1 (best) to 5 (worst)',
      'scores.love: must be a whole number from 1 (best) to 5 (worst)',
      'scores.esteem: is required',
    ],
  );
});

test('scores are only for the Graded Care Profile 2; the other assessments carry an outcome', () => {
  assert.deepEqual(
    problems({
      type: 'assessment.recorded',
      person: 'c',
      agency: 'early-help',
      tool: 'early-help-assessment',
      scores: { physical: 1, safety: 1, love: 1, esteem: 1 },
    }),
    ["scores: are only for the Graded Care Profile 2 (tool 'graded-care-profile-2')"],
  );
  const single = accepted({
    type: 'assessment.recorded',
    person: 'c',
    agency: 'children-social-care',
    tool: 'single-assessment',
    outcome: 'child in need plan',
  });
  assert.equal(describeEvent(single, ZONE), 'Single assessment recorded; outcome: child in need plan');
  assert.match(
    problems({ type: 'assessment.recorded', person: 'c', agency: 'gp', tool: 'gcp2' })[0],
    /^tool: must be one of graded-care-profile-2/,
  );
  assert.match(problems({ type: 'assessment.recorded', person: 'c', tool: 'single-assessment' })[0], /^agency: must be one of midwifery/);
});

test('immunisations are given at the routine schedule’s stages', () => {
  const given = accepted({ type: 'immunisation.given', person: 'c', agency: 'gp', stage: '3-years-4-months' });
  assert.equal(describeEvent(given, ZONE), 'Immunisations given: the 3 years 4 months stage of the routine schedule');
  assert.match(
    problems({ type: 'immunisation.given', person: 'c', stage: '6-weeks' })[0],
    /^stage: must be one of 8-weeks, 12-weeks, 16-weeks, 1-year, 3-years-4-months/,
  );
});

test('consent refused says what was refused', () => {
  const refused = accepted({ type: 'consent.refused', person: 'mum', agency: 'early-help', for: 'an early help assessment' });
  assert.equal(describeEvent(refused, ZONE), 'Consent refused for an early help assessment');
  assert.deepEqual(problems({ type: 'consent.refused', person: 'mum', agency: 'early-help', for: '  ' }), [
    'for: say what was refused (the service, assessment or referral)',
  ]);
});

test('a contact may record the child as not seen, and the police attending the household', () => {
  const police = accepted({ type: 'contact', person: 'c', agency: 'police', kind: 'police-attendance', childSeen: false });
  assert.equal(describeEvent(police, ZONE), 'police attendance with c; child not seen');
});

test('the new concern kinds are accepted; a referral has a structured category', () => {
  for (const kind of ['treatment-not-followed', 'dental-neglect', 'home-conditions-improved'])
    accepted({ type: 'concern.recorded', person: 'c', agency: 'health-visiting', kind });
  const referral = accepted({
    type: 'referral.made',
    person: 'c',
    agency: 'gp',
    to: 'children-social-care',
    category: 'neglect',
    reason: 'home',
  });
  assert.equal(describeEvent(referral, ZONE), "Referral to children's social care (neglect): home");
  assert.match(
    problems({ type: 'referral.made', person: 'c', to: 'children-social-care', category: 'bruising' })[0],
    /^category: must be one of physical-abuse/,
  );
});

test('the new records name people only in their declared person fields', () => {
  for (const type of ['assessment.recorded', 'immunisation.given', 'consent.refused'] as const)
    assert.deepEqual(
      REFERENCE_FIELDS[type].filter((f) => f.field !== 'supersedes'),
      [{ field: 'person', kind: 'person', list: false }],
      type,
    );
});
