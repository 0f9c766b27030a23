import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { addMonths, endOfLocalDay, localDateKey, parseLocal, startOfLocalDay } from './time.ts';

const ZONES = ['Europe/London', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata'];

test('local day and month arithmetic agrees with luxon across DST changes, in several zones', () => {
  for (const zone of ZONES) {
    for (let ms = Date.UTC(2023, 0, 1); ms < Date.UTC(2024, 11, 31); ms += 7 * 3_600_000 + 13 * 60_000) {
      const dt = DateTime.fromMillis(ms, { zone });
      assert.equal(endOfLocalDay(ms, zone), dt.endOf('day').toMillis(), `end of day ${zone} ${dt.toISO()}`);
      assert.equal(startOfLocalDay(ms, zone), dt.startOf('day').toMillis(), `start of day ${zone} ${dt.toISO()}`);
      assert.equal(localDateKey(ms, zone), dt.toISODate());
    }
    for (let ms = Date.UTC(2023, 0, 1, 10); ms < Date.UTC(2024, 11, 31); ms += 86_400_000 + 3_600_000) {
      const dt = DateTime.fromMillis(ms, { zone });
      for (const months of [1, 6, 12, 15, 30])
        assert.equal(addMonths(ms, months, zone), dt.plus({ months }).toMillis(), `${zone} ${dt.toISO()} +${months}`);
    }
  }
});

test('parseLocal reads local wall-clock time and refuses impossible dates', () => {
  assert.equal(parseLocal('2023-07-01T10:30', 'Europe/London'), Date.UTC(2023, 6, 1, 9, 30));
  assert.equal(parseLocal('2023-01-01', 'Europe/London'), Date.UTC(2023, 0, 1));
  assert.equal(parseLocal('2023-02-30', 'Europe/London'), undefined);
  assert.equal(parseLocal('2023-13-01', 'Europe/London'), undefined);
  assert.equal(parseLocal('yesterday', 'Europe/London'), undefined);
});

test('parseLocal agrees with luxon for every hour of two years, including the repeated and skipped hours', () => {
  for (const zone of ['Europe/London', 'America/New_York']) {
    for (let ms = Date.UTC(2023, 0, 1); ms < Date.UTC(2025, 0, 1); ms += 3_600_000 + 60_000) {
      const text = new Date(ms).toISOString().slice(0, 16);
      const ours = parseLocal(text, zone)!;
      const theirs = DateTime.fromISO(text, { zone });
      if (theirs.toFormat("yyyy-MM-dd'T'HH:mm") !== text) {
        assert.equal(ours, theirs.toMillis(), `skipped hour ${zone} ${text}`);
      } else {
        // In the hour that repeats when clocks go back, either instant is a faithful reading.
        assert.equal(DateTime.fromMillis(ours, { zone }).toFormat("yyyy-MM-dd'T'HH:mm"), text, `${zone} ${text}`);
      }
    }
  }
  assert.equal(parseLocal('2023-03-06T10:30:00+01:00', 'Europe/London'), Date.UTC(2023, 2, 6, 9, 30));
  assert.equal(parseLocal('2023-03-06T10:30Z', 'Europe/London'), Date.UTC(2023, 2, 6, 10, 30));
});

test('formatDay reads the local calendar day', async () => {
  const { formatDay } = await import('./time.ts');
  assert.equal(formatDay(Date.UTC(2023, 2, 6, 10, 30), 'Europe/London'), '6 Mar 2023');
  assert.equal(formatDay(Date.UTC(2023, 5, 30, 23, 30), 'Europe/London'), '1 Jul 2023');
});

test('local calendar days agree with luxon across the clock changes', async () => {
  const { addLocalDays, localDaysBetween } = await import('./time.ts');
  for (const zone of ['Europe/London', 'America/New_York']) {
    for (let ms = Date.UTC(2023, 0, 1, 9); ms < Date.UTC(2024, 11, 31); ms += 86_400_000 + 3_600_000) {
      for (const days of [-280, -7, 1, 14]) {
        assert.equal(
          addLocalDays(ms, days, zone),
          DateTime.fromMillis(ms, { zone }).plus({ days }).toMillis(),
          `${zone} ${new Date(ms).toISOString()} ${days}`,
        );
      }
      const later = ms + 40 * 86_400_000;
      // Read on the wall clock: the same time of day 40 days on is 40 days, whatever the clocks did.
      assert.equal(localDaysBetween(ms, addLocalDays(ms, 40, zone), zone), 40);
      assert.ok(
        Math.abs(
          localDaysBetween(ms, later, zone) - DateTime.fromMillis(later, { zone }).diff(DateTime.fromMillis(ms, { zone }), 'days').days,
        ) <=
          1 / 24 + 1e-9,
      );
    }
  }
});

test('years before 100 are those years, not 1900 onwards (a record dated 0000 is year 0)', () => {
  assert.equal(new Date(parseLocal('0000-01-01', 'UTC')!).getUTCFullYear(), 0);
  assert.equal(new Date(parseLocal('0099-12-31T23:00Z', 'UTC')!).toISOString(), '0099-12-31T23:00:00.000Z');
  assert.ok(parseLocal('0000-02-29', 'UTC') !== undefined, 'year 0 is a leap year');
  assert.equal(parseLocal('0100-02-29', 'UTC'), undefined, 'year 100 is not');
});
