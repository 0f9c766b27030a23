import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EVENT_FORMS } from './event-forms.ts';
import { formToEvent } from './form-to-event.ts';

test('probe: plausibility: on every form a required date left blank, or part-blank, is refused by name; it never becomes "now"', () => {
  let checked = 0;
  for (const form of EVENT_FORMS) {
    for (const field of form.fields.filter((f) => (f.kind === 'when' || f.kind === 'date') && f.required)) {
      for (const blank of [
        { day: '', month: '', year: '' },
        { day: '', month: '3', year: '2024' },
        { day: '6', month: '3', year: '' },
      ]) {
        const body = {
          [`${field.name}-day`]: blank.day,
          [`${field.name}-month`]: blank.month,
          [`${field.name}-year`]: blank.year,
          [`${field.name}-time`]: '10:30',
        };
        const { event, problems } = formToEvent(form, body, 'Europe/London');
        assert.equal(event, undefined, `${form.slug}.${field.name} ${JSON.stringify(blank)}: nothing made`);
        assert.ok(
          problems.some((p) => p.field === field.name),
          `${form.slug}.${field.name} ${JSON.stringify(blank)}: the date is named (${JSON.stringify(problems)})`,
        );
        checked++;
      }
    }
  }
  assert.ok(checked >= EVENT_FORMS.length * 3, `${checked} blank dates checked`);
});
