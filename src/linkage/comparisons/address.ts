import { NULL_LEVEL, type Comparison } from '../comparison.ts';
import { levenshtein } from '../string-similarity.ts';

/**
 * Where a person lives: postcode and landline in one comparison, because a household
 * shares both. Counted as two independent pieces of evidence they would make everyone
 * at one address look like one person. (A mobile is a person's own: see mobile.ts.)
 */
export const address: Comparison = {
  key: 'address',
  title: 'Postcode and landline',
  levels: [
    { label: 'same postcode', termFrequency: true },
    { label: 'same landline' },
    { label: 'same postcode sector' },
    { label: 'same postcode district' },
    { label: 'landline one or two digits differ' },
    { label: 'same postcode area' },
    { label: 'different' },
  ],
  compare(a, b) {
    const x = a.postcode,
      y = b.postcode;
    const postcodes = x !== null && y !== null;
    const phones = a.landline !== null && b.landline !== null;
    if (!postcodes && !phones) return NULL_LEVEL;
    if (postcodes && x.full === y.full) return 0;
    if (phones && a.landline === b.landline) return 1;
    if (postcodes && x.sector === y.sector) return 2;
    if (postcodes && x.district === y.district) return 3;
    if (phones && levenshtein(a.landline, b.landline) <= 2) return 4;
    if (postcodes && x.area === y.area) return 5;
    return 6;
  },
  termFrequencyValue: (record) => record.postcode?.full ?? null,
};
