import { NULL_LEVEL, type Comparison } from '../comparison.ts';
import { levenshtein } from '../string-similarity.ts';

/**
 * Where a person can be reached: postcode and telephone in one comparison, because a
 * household shares both (a landline at the family's address). Counted as two
 * independent pieces of evidence they would make everyone at one address look like
 * one person.
 */
export const address: Comparison = {
  key: 'address',
  title: 'Postcode and telephone',
  levels: [
    { label: 'same postcode', termFrequency: true },
    { label: 'same telephone' },
    { label: 'same postcode sector' },
    { label: 'same postcode district' },
    { label: 'telephone one or two digits differ' },
    { label: 'same postcode area' },
    { label: 'different' },
  ],
  compare(a, b) {
    const x = a.postcode,
      y = b.postcode;
    const postcodes = x !== null && y !== null;
    const phones = a.phone !== null && b.phone !== null;
    if (!postcodes && !phones) return NULL_LEVEL;
    if (postcodes && x.full === y.full) return 0;
    if (phones && a.phone === b.phone) return 1;
    if (postcodes && x.sector === y.sector) return 2;
    if (postcodes && x.district === y.district) return 3;
    if (phones && levenshtein(a.phone!, b.phone!) <= 2) return 4;
    if (postcodes && x.area === y.area) return 5;
    return 6;
  },
  termFrequencyValue: (record) => record.postcode?.full ?? null,
};
