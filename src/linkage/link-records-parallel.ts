import { once } from 'node:events';
import { BLOCKING_RULES } from './blocking-rule.ts';
import type { CandidatePairSummary } from './candidate-pairs.ts';
import { EdgeList } from './edge-list.ts';
import { clusterLinks, linkRecords, prepareAndTrain, type LinkOptions, type LinkResult } from './link-records.ts';
import { DEFAULT_THRESHOLDS } from './model-parameters.ts';
import type { PersonRecord } from './person-record.ts';
import type { WorkerRequest } from './score-candidates-worker.ts';
import { mergeSummaries, scoreCandidates } from './score-candidates.ts';
import { startTypeScriptWorker } from './typescript-worker.ts';

type EdgeArrays = { left: Int32Array; right: Int32Array; weights: Float64Array };

/**
 * linkRecords with the candidate pairs split between this thread and `workers` worker
 * threads. The workers prepare their copy of the records while this thread prepares
 * and trains, then each scores its share of the blocks. Same result as linkRecords.
 */
export async function linkRecordsInParallel(
  records: readonly PersonRecord[],
  options: LinkOptions & { readonly workers?: number } = {},
): Promise<LinkResult> {
  const workers = options.workers ?? 1;
  // Custom rules or comparisons are functions, which cannot cross to a worker.
  if (workers < 1 || options.rules || options.comparisons) return linkRecords(records, options);
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  const progress = options.onProgress ?? (() => {});
  const shards = workers + 1;
  const threads = Array.from({ length: workers }, () => startTypeScriptWorker(new URL('./score-candidates-worker.ts', import.meta.url)));
  try {
    const results = threads.map((thread) =>
      Promise.race([
        once(thread, 'message') as Promise<[{ links: EdgeArrays; review: EdgeArrays; blocking: CandidatePairSummary }]>,
        once(thread, 'error').then(([error]) => {
          throw error;
        }),
      ]),
    );
    for (const thread of threads) thread.postMessage({ kind: 'records', records } satisfies WorkerRequest);

    const model = prepareAndTrain(records, options);
    threads.forEach((thread, index) =>
      thread.postMessage({ kind: 'score', parameters: model.parameters, thresholds, shard: index + 1, shards } satisfies WorkerRequest),
    );
    const own = scoreCandidates(model.prepared, model.scorer, BLOCKING_RULES, thresholds, {
      shard: 0,
      shards,
      onProgress: (fraction) => progress('comparing', fraction, 1),
    });
    const theirs = (await Promise.all(results)).map(([message]) => message);

    const links = own.links,
      review = own.review;
    for (const result of theirs) {
      links.append(EdgeList.fromArrays(result.links));
      review.append(EdgeList.fromArrays(result.review));
    }
    progress('clustering', 0, 1);
    const blocking = mergeSummaries([own.blocking, ...theirs.map((result) => result.blocking)]);
    return clusterLinks(records, model, { links, review, blocking }, options.decisions ?? [], thresholds);
  } finally {
    await Promise.all(threads.map((thread) => thread.terminate()));
  }
}
