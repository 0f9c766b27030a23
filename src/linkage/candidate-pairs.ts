import type { BlockingRule } from './blocking-rule.ts';
import { blockCount, blockSize, groupByKey, type Blocks } from './blocks.ts';
import type { PreparedRecord } from './prepared-record.ts';

export interface CandidatePairSummary {
  /** Distinct pairs visited (a pair sharing several keys is visited once). */
  readonly pairs: number;
  readonly pairsByRule: readonly { readonly rule: string; readonly pairs: number }[];
  /** Blocks too large to compare in full (a key shared by too many records is no key). */
  readonly oversizedBlocks: number;
}

export interface CandidatePairOptions {
  /** Blocks with more records than this are skipped, and counted. */
  readonly maxBlockSize?: number;
  /** Only blocks b with b % shards === shard, so that workers can split the work. */
  readonly shard?: number;
  readonly shards?: number;
  /** Told how far through the rules the work is, as a fraction from 0 to 1. */
  readonly onProgress?: (fraction: number) => void;
}

/**
 * Visits every pair of records that shares a key under any rule, once: a pair found
 * by a rule is skipped when an earlier rule already found it (as Splink does).
 */
export function forEachCandidatePair(
  records: readonly PreparedRecord[],
  rules: readonly BlockingRule[],
  visit: (i: number, j: number) => void,
  options: CandidatePairOptions = {},
): CandidatePairSummary {
  const maxBlockSize = options.maxBlockSize ?? 2_000;
  const shard = options.shard ?? 0,
    shards = options.shards ?? 1;
  // Each record's block under every rule so far, side by side (record-major), so that
  // checking a pair against the earlier rules reads two short runs of memory.
  const ruleCount = rules.length;
  const blockIds = new Int32Array(records.length * ruleCount).fill(-1);
  const pairsByRule: { rule: string; pairs: number }[] = [];
  let pairs = 0,
    oversizedBlocks = 0;
  const progress = options.onProgress ?? (() => {});
  for (const [ruleIndex, rule] of rules.entries()) {
    const blocks = groupByKey(records, (record) => rule.key(record));
    const ruleMax = Math.min(maxBlockSize, rule.maxBlockSize ?? Infinity);
    let rulePairs = 0;
    for (let b = shard; b < blockCount(blocks); b += shards) {
      if (b % 8192 === shard) progress((ruleIndex + b / blockCount(blocks)) / rules.length);
      const size = blockSize(blocks, b);
      if (size < 2) continue;
      if (size > ruleMax) {
        oversizedBlocks++;
        continue;
      }
      const start = blocks.starts[b],
        end = blocks.starts[b + 1];
      for (let x = start; x < end; x++) {
        const i = blocks.members[x];
        for (let y = x + 1; y < end; y++) {
          const j = blocks.members[y];
          if (sharesEarlierBlock(blockIds, ruleCount, ruleIndex, i, j)) continue;
          visit(i, j);
          rulePairs++;
        }
      }
    }
    recordComparedBlocks(blocks, ruleMax, blockIds, ruleCount, ruleIndex);
    pairsByRule.push({ rule: rule.name, pairs: rulePairs });
    pairs += rulePairs;
    progress((ruleIndex + 1) / rules.length);
  }
  return { pairs, pairsByRule, oversizedBlocks };
}

function sharesEarlierBlock(blockIds: Int32Array, ruleCount: number, rulesBefore: number, i: number, j: number): boolean {
  const rowI = i * ruleCount,
    rowJ = j * ruleCount;
  for (let r = 0; r < rulesBefore; r++) {
    const block = blockIds[rowI + r];
    if (block >= 0 && block === blockIds[rowJ + r]) return true;
  }
  return false;
}

/** Each record's block under one rule, with the skipped (oversized) blocks left blank, since their pairs were never compared. */
function recordComparedBlocks(blocks: Blocks, maxBlockSize: number, blockIds: Int32Array, ruleCount: number, rule: number): void {
  for (let b = 0; b < blockCount(blocks); b++) {
    if (blockSize(blocks, b) > maxBlockSize) continue;
    for (let x = blocks.starts[b]; x < blocks.starts[b + 1]; x++) blockIds[blocks.members[x] * ruleCount + rule] = b;
  }
}
