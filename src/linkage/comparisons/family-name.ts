import { NULL_LEVEL, type Comparison } from '../comparison.ts';
import { jaroWinkler, soundAlike } from '../string-similarity.ts';
import { matchesOtherNameField } from './swapped-name.ts';

export const familyName: Comparison = {
  key: 'family-name',
  title: 'Family name',
  levels: [
    { label: 'exact', termFrequency: true },
    { label: 'sounds alike (Double Metaphone)' },
    { label: 'Jaro-Winkler at least 0.92' },
    { label: 'Jaro-Winkler at least 0.88' },
    { label: 'shares one part of a double-barrelled name' },
    { label: 'written as the given name (forename and surname swapped)' },
    { label: 'Jaro-Winkler at least 0.7' },
    { label: 'different' },
  ],
  compare(a, b) {
    if (a.family === null || b.family === null) return NULL_LEVEL;
    if (a.family === b.family) return 0;
    if (soundAlike(a.familyPhonetic!, b.familyPhonetic!)) return 1;
    const similarity = jaroWinkler(a.family, b.family);
    if (similarity >= 0.92) return 2;
    if (similarity >= 0.88) return 3;
    if (shareNamePart(a.familyParts, b.familyParts)) return 4;
    if (matchesOtherNameField(a.family, b.given) || matchesOtherNameField(b.family, a.given)) return 5;
    if (similarity >= 0.7) return 6;
    return 7;
  },
  termFrequencyValue: (record) => record.family,
};

function shareNamePart(a: readonly string[], b: readonly string[]): boolean {
  if (a.length < 2 && b.length < 2) return false;
  for (const part of a) if (b.includes(part)) return true;
  return false;
}
