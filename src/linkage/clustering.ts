import type { EdgeList } from './edge-list.ts';

export interface ClusteringInput {
  readonly records: number;
  /** Links at or above the link threshold, as record indices. */
  readonly links: EdgeList;
  /** Pairs a practitioner accepted: joined first, whatever the model says. */
  readonly mustLink?: readonly (readonly [number, number])[];
  /** Pairs a practitioner rejected: never in one cluster, not even through other records. */
  readonly cannotLink?: readonly (readonly [number, number])[];
  /** Match weight of any two records, for checking a merge against chaining. */
  readonly weightBetween: (i: number, j: number) => number;
}

export interface ClusteringOptions {
  /**
   * Two groups join only if the mean match weight across them is at least this: a
   * strong link between two records must not drag together people that the other
   * records say are different (A–B strong, B–C strong, A–C clearly not).
   */
  readonly minMeanCrossWeight?: number;
  /** Larger merges check this many cross pairs, evenly spread, instead of all. */
  readonly maxCrossPairs?: number;
}

export interface Clustering {
  /** Per record, the index of the first record of its cluster. */
  readonly clusterOf: Int32Array;
  readonly clusters: number;
  /** Links not followed because the groups they would join disagree overall. */
  readonly mergesRefusedAsChaining: number;
  /** Links not followed because a practitioner said the people differ. */
  readonly mergesRefusedByDecision: number;
  /** Accepted pairs that a rejection made impossible. */
  readonly conflictingAccepts: number;
}

/**
 * Turns pairwise links into people: connected components, strongest links first, with
 * two guards. A rejected pair can never end up in one cluster, and a link that would
 * join two groups which, taken together, look like different people is not followed.
 */
export function clusterRecords(input: ClusteringInput, options: ClusteringOptions = {}): Clustering {
  const minMean = options.minMeanCrossWeight ?? 0;
  const maxCrossPairs = options.maxCrossPairs ?? 64;
  const parent = new Int32Array(input.records);
  for (let i = 0; i < input.records; i++) parent[i] = i;
  const members: (number[] | undefined)[] = new Array<number[] | undefined>(input.records);
  // Per cluster root, the records it must never share a cluster with.
  const forbidden = new Map<number, number[]>();
  for (const [a, b] of input.cannotLink ?? []) {
    if (a === b) continue;
    addTo(forbidden, a, b);
    addTo(forbidden, b, a);
  }

  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  const membersOf = (root: number) => members[root] ?? [root];
  const rejected = (x: number, y: number): boolean => {
    const small = (forbidden.get(x)?.length ?? 0) <= (forbidden.get(y)?.length ?? 0) ? x : y;
    const other = small === x ? y : x;
    for (const record of forbidden.get(small) ?? []) if (find(record) === other) return true;
    return false;
  };
  const join = (x: number, y: number) => {
    const [big, small] = membersOf(x).length >= membersOf(y).length ? [x, y] : [y, x];
    parent[small] = big;
    members[big] = membersOf(big).concat(membersOf(small));
    members[small] = undefined;
    const moved = forbidden.get(small);
    if (moved) {
      forbidden.delete(small);
      for (const record of moved) addTo(forbidden, big, record);
    }
  };

  let conflictingAccepts = 0,
    refusedAsChaining = 0,
    refusedByDecision = 0;
  for (const [a, b] of input.mustLink ?? []) {
    const x = find(a),
      y = find(b);
    if (x === y) continue;
    if (rejected(x, y)) conflictingAccepts++;
    else join(x, y);
  }
  const order = input.links.byWeightDescending();
  for (const edge of order) {
    const x = find(input.links.i(edge)),
      y = find(input.links.j(edge));
    if (x === y) continue;
    if (rejected(x, y)) {
      refusedByDecision++;
      continue;
    }
    if ((members[x] || members[y]) && meanCrossWeight(membersOf(x), membersOf(y), input.weightBetween, maxCrossPairs) < minMean) {
      refusedAsChaining++;
      continue;
    }
    join(x, y);
  }

  const clusterOf = new Int32Array(input.records);
  const firstOfRoot = new Map<number, number>();
  for (let i = 0; i < input.records; i++) {
    const root = find(i);
    let first = firstOfRoot.get(root);
    if (first === undefined) {
      first = i;
      firstOfRoot.set(root, i);
    }
    clusterOf[i] = first;
  }
  return {
    clusterOf,
    clusters: firstOfRoot.size,
    mergesRefusedAsChaining: refusedAsChaining,
    mergesRefusedByDecision: refusedByDecision,
    conflictingAccepts,
  };
}

function meanCrossWeight(
  a: readonly number[],
  b: readonly number[],
  weightBetween: (i: number, j: number) => number,
  maxPairs: number,
): number {
  const pairs = a.length * b.length;
  const step = Math.max(1, Math.floor(pairs / maxPairs));
  let sum = 0,
    counted = 0;
  for (let p = 0; p < pairs; p += step) {
    sum += weightBetween(a[p % a.length], b[Math.floor(p / a.length)]);
    counted++;
  }
  return sum / counted;
}

function addTo(map: Map<number, number[]>, key: number, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
