import Holidays from 'date-holidays';
import { z } from 'zod';
import { addLocalDays, endOfLocalDay, localDateKey, startOfLocalDay } from './time.ts';

// "2 working days" in a protocol means two days that are neither a weekend nor a bank
// holiday in the partnership's nation, nor a day the partnership says its services close.
// Bank holidays come from date-holidays (a maintained library whose UK data carries the
// substitute days and the one-off holidays proclaimed by the Crown, such as the Queen's
// funeral on 19 September 2022 and the Coronation on 8 May 2023).

/** The UK's bank-holiday calendars, by the nation whose holidays apply. */
const NATIONS = {
  'england-and-wales': 'ENG',
  scotland: 'SCT',
  'northern-ireland': 'NIR',
} as const;

export const workingDaysSchema = z
  .strictObject({
    bankHolidays: z.enum(Object.keys(NATIONS) as [keyof typeof NATIONS, ...(keyof typeof NATIONS)[]]).default('england-and-wales'),
    /** Extra days the partnership's services close (local dates), e.g. a closure between Christmas and New Year. */
    closures: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date (YYYY-MM-DD)')).default([]),
  })
  .prefault({});
export type WorkingDaysConfig = z.output<typeof workingDaysSchema>;

/** Each nation's bank holidays by year, shared by every calendar (and so every engine and shard): date-holidays takes 1-5 ms a year. */
const holidaysByNation = new Map<string, { holidays: Holidays; byYear: Map<number, Set<string>> }>();

/** The partnership's working days, in its own time zone. */
export class WorkingCalendar {
  private readonly holidays: Holidays;
  private readonly byYear: Map<number, Set<string>>;
  private readonly closures: Set<string>;

  constructor(
    readonly zone: string,
    config: WorkingDaysConfig = { bankHolidays: 'england-and-wales', closures: [] },
  ) {
    const nation = NATIONS[config.bankHolidays];
    let shared = holidaysByNation.get(nation);
    if (!shared) holidaysByNation.set(nation, (shared = { holidays: new Holidays('GB', nation), byYear: new Map() }));
    this.holidays = shared.holidays;
    this.byYear = shared.byYear;
    this.closures = new Set(config.closures);
  }

  /** Bank holidays of a year as local dates (YYYY-MM-DD), substitute days included. */
  bankHolidays(year: number): ReadonlySet<string> {
    let days = this.byYear.get(year);
    if (!days) {
      const list = this.holidays.getHolidays(year) || [];
      days = new Set(list.filter((h) => h.type === 'public' || h.type === 'bank').map((h) => h.date.slice(0, 10)));
      this.byYear.set(year, days);
    }
    return days;
  }

  /** Whether a local date (YYYY-MM-DD) is a working day. */
  isWorkingDay(date: string): boolean {
    const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
    if (weekday === 0 || weekday === 6) return false;
    return !this.bankHolidays(Number(date.slice(0, 4))).has(date) && !this.closures.has(date);
  }

  /**
   * The last moment of the `days`-th working day after the local day of `ms`: a record on
   * Friday afternoon with 2 working days is due by the end of Tuesday, or Wednesday when
   * Monday is a bank holiday. With 0 days it is the end of that day, or of the next
   * working day when that day is not one.
   */
  endOfWorkingDaysAfter(ms: number, days: number): number {
    let day = startOfLocalDay(ms, this.zone);
    let counted = 0;
    if (days === 0) {
      while (!this.isWorkingDay(localDateKey(day, this.zone))) day = addLocalDays(day, 1, this.zone);
      return endOfLocalDay(day, this.zone);
    }
    while (counted < days) {
      day = addLocalDays(day, 1, this.zone);
      if (this.isWorkingDay(localDateKey(day, this.zone))) counted++;
    }
    return endOfLocalDay(day, this.zone);
  }
}
