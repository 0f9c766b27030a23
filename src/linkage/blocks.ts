import type { PreparedRecord } from './prepared-record.ts';

/**
 * Records grouped by one key: `members` holds record indices block by block, and
 * block b spans members[starts[b]] .. members[starts[b + 1] - 1]. Keys are interned to
 * numbers so that millions of records cost a few typed arrays, not millions of strings.
 */
export interface Blocks {
  /** Per record, its block number, or -1 when it has no key. */
  readonly blockOf: Int32Array;
  readonly members: Int32Array;
  readonly starts: Int32Array;
}

export function groupByKey(records: readonly PreparedRecord[], keyOf: (record: PreparedRecord) => string | number | null): Blocks {
  const ids = new Map<string | number, number>();
  const blockOf = new Int32Array(records.length);
  for (let i = 0; i < records.length; i++) {
    const key = keyOf(records[i]);
    if (key === null) {
      blockOf[i] = -1;
      continue;
    }
    let id = ids.get(key);
    if (id === undefined) {
      id = ids.size;
      ids.set(key, id);
    }
    blockOf[i] = id;
  }
  const starts = new Int32Array(ids.size + 1);
  for (let i = 0; i < records.length; i++) if (blockOf[i] >= 0) starts[blockOf[i] + 1]++;
  for (let b = 0; b < ids.size; b++) starts[b + 1] += starts[b];
  const fill = starts.slice(0, ids.size);
  const members = new Int32Array(starts[ids.size]);
  for (let i = 0; i < records.length; i++) if (blockOf[i] >= 0) members[fill[blockOf[i]]++] = i;
  return { blockOf, members, starts };
}

export function blockCount(blocks: Blocks): number {
  return blocks.starts.length - 1;
}

export function blockSize(blocks: Blocks, block: number): number {
  return blocks.starts[block + 1] - blocks.starts[block];
}

/** How many pairs comparing every record with every other in its block would make. */
export function pairsWithinBlocks(blocks: Blocks): number {
  let pairs = 0;
  for (let b = 0; b < blockCount(blocks); b++) {
    const size = blockSize(blocks, b);
    pairs += (size * (size - 1)) / 2;
  }
  return pairs;
}
