import { NULL_LEVEL, type Comparison } from '../comparison.ts';

export const sex: Comparison = {
  key: 'sex',
  title: 'Sex',
  levels: [{ label: 'same' }, { label: 'different' }],
  compare(a, b) {
    if (a.sex === null || b.sex === null) return NULL_LEVEL;
    return a.sex === b.sex ? 0 : 1;
  },
};
