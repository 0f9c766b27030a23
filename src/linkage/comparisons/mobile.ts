import { NULL_LEVEL, type Comparison } from '../comparison.ts';
import { levenshtein } from '../string-similarity.ts';

/** A mobile number: a person's own, so weighed even between two records of one household. */
export const mobile: Comparison = {
  key: 'mobile',
  title: 'Mobile telephone',
  levels: [{ label: 'exact', termFrequency: true }, { label: 'one or two digits differ' }, { label: 'different' }],
  compare(a, b) {
    if (a.mobile === null || b.mobile === null) return NULL_LEVEL;
    if (a.mobile === b.mobile) return 0;
    return levenshtein(a.mobile, b.mobile) <= 2 ? 1 : 2;
  },
  termFrequencyValue: (record) => record.mobile,
};
