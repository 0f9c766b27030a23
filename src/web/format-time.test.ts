import { test } from 'node:test';
import assert from 'node:assert/strict';
import { endOfLocalDay } from '../domain/time.ts';
import { formatDateTime, formatDeadline } from './format-time.ts';

const LONDON = 'Europe/London';
const at = (iso: string) => Date.parse(iso);

test('a deadline at 23:00 UTC in summer is midnight local: the end of that local day', () => {
  assert.equal(formatDeadline(at('2026-06-10T23:00:00Z'), LONDON), 'midnight at the end of 10 Jun 2026');
  assert.equal(formatDateTime(at('2026-06-10T23:00:00Z'), LONDON), '11 Jun 2026, 00:00');
});

test('the same 23:00 UTC in winter is 23:00 local', () => {
  assert.equal(formatDeadline(at('2026-01-10T23:00:00Z'), LONDON), '10 Jan 2026, 23:00');
});

test('the end of a local day reads as midnight on both clock-change days and the days beside them, never 22:59 or 23:59', () => {
  for (const [day, label] of [
    ['2026-03-28', '28 Mar 2026'],
    ['2026-03-29', '29 Mar 2026'], // clocks go forward: a 23-hour day
    ['2026-03-30', '30 Mar 2026'],
    ['2026-10-24', '24 Oct 2026'],
    ['2026-10-25', '25 Oct 2026'], // clocks go back: a 25-hour day
    ['2026-10-26', '26 Oct 2026'],
  ]) {
    const end = endOfLocalDay(at(`${day}T12:00:00Z`), LONDON);
    assert.equal(formatDeadline(end, LONDON), `midnight at the end of ${label}`, day);
  }
  // In summer the end of the day is 22:59:59.999 UTC: shown in local time, not UTC.
  assert.equal(new Date(endOfLocalDay(at('2026-03-29T12:00:00Z'), LONDON)).toISOString(), '2026-03-29T22:59:59.999Z');
});

test('times either side of both clock changes are shown on the local wall clock', () => {
  assert.equal(formatDateTime(at('2026-03-29T00:30:00Z'), LONDON), '29 Mar 2026, 00:30');
  assert.equal(formatDateTime(at('2026-03-29T01:30:00Z'), LONDON), '29 Mar 2026, 02:30');
  assert.equal(formatDateTime(at('2026-07-01T09:30:00Z'), LONDON), '1 Jul 2026, 10:30');
  // The hour that repeats when the clocks go back: 01:30 twice, an hour apart.
  assert.equal(formatDateTime(at('2026-10-25T00:30:00Z'), LONDON), '25 Oct 2026, 01:30');
  assert.equal(formatDateTime(at('2026-10-25T01:30:00Z'), LONDON), '25 Oct 2026, 01:30');
  assert.equal(formatDeadline(at('2026-10-25T14:05:00Z'), LONDON), '25 Oct 2026, 14:05');
});

test('another partnership zone is honoured', () => {
  assert.equal(formatDeadline(at('2026-06-10T22:00:00Z'), 'Europe/Paris'), 'midnight at the end of 10 Jun 2026');
  assert.equal(formatDateTime(at('2026-06-10T22:00:00Z'), 'Europe/London'), '10 Jun 2026, 23:00');
});
