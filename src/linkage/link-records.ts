import { BLOCKING_RULES, type BlockingRule } from './blocking-rule.ts';
import type { CandidatePairSummary } from './candidate-pairs.ts';
import { clusterRecords, type Clustering } from './clustering.ts';
import type { Comparison } from './comparison.ts';
import { COMPARISONS } from './comparisons/index.ts';
import { defaultParameters } from './default-parameters.ts';
import type { EdgeList } from './edge-list.ts';
import { constraintsFrom, type LinkDecision } from './link-decision.ts';
import { DEFAULT_THRESHOLDS, type DecisionThresholds, type ModelParameters } from './model-parameters.ts';
import { PairScorer } from './pair-scorer.ts';
import type { PersonRecord } from './person-record.ts';
import { prepareRecord, type PreparedRecord } from './prepared-record.ts';
import { buildTermFrequencies } from './term-frequencies.ts';
import { trainModel, type TrainingReport } from './train-model.ts';
import { pairWeight, scoreCandidates, type ScoredCandidates } from './score-candidates.ts';
import { demoteContestedLinks } from './competing-candidates.ts';
import { sameHousehold } from './household.ts';

export interface LinkOptions {
  /** Use these parameters as they are; otherwise train on the records (starting from the stored defaults). */
  readonly parameters?: ModelParameters;
  readonly thresholds?: DecisionThresholds;
  readonly decisions?: readonly LinkDecision[];
  readonly rules?: readonly BlockingRule[];
  readonly comparisons?: readonly Comparison[];
  /** Called as work proceeds: the stage, and how far through it (`done` of `total`). */
  readonly onProgress?: (stage: 'preparing' | 'training' | 'comparing' | 'clustering', done: number, total: number) => void;
}

export interface LinkResult {
  /** Per input record, the index of the first record of its cluster. */
  readonly clusterOf: Int32Array;
  readonly parameters: ModelParameters;
  readonly training: TrainingReport | null;
  readonly blocking: CandidatePairSummary;
  /** Pairs at or above the link threshold, and linked. */
  readonly links: number;
  /** Pairs at or above the link threshold sent to review instead, because the record matched another person as well. */
  readonly contestedLinks: number;
  /** Pairs in the review band, for a practitioner: record indices and probability of the same person. */
  readonly review: EdgeList;
  readonly clustering: Clustering;
}

/**
 * Links a batch of records into people: prepare, train (unless given parameters),
 * compare candidate pairs from the blocking rules, then cluster the links, honouring
 * practitioners' decisions. Pure: no I/O. (`linkRecordsInParallel` does the same on
 * worker threads.)
 */
export function linkRecords(records: readonly PersonRecord[], options: LinkOptions = {}): LinkResult {
  const progress = options.onProgress ?? (() => {});
  const model = prepareAndTrain(records, options);
  const scored = scoreCandidates(model.prepared, model.scorer, options.rules ?? BLOCKING_RULES, options.thresholds ?? DEFAULT_THRESHOLDS, {
    onProgress: (fraction) => progress('comparing', fraction, 1),
  });
  progress('clustering', 0, 1);
  return clusterLinks(records, model, scored, options.decisions ?? [], options.thresholds ?? DEFAULT_THRESHOLDS);
}

export interface TrainedBatch {
  readonly prepared: readonly PreparedRecord[];
  readonly scorer: PairScorer;
  readonly parameters: ModelParameters;
  readonly training: TrainingReport | null;
}

/** Prepares the records and trains on them (or takes the given parameters). */
export function prepareAndTrain(records: readonly PersonRecord[], options: LinkOptions): TrainedBatch {
  const comparisons = options.comparisons ?? COMPARISONS;
  const progress = options.onProgress ?? (() => {});
  progress('preparing', 0, 1);
  const prepared = records.map(prepareRecord);
  const termFrequencies = buildTermFrequencies(comparisons, prepared);
  progress('training', 0, 1);
  const trained = options.parameters ? null : trainModel(prepared, comparisons, termFrequencies, { start: defaultParameters() });
  const parameters = options.parameters ?? trained!.parameters;
  return { prepared, scorer: new PairScorer(comparisons, parameters, termFrequencies), parameters, training: trained?.report ?? null };
}

/** Clusters the links into people, honouring practitioners' decisions. */
export function clusterLinks(
  records: readonly PersonRecord[],
  model: TrainedBatch,
  scored: ScoredCandidates,
  decisions: readonly LinkDecision[],
  thresholds: DecisionThresholds,
): LinkResult {
  const indexOf = new Map(records.map((record, index) => [record.id, index]));
  const constraints = constraintsFrom(decisions);
  const toIndices = (pairs: readonly (readonly [string, string])[]) =>
    pairs.filter(([a, b]) => indexOf.has(a) && indexOf.has(b)).map(([a, b]) => [indexOf.get(a)!, indexOf.get(b)!] as const);
  const cannotLink = toIndices(constraints.cannotLink);
  const rejected = new Set(cannotLink.map(([a, b]) => pairKey(a, b)));
  const weightBetween = (i: number, j: number) => pairWeight(model.scorer, model.prepared[i], model.prepared[j]);
  const contested = demoteContestedLinks({
    records: records.length,
    links: scored.links,
    review: scored.review,
    weightBetween,
    mayBeRelatives: (i, j) => sameHousehold(model.prepared[i], model.prepared[j]),
    knownDistinct: (i, j) => rejected.has(pairKey(i, j)),
    linkProbability: thresholds.link,
  });
  const clustering = clusterRecords({
    records: records.length,
    links: contested.links,
    mustLink: toIndices(constraints.mustLink),
    cannotLink,
    weightBetween,
  });
  return {
    clusterOf: clustering.clusterOf,
    parameters: model.parameters,
    training: model.training,
    blocking: scored.blocking,
    links: contested.links.length,
    contestedLinks: contested.demoted,
    review: contested.review,
    clustering,
  };
}

function pairKey(i: number, j: number): number {
  return i < j ? i * 2 ** 26 + j : j * 2 ** 26 + i;
}
