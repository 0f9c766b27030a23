import { NULL_LEVEL, type Comparison } from '../comparison.ts';

export const dateOfBirth: Comparison = {
  key: 'date-of-birth',
  title: 'Date of birth',
  levels: [
    { label: 'exact' },
    { label: 'day and month transposed' },
    { label: 'year out by one or by ten (a slip of the pen)' },
    { label: 'one of day, month or year differs' },
    { label: 'within a month' },
    { label: 'within a year' },
    { label: 'within ten years' },
    { label: 'different' },
  ],
  compare(a, b) {
    const x = a.born,
      y = b.born;
    if (x === null || y === null) return NULL_LEVEL;
    if (x.dayNumber === y.dayNumber) return 0;
    if (x.year === y.year && x.day === y.month && x.month === y.day) return 1;
    const sameDay = x.month === y.month && x.day === y.day;
    const yearsApart = Math.abs(x.year - y.year);
    if (sameDay && (yearsApart === 1 || yearsApart === 10)) return 2;
    const sameFields = (x.year === y.year ? 1 : 0) + (x.month === y.month ? 1 : 0) + (x.day === y.day ? 1 : 0);
    if (sameFields === 2) return 3;
    const days = Math.abs(x.dayNumber - y.dayNumber);
    if (days <= 31) return 4;
    if (days <= 366) return 5;
    if (days <= 3653) return 6;
    return 7;
  },
};
