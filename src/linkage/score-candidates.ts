import type { BlockingRule } from './blocking-rule.ts';
import { forEachCandidatePair, type CandidatePairSummary } from './candidate-pairs.ts';
import { EdgeList } from './edge-list.ts';
import { sameNhsNumberLinks } from './match-decision.ts';
import { probabilityToWeight, type DecisionThresholds } from './model-parameters.ts';
import type { PairScorer } from './pair-scorer.ts';
import type { PreparedRecord } from './prepared-record.ts';

export interface ScoredCandidates {
  /** Pairs at or above the link threshold. */
  readonly links: EdgeList;
  /** Pairs for a practitioner: in the review band. */
  readonly review: EdgeList;
  readonly blocking: CandidatePairSummary;
}

// A deterministic link counts as this weight (about a billion to one) where weights are averaged.
const DETERMINISTIC_WEIGHT = 30;

/** The match weight of two records, with the NHS number rule applied. */
export function pairWeight(scorer: PairScorer, a: PreparedRecord, b: PreparedRecord): number {
  const weight = scorer.weight(a, b);
  return sameNhsNumberLinks(a, b) ? Math.max(weight, DETERMINISTIC_WEIGHT) : weight;
}

/** Scores every candidate pair (of one shard of the blocks) and keeps those that matter. */
export function scoreCandidates(
  prepared: readonly PreparedRecord[],
  scorer: PairScorer,
  rules: readonly BlockingRule[],
  thresholds: DecisionThresholds,
  options: { readonly shard?: number; readonly shards?: number; readonly onProgress?: (fraction: number) => void } = {},
): ScoredCandidates {
  const linkWeight = probabilityToWeight(thresholds.link);
  const reviewWeight = probabilityToWeight(thresholds.review);
  const links = new EdgeList(),
    review = new EdgeList();
  const blocking = forEachCandidatePair(
    prepared,
    rules,
    (i, j) => {
      const weight = pairWeight(scorer, prepared[i], prepared[j]);
      if (weight >= linkWeight) links.push(i, j, weight);
      else if (weight >= reviewWeight) review.push(i, j, weight);
    },
    options,
  );
  return { links, review, blocking };
}

/** Adds up the pair counts of shards that split the same rules' blocks between them. */
export function mergeSummaries(summaries: readonly CandidatePairSummary[]): CandidatePairSummary {
  return {
    pairs: summaries.reduce((sum, summary) => sum + summary.pairs, 0),
    oversizedBlocks: summaries.reduce((sum, summary) => sum + summary.oversizedBlocks, 0),
    pairsByRule: summaries[0].pairsByRule.map((rule, index) => ({
      rule: rule.rule,
      pairs: summaries.reduce((sum, summary) => sum + summary.pairsByRule[index].pairs, 0),
    })),
  };
}
