import { NULL_LEVEL, type Comparison } from '../comparison.ts';
import { shareNicknameGroup } from '../fields/nicknames.ts';
import { jaroWinkler, soundAlike } from '../string-similarity.ts';
import { familyNameInGivenField, givenNameInFamilyField, namesSwapped } from './swapped-name.ts';

const SWAPPED = 5,
  IN_FAMILY_FIELD = 6;

export const givenName: Comparison = {
  key: 'given-name',
  title: 'Given name',
  levels: [
    { label: 'exact', termFrequency: true },
    { label: 'nickname (William and Bill)' },
    { label: 'sounds alike (Double Metaphone)' },
    { label: 'Jaro-Winkler at least 0.92' },
    { label: 'Jaro-Winkler at least 0.88' },
    // Both names agree, crosswise: one event, weighed once, here.
    { label: 'forename and surname swapped (both names)', termFrequency: true },
    { label: 'written in the family-name field', termFrequency: true },
    { label: 'Jaro-Winkler at least 0.7' },
    { label: 'different' },
  ],
  compare(a, b) {
    if (a.given === null || b.given === null) return givenNameInFamilyField(a, b) ? IN_FAMILY_FIELD : NULL_LEVEL;
    if (a.given === b.given) return 0;
    if (shareNicknameGroup(a.givenNicknames, b.givenNicknames)) return 1;
    if (soundAlike(a.givenPhonetic!, b.givenPhonetic!)) return 2;
    const similarity = jaroWinkler(a.givenChars!, b.givenChars!);
    if (similarity >= 0.92) return 3;
    if (similarity >= 0.88) return 4;
    if (familyNameInGivenField(a, b)) return NULL_LEVEL;
    if (namesSwapped(a, b)) return SWAPPED;
    if (similarity >= 0.7) return 7;
    return 8;
  },
  notWeighedBecause: (a, b) =>
    a.given !== null && b.given !== null && familyNameInGivenField(a, b)
      ? 'not weighed: one given-name field holds the other record’s family name'
      : null,
  termFrequencyValue: (record) => record.given,
  valueFrequency(level, a, b, frequencyOf) {
    if (level === 0) return frequencyOf('given-name', a.given);
    if (level === IN_FAMILY_FIELD) return frequencyOf('given-name', a.given ?? b.given);
    if (level !== SWAPPED) return null;
    // Either record may be the one keyed the right way round: the commoner reading counts.
    const asKeyed = (r: typeof a) => {
      const given = frequencyOf('given-name', r.given),
        family = frequencyOf('family-name', r.family);
      return given === null || family === null ? null : given * family;
    };
    const x = asKeyed(a),
      y = asKeyed(b);
    return x === null || y === null ? null : Math.max(x, y);
  },
};
