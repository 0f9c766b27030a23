import type { BlockingRule } from './blocking-rule.ts';
import { forEachCandidatePair, type CandidatePairOptions } from './candidate-pairs.ts';
import type { PreparedRecord } from './prepared-record.ts';

export interface BlockingRecall {
  /** Pairs of records of the same person. */
  readonly truePairs: number;
  /** Of those, the pairs the blocking rules put up for comparison. */
  readonly truePairsCompared: number;
  /** Pairs compared in all. */
  readonly pairsCompared: number;
  readonly recall: number;
}

/**
 * How many of the true pairs the blocking rules compare at all: a pair never compared
 * can only be linked through a third record, so this bounds what the model can find.
 * Labels are only read here, never by the linker.
 */
export function blockingRecall(
  records: readonly PreparedRecord[],
  rules: readonly BlockingRule[],
  truth: ArrayLike<number | string>,
  options: CandidatePairOptions = {},
): BlockingRecall {
  let truePairsCompared = 0;
  const summary = forEachCandidatePair(
    records,
    rules,
    (i, j) => {
      if (truth[i] === truth[j]) truePairsCompared++;
    },
    options,
  );
  const sizes = new Map<number | string, number>();
  for (let i = 0; i < truth.length; i++) sizes.set(truth[i], (sizes.get(truth[i]) ?? 0) + 1);
  let truePairs = 0;
  for (const size of sizes.values()) truePairs += (size * (size - 1)) / 2;
  return { truePairs, truePairsCompared, pairsCompared: summary.pairs, recall: truePairs === 0 ? 1 : truePairsCompared / truePairs };
}
