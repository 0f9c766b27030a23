import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EVENT_FORMS, formBySlug } from './event-forms.ts';
import { formToEvent } from './form-to-event.ts';
import { problemText } from '../render.ts';

// Messages are written for people: an instruction that stands alone ("Select why the
// appointment was missed"), never a question turned inside out ("select why was it
// missed") nor a field's name in front of a sentence.

test('every required field left blank is named with an instruction a person would write', () => {
  let checked = 0;
  for (const form of EVENT_FORMS) {
    const { problems } = formToEvent(form, {}, 'Europe/London');
    for (const field of form.fields.filter((f) => f.required)) {
      const problem = problems.find((p) => p.field === field.name);
      assert.ok(problem, `${form.slug}.${field.name} is named when blank`);
      const text = problemText(problem, field.label);
      assert.match(text, /^(Select|Enter|Choose|Say|Give) /, `${form.slug}.${field.name}: ${text}`);
      assert.doesNotMatch(
        text,
        /\b(select|enter) the (who|what|which|when|how|is|are|does|did|was|were|from|since|referred|shared|raised|owner)\b/i,
        `${form.slug}.${field.name}: ${text}`,
      );
      assert.doesNotMatch(text, /\?/, `${form.slug}.${field.name}: ${text}`);
      checked++;
    }
  }
  assert.ok(checked > 60, `${checked} required fields checked`);
});

test('a weight that is not a number is met with what to enter, not with a type error', () => {
  const { problems } = formToEvent(
    formBySlug('measurement')!,
    { person: 'baby', kind: 'weight', value: '4,2kg', 'at-day': '6', 'at-month': '3', 'at-year': '2023', 'at-time': '10:30' },
    'Europe/London',
  );
  assert.deepEqual(
    problems.map((p) => p.field),
    ['value'],
  );
  assert.match(problemText(problems[0], 'Value'), /^Enter the measurement as a number: a weight in kilograms, for example 4\.2/);
});

test('a date that is not on the calendar, and a time in the future, are explained', () => {
  const form = formBySlug('missed-appointment')!;
  const base = { person: 'baby', kind: 'clinic', reason: 'was-not-brought' };
  const unreal = formToEvent(form, { ...base, 'at-day': '31', 'at-month': '2', 'at-year': '2024' }, 'Europe/London');
  assert.equal(problemText(unreal.problems[0]), 'Enter a real date: 31 2 2024 is not a day of the calendar');
  const next = new Date(Date.now() + 2 * 86_400_000);
  const future = formToEvent(
    form,
    { ...base, 'at-day': String(next.getUTCDate()), 'at-month': String(next.getUTCMonth() + 1), 'at-year': String(next.getUTCFullYear()) },
    'Europe/London',
  );
  assert.equal(future.event, undefined);
  assert.match(problemText(future.problems[0]), /^Enter a date and time that has passed: a record says what has happened/);
});

test('a pregnancy booking introduces the unborn baby with an id made from the form, so a resubmission makes one baby', () => {
  const body = {
    eventId: '6f1c2a4e-9b7d-4c11-8e2f-1a2b3c4d5e6f',
    person: 'mum',
    gestationWeeks: '10',
    'due-day': '1',
    'due-month': '9',
    'due-year': '2023',
    'at-day': '6',
    'at-month': '3',
    'at-year': '2023',
  };
  const first = formToEvent(formBySlug('pregnancy')!, body, 'Europe/London');
  const again = formToEvent(formBySlug('pregnancy')!, body, 'Europe/London');
  assert.deepEqual(first.problems, []);
  assert.equal(first.event?.unborn, 'unborn-6f1c2a4e-9b7d');
  assert.equal(again.event?.unborn, first.event?.unborn);
  assert.equal(first.event?.gestationWeeks, 10);
});

test('a hospital stay form makes each of its three records', () => {
  for (const [change, type] of [
    ['admitted', 'hospital.admitted'],
    ['fit-for-discharge', 'hospital.fit-for-discharge'],
    ['discharged', 'hospital.discharged'],
  ]) {
    const { event } = formToEvent(
      formBySlug('hospital')!,
      { person: 'baby', change, 'at-day': '6', 'at-month': '3', 'at-year': '2023' },
      'Europe/London',
    );
    assert.equal(event?.type, type);
    assert.equal(event?.change, undefined);
  }
});
