import type { Comparison } from './comparison.ts';
import { HOUSEHOLD_COMPARISONS, RECORDS_AT_ADDRESS_BANDS } from './household.ts';
import type { ModelParameters } from './model-parameters.ts';

/**
 * A neutral starting point when nothing better is known: agreement is likelier among
 * matches, disagreement among non-matches, each level a little weaker than the one
 * above. EM moves away from it quickly; it is never meant to link with.
 */
export function initialParameters(comparisons: readonly Comparison[]): ModelParameters {
  const levels = comparisons.map((comparison) => {
    const count = comparison.levels.length;
    const agreeing = count - 1;
    const mRaw = comparison.levels.map((_, level) => (level < agreeing ? 0.5 ** level : 0.1));
    const uRaw = comparison.levels.map((_, level) => (level < agreeing ? 0.01 * 2 ** level : 0.9 * agreeing));
    const mSum = mRaw.reduce((a, b) => a + b, 0),
      uSum = uRaw.reduce((a, b) => a + b, 0);
    return comparison.levels.map((level, index) => ({ label: level.label, m: mRaw[index] / mSum, u: uRaw[index] / uSum }));
  });
  return {
    version: 2,
    priorMatchProbability: 1e-4,
    provenance: 'untrained starting point',
    comparisons: comparisons.map((comparison, c) => ({ key: comparison.key, levels: levels[c] })),
    household: {
      priorMatchProbability: 0.3,
      priorByRecordsAtAddress: [...RECORDS_AT_ADDRESS_BANDS, Infinity].map(() => 0.3),
      comparisons: comparisons
        .map((comparison, c) => ({ key: comparison.key, levels: levels[c].map(({ label, u }) => ({ label, u })) }))
        .filter((comparison) => !HOUSEHOLD_COMPARISONS.has(comparison.key)),
    },
  };
}
