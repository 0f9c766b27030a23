import { NULL_LEVEL, type Comparison } from '../comparison.ts';
import { jaroWinkler, soundAlike } from '../string-similarity.ts';
import { familyNameInGivenField, givenNameInFamilyField, namesSwapped } from './swapped-name.ts';

const IN_GIVEN_FIELD = 5;

export const familyName: Comparison = {
  key: 'family-name',
  title: 'Family name',
  levels: [
    { label: 'exact', termFrequency: true },
    { label: 'sounds alike (Double Metaphone)' },
    { label: 'Jaro-Winkler at least 0.92' },
    { label: 'Jaro-Winkler at least 0.88' },
    { label: 'shares one part of a double-barrelled name' },
    { label: 'written in the given-name field', termFrequency: true },
    { label: 'Jaro-Winkler at least 0.7' },
    { label: 'different' },
  ],
  compare(a, b) {
    if (a.family === null || b.family === null) return familyNameInGivenField(a, b) ? IN_GIVEN_FIELD : NULL_LEVEL;
    if (a.family === b.family) return 0;
    if (soundAlike(a.familyPhonetic!, b.familyPhonetic!)) return 1;
    const similarity = jaroWinkler(a.familyChars!, b.familyChars!);
    if (similarity >= 0.92) return 2;
    if (similarity >= 0.88) return 3;
    if (shareNamePart(a.familyParts, b.familyParts)) return 4;
    if (givenNameInFamilyField(a, b) || namesSwapped(a, b)) return NULL_LEVEL;
    if (similarity >= 0.7) return 6;
    return 7;
  },
  notWeighedBecause: (a, b) => {
    if (a.family === null || b.family === null) return null;
    if (givenNameInFamilyField(a, b)) return 'not weighed: one family-name field holds the other record’s given name';
    if (namesSwapped(a, b)) return 'counted with the given name: forename and surname swapped';
    return null;
  },
  termFrequencyValue: (record) => record.family,
  valueFrequency(level, a, b, frequencyOf) {
    if (level === 0) return frequencyOf('family-name', a.family);
    return level === IN_GIVEN_FIELD ? frequencyOf('family-name', a.family ?? b.family) : null;
  },
};

function shareNamePart(a: readonly string[], b: readonly string[]): boolean {
  if (a.length < 2 && b.length < 2) return false;
  for (const part of a) if (b.includes(part)) return true;
  return false;
}
