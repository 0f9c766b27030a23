import { BLOCKING_RULES, type BlockingRule } from './blocking-rule.ts';
import { forEachCandidatePair, type CandidatePairSummary } from './candidate-pairs.ts';
import { clusterRecords, type Clustering } from './clustering.ts';
import type { Comparison } from './comparison.ts';
import { COMPARISONS } from './comparisons/index.ts';
import { defaultParameters } from './default-parameters.ts';
import { EdgeList } from './edge-list.ts';
import { constraintsFrom, type LinkDecision } from './link-decision.ts';
import { identityContradicted, sameNhsNumberLinks } from './match-decision.ts';
import { DEFAULT_THRESHOLDS, probabilityToWeight, type DecisionThresholds, type ModelParameters } from './model-parameters.ts';
import { PairScorer } from './pair-scorer.ts';
import type { PersonRecord } from './person-record.ts';
import { prepareRecord, type PreparedRecord } from './prepared-record.ts';
import { buildTermFrequencies } from './term-frequencies.ts';
import { trainModel, type TrainingReport } from './train-model.ts';

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
  /** Pairs at or above the link threshold. */
  readonly links: number;
  /** Pairs in the review band, for a practitioner: record indices and probability of the same person. */
  readonly review: EdgeList;
  readonly clustering: Clustering;
}

// A deterministic link counts as this weight (about a billion to one) where weights are averaged.
const DETERMINISTIC_WEIGHT = 30;

/**
 * Links a batch of records into people: prepare, train (unless given parameters),
 * compare candidate pairs from the blocking rules, then cluster the links, honouring
 * practitioners' decisions. Pure: no I/O.
 */
export function linkRecords(records: readonly PersonRecord[], options: LinkOptions = {}): LinkResult {
  const comparisons = options.comparisons ?? COMPARISONS;
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  const progress = options.onProgress ?? (() => {});
  progress('preparing', 0, records.length);
  const prepared = records.map(prepareRecord);
  const termFrequencies = buildTermFrequencies(comparisons, prepared);

  progress('training', 0, 1);
  const trained = options.parameters ? null : trainModel(prepared, comparisons, termFrequencies, { start: defaultParameters() });
  const parameters = options.parameters ?? trained!.parameters;
  const scorer = new PairScorer(comparisons, parameters, termFrequencies);
  const weightBetween = (i: number, j: number) => pairWeight(scorer, prepared[i], prepared[j]);

  const linkWeight = probabilityToWeight(thresholds.link);
  const reviewWeight = probabilityToWeight(thresholds.review);
  const links = new EdgeList(), review = new EdgeList();
  const blocking = forEachCandidatePair(prepared, options.rules ?? BLOCKING_RULES, (i, j) => {
    const weight = weightBetween(i, j);
    if (weight >= linkWeight && !identityContradicted(prepared[i], prepared[j])) links.push(i, j, weight);
    else if (weight >= reviewWeight) review.push(i, j, weight);
  }, { onProgress: (fraction) => progress('comparing', fraction, 1) });

  progress('clustering', 0, 1);
  const indexOf = new Map(records.map((record, index) => [record.id, index]));
  const constraints = constraintsFrom(options.decisions ?? []);
  const toIndices = (pairs: readonly (readonly [string, string])[]) => pairs
    .filter(([a, b]) => indexOf.has(a) && indexOf.has(b))
    .map(([a, b]) => [indexOf.get(a)!, indexOf.get(b)!] as const);
  const clustering = clusterRecords({
    records: records.length,
    links,
    mustLink: toIndices(constraints.mustLink),
    cannotLink: toIndices(constraints.cannotLink),
    weightBetween,
  });
  return { clusterOf: clustering.clusterOf, parameters, training: trained?.report ?? null, blocking, links: links.length, review, clustering };
}

function pairWeight(scorer: PairScorer, a: PreparedRecord, b: PreparedRecord): number {
  const weight = scorer.weight(a, b);
  return sameNhsNumberLinks(a, b) ? Math.max(weight, DETERMINISTIC_WEIGHT) : weight;
}
