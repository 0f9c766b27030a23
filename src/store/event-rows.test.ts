import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkEvent } from '../domain/validate-event.ts';
import { copyRow } from './copy-text.ts';
import { eventCopyRow, eventValues } from './event-rows.ts';

function event(input: Record<string, unknown>) {
  const checked = checkEvent(input, 'Europe/London', 7, 'fallback-key', Date.UTC(2024, 0, 2));
  assert.ok(checked.ok, JSON.stringify(!checked.ok && checked.problems));
  checked.event.recordedAt = Date.UTC(2024, 0, 2, 9, 30);
  return checked.event;
}

test('the written-out COPY row is the generic row of the same values', () => {
  const samples = [
    event({ at: '2024-01-01T10:00', type: 'person.recorded', person: 'mum\t1', role: 'adult', agency: 'midwifery' }),
    event({
      at: '2024-01-01T10:00',
      type: 'concern.recorded',
      id: 'key\\with\nodd',
      person: 'p"1',
      kind: 'domestic-abuse',
      agency: 'police',
      note: 'tab\there, newline\nthere, backslash \\ too',
      recordedBy: { role: 'officer', qualified: false },
    }),
  ];
  for (const sample of samples) {
    assert.equal(eventCopyRow(sample, { userId: 'u\t1' }), copyRow(eventValues(sample, { userId: 'u\t1' })));
    assert.equal(eventCopyRow(sample), copyRow(eventValues(sample)));
  }
});

test('a COPY row has one line and twelve fields whatever the text holds', () => {
  const row = eventCopyRow(event({ at: '2024-01-01T10:00', type: 'person.recorded', person: 'a\tb\nc\\d', role: 'adult' }));
  assert.equal(row.indexOf('\n'), row.length - 1);
  assert.equal(row.slice(0, -1).split('\t').length, 12);
});
