import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pairwiseAccuracy } from './pairwise-accuracy.ts';

test('pairwise precision, recall and F1 count pairs put together', () => {
  // Truth: {0,1,2} {3,4}: 4 true pairs. Predicted: {0,1} {2,3,4}: 4 pairs, 2 of them true.
  const accuracy = pairwiseAccuracy([0, 0, 2, 2, 2], ['a', 'a', 'a', 'b', 'b']);
  assert.deepEqual(
    { tp: accuracy.truePositives, predicted: accuracy.predictedPairs, truth: accuracy.truePairs },
    { tp: 2, predicted: 4, truth: 4 },
  );
  assert.equal(accuracy.precision, 0.5);
  assert.equal(accuracy.recall, 0.5);
  assert.equal(accuracy.f1, 0.5);
  assert.equal(pairwiseAccuracy([1, 1, 3], [7, 7, 8]).f1, 1);
});
