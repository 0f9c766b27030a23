import { NULL_LEVEL, type Comparison } from '../comparison.ts';
import { jaroWinkler } from '../string-similarity.ts';

/** The town, weighed only when a postcode is missing: two postcodes already say where, and more precisely. */
export const area: Comparison = {
  key: 'area',
  title: 'Town or area',
  levels: [{ label: 'exact', termFrequency: true }, { label: 'Jaro-Winkler at least 0.88' }, { label: 'different' }],
  compare(a, b) {
    if (a.area === null || b.area === null) return NULL_LEVEL;
    if (a.postcode !== null && b.postcode !== null) return NULL_LEVEL;
    if (a.area === b.area) return 0;
    return jaroWinkler(a.area, b.area) >= 0.88 ? 1 : 2;
  },
  notWeighedBecause: (a, b) =>
    a.area !== null && b.area !== null && a.postcode !== null && b.postcode !== null ? 'not weighed: both records have a postcode' : null,
  termFrequencyValue: (record) => record.area,
};
