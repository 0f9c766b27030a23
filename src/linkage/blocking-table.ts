import type { BlockingKey } from './blocking-rule.ts';
import { SortedStrings, extendSorted, sortStrings, type SortedStringsState } from './sorted-strings.ts';

/**
 * One blocking rule's groups as a state keeps them: the keys sorted (numbers, then
 * strings) and each group's records, by their number in the state, in the order they
 * were added. A few typed arrays whatever the number of keys.
 */
export interface BlockingTableState {
  /** Numeric keys, ascending: group g (g < numbers.length) is the records holding numbers[g]. */
  readonly numbers: Float64Array;
  /** String keys, numbered in the order of their values: group numbers.length + s is string s's. */
  readonly strings: SortedStringsState;
  /** Where each group's records start in `members`; one more entry than groups. */
  readonly starts: Int32Array;
  /** Record numbers, ascending within a group. */
  readonly members: Int32Array;
}

const EMPTY: BlockingTableState = {
  numbers: new Float64Array(0),
  strings: sortStrings([]),
  starts: new Int32Array(1),
  members: new Int32Array(0),
};

/**
 * The records holding each key of one blocking rule. The groups of a restored state
 * stay in its typed arrays and are found by binary search (a Map of a million keys, or a
 * Set per key, takes seconds to rebuild); records added since are kept in a Map beside
 * them. Records are numbers that only grow (a record added again gets a new one), so
 * each group lists its records in the order they were (last) added, as a Set would.
 */
export class BlockingTable {
  private readonly numbers: Float64Array;
  private readonly strings: SortedStrings;
  private readonly starts: Int32Array;
  private readonly members: Int32Array;
  /** Per group of the state, how many of its records have since been removed (made at the first removal). */
  private removed: Int32Array | undefined;
  private readonly added = new Map<BlockingKey, number[]>();

  constructor(state: BlockingTableState = EMPTY) {
    this.numbers = state.numbers;
    this.strings = new SortedStrings(state.strings);
    this.starts = state.starts;
    this.members = state.members;
  }

  add(key: BlockingKey, record: number): void {
    const list = this.added.get(key);
    if (list) list.push(record);
    else this.added.set(key, [record]);
  }

  /** Forgets a record holding `key`; `restored` tells whether it came with the state. */
  remove(key: BlockingKey, record: number, restored: boolean): void {
    if (restored) {
      const group = this.group(key);
      if (group < 0) return;
      this.removed ??= new Int32Array(this.starts.length - 1);
      this.removed[group]++;
      return;
    }
    const list = this.added.get(key);
    if (!list) return;
    const at = list.indexOf(record);
    if (at >= 0) list.splice(at, 1);
    if (list.length === 0) this.added.delete(key);
  }

  /**
   * Visits the records holding `key`, in the order they were added, unless more than
   * `limit` do (then the key identifies no one). `live` tells a restored record still known.
   */
  visit(key: BlockingKey, limit: number, live: (record: number) => boolean, visit: (record: number) => void): void {
    const group = this.group(key);
    const added = this.added.get(key);
    const count = (group < 0 ? 0 : this.starts[group + 1] - this.starts[group] - (this.removed?.[group] ?? 0)) + (added?.length ?? 0);
    if (count === 0 || count > limit) return;
    if (group >= 0) for (let m = this.starts[group]; m < this.starts[group + 1]; m++) if (live(this.members[m])) visit(this.members[m]);
    if (added) for (const record of added) visit(record);
  }

  /** Whether the state holds `record` under `key` (to check a state against the code that reads it). */
  restoredHolds(key: BlockingKey, record: number): boolean {
    const group = this.group(key);
    if (group < 0) return false;
    for (let m = this.starts[group]; m < this.starts[group + 1]; m++) if (this.members[m] === record) return true;
    return false;
  }

  /**
   * The table as a state, records renumbered (`renumbered[record]`, -1 for one no longer
   * known). Numeric keys are merged in order; string keys keep their numbers, new ones
   * following (a group whose records are all gone stays, empty: it finds no one).
   */
  exportState(renumbered: Int32Array): BlockingTableState {
    const addedKeys: number[] = [],
      addedLists: number[][] = [],
      newStrings: string[] = [],
      newStringLists: number[][] = [],
      extraForString = new Map<number, number[]>();
    for (const [key, list] of this.added) {
      if (typeof key === 'number') {
        addedKeys.push(key);
        addedLists.push(list);
        continue;
      }
      const restored = this.strings.find(key);
      if (restored >= 0) extraForString.set(restored, list);
      else {
        newStrings.push(key);
        newStringLists.push(list);
      }
    }
    // Numeric keys: the state's and the added ones, merged in order (each list found by binary search, not a Map).
    const keys = mergeSorted(this.numbers, Float64Array.from(addedKeys).sort());
    const sizes = new Int32Array(keys.length);
    const restoredAt = new Int32Array(this.numbers.length);
    for (let g = 0, at = 0; g < this.numbers.length; g++) {
      while (keys[at] !== this.numbers[g]) at++;
      restoredAt[g] = at;
      sizes[at] += this.liveIn(this.starts[g], this.starts[g + 1], renumbered);
    }
    const addedAt = Int32Array.from(addedKeys, (key) => position(keys, key));
    addedLists.forEach((list, e) => {
      for (const record of list) if (renumbered[record] >= 0) sizes[addedAt[e]]++;
    });
    // A group left with no records is dropped.
    const groupOf = new Int32Array(keys.length);
    let numbered = 0;
    for (let at = 0; at < keys.length; at++) groupOf[at] = sizes[at] > 0 ? numbered++ : -1;
    const numbers = new Float64Array(numbered);
    const stringGroups = this.strings.size + newStrings.length;
    const starts = new Int32Array(numbered + stringGroups + 1);
    for (let at = 0; at < keys.length; at++)
      if (groupOf[at] >= 0) {
        numbers[groupOf[at]] = keys[at];
        starts[groupOf[at] + 1] = starts[groupOf[at]] + sizes[at];
      }
    let total = starts[numbered];
    for (let s = 0; s < this.strings.size; s++) {
      total += this.liveIn(this.starts[this.numbers.length + s], this.starts[this.numbers.length + s + 1], renumbered);
      for (const record of extraForString.get(s) ?? []) if (renumbered[record] >= 0) total++;
      starts[numbered + s + 1] = total;
    }
    newStringLists.forEach((list, n) => {
      for (const record of list) if (renumbered[record] >= 0) total++;
      starts[numbered + this.strings.size + n + 1] = total;
    });
    // Each group's records: the state's first, then those added since.
    const members = new Int32Array(total);
    const cursor = starts.slice(0, starts.length - 1);
    const copyGroup = (g: number, into: number) => {
      for (let m = this.starts[g]; m < this.starts[g + 1]; m++)
        if (renumbered[this.members[m]] >= 0) members[cursor[into]++] = renumbered[this.members[m]];
    };
    const copyList = (list: readonly number[] | undefined, into: number) => {
      for (const record of list ?? []) if (renumbered[record] >= 0) members[cursor[into]++] = renumbered[record];
    };
    for (let g = 0; g < this.numbers.length; g++) if (groupOf[restoredAt[g]] >= 0) copyGroup(g, groupOf[restoredAt[g]]);
    addedLists.forEach((list, e) => {
      if (groupOf[addedAt[e]] >= 0) copyList(list, groupOf[addedAt[e]]);
    });
    for (let s = 0; s < this.strings.size; s++) {
      copyGroup(this.numbers.length + s, numbered + s);
      copyList(extraForString.get(s), numbered + s);
    }
    newStringLists.forEach((list, n) => copyList(list, numbered + this.strings.size + n));
    return { numbers, strings: extendSorted(this.strings, newStrings), starts, members };
  }

  /** How many of the state's members from `from` to `to` are still known. */
  private liveIn(from: number, to: number, renumbered: Int32Array): number {
    let live = 0;
    for (let m = from; m < to; m++) if (renumbered[this.members[m]] >= 0) live++;
    return live;
  }

  /** The state's group of `key`, or -1. */
  private group(key: BlockingKey): number {
    if (typeof key === 'string') {
      const found = this.strings.find(key);
      return found < 0 ? -1 : this.numbers.length + found;
    }
    let low = 0,
      high = this.numbers.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const value = this.numbers[middle];
      if (value === key) return middle;
      if (value < key) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  }
}

/** Two ascending arrays as one, each value once. */
function mergeSorted(a: Float64Array, b: Float64Array): Float64Array {
  const merged = new Float64Array(a.length + b.length);
  let i = 0,
    j = 0,
    k = 0;
  while (i < a.length || j < b.length) {
    const value = j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i++] : b[j++];
    if (k === 0 || merged[k - 1] !== value) merged[k++] = value;
  }
  return merged.subarray(0, k);
}

/** Where `key` is in ascending `keys` (it is there). */
function position(keys: Float64Array, key: number): number {
  let low = 0,
    high = keys.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (keys[middle] < key) low = middle + 1;
    else high = middle;
  }
  return low;
}
