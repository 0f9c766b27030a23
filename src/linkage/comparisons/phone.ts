import { NULL_LEVEL, type Comparison } from '../comparison.ts';
import { levenshtein } from '../string-similarity.ts';

export const phone: Comparison = {
  key: 'phone',
  title: 'Telephone',
  levels: [{ label: 'exact', termFrequency: true }, { label: 'one or two digits differ' }, { label: 'different' }],
  compare(a, b) {
    if (a.phone === null || b.phone === null) return NULL_LEVEL;
    if (a.phone === b.phone) return 0;
    return levenshtein(a.phone, b.phone) <= 2 ? 1 : 2;
  },
  termFrequencyValue: (record) => record.phone,
};
