import { NULL_LEVEL, type Comparison } from '../comparison.ts';
import { jaroWinkler } from '../string-similarity.ts';

export const email: Comparison = {
  key: 'email',
  title: 'Email',
  levels: [
    { label: 'exact', termFrequency: true },
    { label: 'same part before the @' },
    { label: 'Jaro-Winkler at least 0.88' },
    { label: 'different' },
  ],
  compare(a, b) {
    if (a.email === null || b.email === null) return NULL_LEVEL;
    if (a.email === b.email) return 0;
    if (a.emailLocal === b.emailLocal) return 1;
    return jaroWinkler(a.email, b.email) >= 0.88 ? 2 : 3;
  },
  termFrequencyValue: (record) => record.email,
};
