import type { BlockingKey } from './blocking-rule.ts';
import { SortedStrings, byValue, extendSorted, sortStrings, type SortedStringsState } from './sorted-strings.ts';

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
    const addedNumbers: number[] = [],
      newStrings: string[] = [],
      extraForString = new Map<number, number[]>();
    let addedMembers = 0;
    for (const [key, list] of this.added) {
      addedMembers += list.length;
      if (typeof key === 'number') addedNumbers.push(key);
      else {
        const restored = this.strings.find(key);
        if (restored >= 0) extraForString.set(restored, list);
        else newStrings.push(key);
      }
    }
    const sortedNumbers = Float64Array.from(addedNumbers).sort();
    newStrings.sort(byValue);
    const groups = this.starts.length - 1 + this.added.size;
    const numbers = new Float64Array(groups),
      starts = new Int32Array(groups + 1),
      members = new Int32Array(this.members.length + addedMembers);
    let group = 0,
      member = 0;
    const copyGroup = (g: number) => {
      for (let m = this.starts[g]; m < this.starts[g + 1]; m++) {
        const record = renumbered[this.members[m]];
        if (record >= 0) members[member++] = record;
      }
    };
    const copyList = (list: readonly number[] | undefined) => {
      for (const record of list ?? []) if (renumbered[record] >= 0) members[member++] = renumbered[record];
    };
    // Numeric keys: the state's and the added ones merged in order; a key in both keeps the state's records first.
    let i = 0,
      j = 0;
    while (i < this.numbers.length || j < sortedNumbers.length) {
      const fromState = j >= sortedNumbers.length || (i < this.numbers.length && this.numbers[i] <= sortedNumbers[j]);
      const key = fromState ? this.numbers[i] : sortedNumbers[j];
      if (fromState) copyGroup(i++);
      if (j < sortedNumbers.length && sortedNumbers[j] === key) copyList(this.added.get(sortedNumbers[j++]));
      // A group left with no records is dropped.
      if (member > starts[group]) {
        numbers[group] = key;
        starts[++group] = member;
      }
    }
    const numbered = group;
    for (let s = 0; s < this.strings.size; s++) {
      copyGroup(this.numbers.length + s);
      copyList(extraForString.get(s));
      starts[++group] = member;
    }
    for (const key of newStrings) {
      copyList(this.added.get(key));
      starts[++group] = member;
    }
    return {
      numbers: numbers.slice(0, numbered),
      strings: extendSorted(this.strings, newStrings),
      starts: starts.slice(0, group + 1),
      members: members.slice(0, member),
    };
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
