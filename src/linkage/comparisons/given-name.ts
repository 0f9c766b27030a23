import { NULL_LEVEL, type Comparison } from '../comparison.ts';
import { shareNicknameGroup } from '../fields/nicknames.ts';
import { jaroWinkler, soundAlike } from '../string-similarity.ts';
import { matchesOtherNameField } from './swapped-name.ts';

export const givenName: Comparison = {
  key: 'given-name',
  title: 'Given name',
  levels: [
    { label: 'exact', termFrequency: true },
    { label: 'nickname (William and Bill)' },
    { label: 'sounds alike (Double Metaphone)' },
    { label: 'Jaro-Winkler at least 0.92' },
    { label: 'Jaro-Winkler at least 0.88' },
    { label: 'written as the family name (forename and surname swapped)' },
    { label: 'Jaro-Winkler at least 0.7' },
    { label: 'different' },
  ],
  compare(a, b) {
    if (a.given === null || b.given === null) return NULL_LEVEL;
    if (a.given === b.given) return 0;
    if (shareNicknameGroup(a.givenNicknames, b.givenNicknames)) return 1;
    if (soundAlike(a.givenPhonetic!, b.givenPhonetic!)) return 2;
    const similarity = jaroWinkler(a.given, b.given);
    if (similarity >= 0.92) return 3;
    if (similarity >= 0.88) return 4;
    if (matchesOtherNameField(a.given, b.family) || matchesOtherNameField(b.given, a.family)) return 5;
    if (similarity >= 0.7) return 6;
    return 7;
  },
  termFrequencyValue: (record) => record.given,
};
