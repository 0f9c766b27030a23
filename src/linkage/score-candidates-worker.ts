import { parentPort } from 'node:worker_threads';
import { BLOCKING_RULES } from './blocking-rule.ts';
import { COMPARISONS } from './comparisons/index.ts';
import type { DecisionThresholds, ModelParameters } from './model-parameters.ts';
import { PairScorer } from './pair-scorer.ts';
import type { PersonRecord } from './person-record.ts';
import { prepareRecord } from './prepared-record.ts';
import { scoreCandidates } from './score-candidates.ts';
import { buildTermFrequencies } from './term-frequencies.ts';

// One shard of the candidate pairs, scored on its own thread. The records arrive first
// and are prepared while the main thread trains; the parameters follow.
export type WorkerRequest =
  | { readonly kind: 'records'; readonly records: readonly PersonRecord[] }
  | {
      readonly kind: 'score';
      readonly parameters: ModelParameters;
      readonly thresholds: DecisionThresholds;
      readonly shard: number;
      readonly shards: number;
    };

const port = parentPort!;
let prepared: ReturnType<typeof prepareRecord>[] = [];

port.on('message', (request: WorkerRequest) => {
  if (request.kind === 'records') {
    prepared = request.records.map(prepareRecord);
    return;
  }
  const scorer = new PairScorer(COMPARISONS, request.parameters, buildTermFrequencies(COMPARISONS, prepared));
  const scored = scoreCandidates(prepared, scorer, BLOCKING_RULES, request.thresholds, { shard: request.shard, shards: request.shards });
  const links = scored.links.toArrays(),
    review = scored.review.toArrays();
  port.postMessage({ links, review, blocking: scored.blocking }, [
    links.left.buffer,
    links.right.buffer,
    links.weights.buffer,
    review.left.buffer,
    review.right.buffer,
    review.weights.buffer,
  ] as ArrayBuffer[]);
  port.close();
});
