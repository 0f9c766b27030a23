import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formBySlug } from './event-forms.ts';
import { formToEvent } from './form-to-event.ts';

const when = { 'at-day': '6', 'at-month': '3', 'at-year': '2023', 'at-time': '10:30' };

test('an agreed action names its owner (agency and practitioner); the record is the recorder’s own agency’s', () => {
  const { event, problems } = formToEvent(
    formBySlug('action')!,
    {
      person: 'baby',
      action: 'home-visit',
      agency: 'health-visiting',
      ownerName: 'Sam Patel',
      'due-day': '10',
      'due-month': '3',
      'due-year': '2023',
      ...when,
    },
    'Europe/London',
  );
  assert.deepEqual(problems, []);
  assert.deepEqual(event?.owner, { agency: 'health-visiting', name: 'Sam Patel' });
  assert.equal(event?.agency, undefined);
  assert.equal(event?.due, '2023-03-10');
});

test('supervision is a supervision-session contact about the child; its actions are agreed actions like any other', () => {
  const { event } = formToEvent(formBySlug('supervision')!, { person: 'baby', ...when }, 'Europe/London');
  assert.deepEqual(event, { type: 'contact', person: 'baby', kind: 'supervision-session', at: '2023-03-06T10:30' });
});

test('each closing-the-loop form makes its record, and a missing choice is named', () => {
  const escalation = formToEvent(
    formBySlug('escalation')!,
    { person: 'baby', to: 'hospital', about: 'discharge', stage: '2', ...when },
    'Europe/London',
  );
  assert.equal(escalation.event?.type, 'escalation.raised');
  assert.equal(escalation.event?.stage, 2);
  const ended = formToEvent(
    formBySlug('allocation')!,
    { person: 'baby', change: 'ended', role: 'health-visitor', name: 'Sam Patel', reason: 'left', ...when },
    'Europe/London',
  );
  assert.equal(ended.event?.type, 'allocation.ended');
  const cancelled = formToEvent(
    formBySlug('action-closed')!,
    { person: 'baby', action: 'act-1', change: 'ended', reason: 'moved away', ...when },
    'Europe/London',
  );
  assert.deepEqual(cancelled.event, {
    type: 'action.cancelled',
    person: 'baby',
    action: 'act-1',
    reason: 'moved away',
    at: '2023-03-06T10:30',
  });
  const missing = formToEvent(formBySlug('acknowledgement')!, { person: 'baby', ...when }, 'Europe/London');
  assert.deepEqual(
    missing.problems.map((p) => p.field),
    ['of'],
  );
});
