import { NULL_LEVEL, type Comparison } from '../comparison.ts';

export const postcode: Comparison = {
  key: 'postcode',
  title: 'Postcode',
  levels: [
    { label: 'same postcode', termFrequency: true },
    { label: 'same sector' },
    { label: 'same district' },
    { label: 'same area' },
    { label: 'different' },
  ],
  compare(a, b) {
    const x = a.postcode,
      y = b.postcode;
    if (x === null || y === null) return NULL_LEVEL;
    if (x.full === y.full) return 0;
    if (x.sector === y.sector) return 1;
    if (x.district === y.district) return 2;
    if (x.area === y.area) return 3;
    return 4;
  },
  termFrequencyValue: (record) => record.postcode?.full ?? null,
};
