/** Pairwise accuracy of a clustering against the truth: a pair counts when both put its two records together. */
export interface PairwiseAccuracy {
  readonly truePositives: number;
  readonly predictedPairs: number;
  readonly truePairs: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

export function pairwiseAccuracy(predicted: ArrayLike<number | string>, truth: ArrayLike<number | string>): PairwiseAccuracy {
  if (predicted.length !== truth.length) throw new Error('predicted and true clusters differ in length');
  const predictedSizes = new Map<number | string, number>();
  const trueSizes = new Map<number | string, number>();
  const bothSizes = new Map<string, number>();
  for (let i = 0; i < predicted.length; i++) {
    increment(predictedSizes, predicted[i]);
    increment(trueSizes, truth[i]);
    increment(bothSizes, `${predicted[i]}\u0000${truth[i]}`);
  }
  const truePositives = pairsIn(bothSizes),
    predictedPairs = pairsIn(predictedSizes),
    truePairs = pairsIn(trueSizes);
  const precision = predictedPairs === 0 ? 1 : truePositives / predictedPairs;
  const recall = truePairs === 0 ? 1 : truePositives / truePairs;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePositives, predictedPairs, truePairs, precision, recall, f1 };
}

function increment<K>(map: Map<K, number>, key: K): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function pairsIn(sizes: Map<unknown, number>): number {
  let pairs = 0;
  for (const size of sizes.values()) pairs += (size * (size - 1)) / 2;
  return pairs;
}
