import { NULL_LEVEL, type Comparison } from '../comparison.ts';

/** Only valid NHS numbers (modulus 11) take part; an invalid one counts as missing. */
export const nhsNumber: Comparison = {
  key: 'nhs-number',
  title: 'NHS number',
  levels: [{ label: 'same valid NHS number', termFrequency: true }, { label: 'different valid NHS numbers' }],
  compare(a, b) {
    if (a.nhsNumber === null || b.nhsNumber === null) return NULL_LEVEL;
    return a.nhsNumber === b.nhsNumber ? 0 : 1;
  },
  termFrequencyValue: (record) => record.nhsNumber,
};
