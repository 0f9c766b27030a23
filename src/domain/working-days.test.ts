import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLocal } from './time.ts';
import { WorkingCalendar, workingDaysSchema } from './working-days.ts';

const ZONE = 'Europe/London';
const t = (iso: string) => parseLocal(iso, ZONE)!;

// The bank holidays in England and Wales as published on GOV.UK (the days on which they
// are observed), for every year the case-review scenarios (2016-2019, 2022-2023), the
// demo (the current year and the next) and the synthetic population use.
const GOV_UK_ENGLAND_AND_WALES: Record<number, string[]> = {
  2016: ['01-01', '03-25', '03-28', '05-02', '05-30', '08-29', '12-26', '12-27'],
  2017: ['01-02', '04-14', '04-17', '05-01', '05-29', '08-28', '12-25', '12-26'],
  2018: ['01-01', '03-30', '04-02', '05-07', '05-28', '08-27', '12-25', '12-26'],
  2019: ['01-01', '04-19', '04-22', '05-06', '05-27', '08-26', '12-25', '12-26'],
  2020: ['01-01', '04-10', '04-13', '05-08', '05-25', '08-31', '12-25', '12-28'],
  2021: ['01-01', '04-02', '04-05', '05-03', '05-31', '08-30', '12-27', '12-28'],
  2022: ['01-03', '04-15', '04-18', '05-02', '06-02', '06-03', '08-29', '09-19', '12-26', '12-27'],
  2023: ['01-02', '04-07', '04-10', '05-01', '05-08', '05-29', '08-28', '12-25', '12-26'],
  2024: ['01-01', '03-29', '04-01', '05-06', '05-27', '08-26', '12-25', '12-26'],
  2025: ['01-01', '04-18', '04-21', '05-05', '05-26', '08-25', '12-25', '12-26'],
  2026: ['01-01', '04-03', '04-06', '05-04', '05-25', '08-31', '12-25', '12-28'],
};

test('the bank holidays observed on weekdays match the published GOV.UK list for every year in use', () => {
  const calendar = new WorkingCalendar(ZONE);
  for (const [year, days] of Object.entries(GOV_UK_ENGLAND_AND_WALES)) {
    const weekdays = [...calendar.bankHolidays(Number(year))]
      .filter((date) => ![0, 6].includes(new Date(`${date}T12:00:00Z`).getUTCDay()))
      .sort();
    assert.deepEqual(
      weekdays,
      days.map((d) => `${year}-${d}`),
      `bank holidays ${year}`,
    );
  }
});

test('the calendar covers the years after the demo too: the eight regular holidays at least', () => {
  const calendar = new WorkingCalendar(ZONE);
  const thisYear = new Date().getUTCFullYear();
  for (let year = thisYear; year <= thisYear + 5; year++) assert.ok(calendar.bankHolidays(year).size >= 8, `year ${year}`);
});

test('2 working days after a Wednesday ends on Friday night', () => {
  const calendar = new WorkingCalendar(ZONE);
  assert.equal(calendar.endOfWorkingDaysAfter(t('2019-04-24T11:45'), 2), t('2019-04-26T23:59:59.999'));
});

test('weekends and a bank holiday Monday are skipped', () => {
  const calendar = new WorkingCalendar(ZONE);
  // Friday 26 May 2017; Monday 29 May was the Spring bank holiday.
  assert.equal(calendar.endOfWorkingDaysAfter(t('2017-05-26T15:00'), 2), t('2017-05-31T23:59:59.999'));
  // Thursday 5 May 2023; Monday 8 May was the Coronation bank holiday.
  assert.equal(calendar.endOfWorkingDaysAfter(t('2023-05-05T09:00'), 1), t('2023-05-09T23:59:59.999'));
});

test('a record made at the weekend counts from the next working day', () => {
  const calendar = new WorkingCalendar(ZONE);
  assert.equal(calendar.endOfWorkingDaysAfter(t('2023-03-11T10:00'), 1), t('2023-03-13T23:59:59.999'));
  assert.equal(calendar.endOfWorkingDaysAfter(t('2023-03-11T10:00'), 0), t('2023-03-13T23:59:59.999'));
  assert.equal(calendar.endOfWorkingDaysAfter(t('2023-03-10T10:00'), 0), t('2023-03-10T23:59:59.999'));
});

test("Christmas: Boxing Day's substitute and the partnership's own closures are not working days", () => {
  const calendar = new WorkingCalendar(ZONE, workingDaysSchema.parse({ closures: ['2022-12-28', '2022-12-29', '2022-12-30'] }));
  // Friday 23 Dec 2022: 26 and 27 Dec are bank holidays, 28-30 the partnership's closure.
  assert.equal(calendar.endOfWorkingDaysAfter(t('2022-12-23T10:00'), 1), t('2023-01-03T23:59:59.999'));
  assert.equal(new WorkingCalendar(ZONE).endOfWorkingDaysAfter(t('2022-12-23T10:00'), 1), t('2022-12-28T23:59:59.999'));
});

test('the end of the day is local: across the change to summer time', () => {
  const calendar = new WorkingCalendar(ZONE);
  // Friday 24 March 2023; clocks went forward on Sunday 26 March.
  const due = calendar.endOfWorkingDaysAfter(t('2023-03-24T10:00'), 1);
  assert.equal(due, t('2023-03-27T23:59:59.999'));
  assert.equal(new Date(due).toISOString(), '2023-03-27T22:59:59.999Z');
});

test('Scotland has its own bank holidays (2 January, St Andrew’s Day)', () => {
  const scotland = new WorkingCalendar(ZONE, workingDaysSchema.parse({ bankHolidays: 'scotland' }));
  assert.equal(scotland.isWorkingDay('2024-01-02'), false);
  assert.equal(new WorkingCalendar(ZONE).isWorkingDay('2024-01-02'), true);
});

test('a closure that is not a date is refused naming the field', () => {
  const result = workingDaysSchema.safeParse({ closures: ['28/12/2022'] });
  assert.equal(result.success, false);
  assert.deepEqual(result.error?.issues[0].path, ['closures', 0]);
});
