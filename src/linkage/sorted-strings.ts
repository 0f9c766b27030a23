import { packStrings, stringAt, type PackedStrings } from './string-table.ts';

/** Packed strings with their order by value, so that a string's number is found by binary search. */
export interface SortedStringsState {
  readonly strings: PackedStrings;
  /** The strings' numbers, in the order of their values (UTF-16 code units, as `<` compares). */
  readonly order: Int32Array;
}

/**
 * A fixed set of numbered strings, looked up without a Map: restoring a state then
 * costs nothing per string (building a Map of a few hundred thousand strings, or even
 * slicing them out, takes longer than a whole start-up may). A look-up is a binary
 * search comparing characters in place.
 */
export class SortedStrings {
  static readonly EMPTY = new SortedStrings(sortStrings([]));

  constructor(readonly state: SortedStringsState) {}

  get size(): number {
    return this.state.order.length;
  }

  /** The number of `value`, or -1. */
  find(value: string): number {
    const { order, strings } = this.state;
    let low = 0,
      high = order.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const difference = comparePacked(strings, order[middle], value);
      if (difference === 0) return order[middle];
      if (difference < 0) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  }

  at(n: number): string {
    return stringAt(this.state.strings, n);
  }
}

export const byValue = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** String n of packed strings against `value`: negative when it sorts before, 0 when equal. */
export function comparePacked(packed: PackedStrings, n: number, value: string): number {
  const { text, ends } = packed;
  const start = n === 0 ? 0 : ends[n - 1],
    length = ends[n] - start;
  const shared = Math.min(length, value.length);
  for (let i = 0; i < shared; i++) {
    const difference = text.charCodeAt(start + i) - value.charCodeAt(i);
    if (difference !== 0) return difference;
  }
  return length - value.length;
}

/** Distinct strings, numbered as given, with their order by value. */
export function sortStrings(values: readonly string[]): SortedStringsState {
  const order = Int32Array.from(values.keys()).sort((a, b) => byValue(values[a], values[b]));
  return { strings: packStrings(values), order };
}

/** Distinct strings already in order of value, numbered in that order. */
export function packSorted(values: readonly string[]): SortedStringsState {
  return { strings: packStrings(values), order: Int32Array.from(values.keys()) };
}

/**
 * A set's strings and new ones numbered after them (the set's numbers stay, so whatever
 * refers to them stays right), with the new strings' order merged into the set's.
 */
export function extendSorted(sorted: SortedStrings, added: readonly string[]): SortedStringsState {
  if (added.length === 0) return sorted.state;
  const old = sorted.state.strings;
  const extra = packStrings(added);
  const base = old.text.length;
  const ends = new Uint32Array(old.ends.length + added.length);
  ends.set(old.ends);
  for (let i = 0; i < added.length; i++) ends[old.ends.length + i] = base + extra.ends[i];
  const strings = { text: old.text + extra.text, ends };
  const addedOrder = Int32Array.from(added.keys()).sort((a, b) => byValue(added[a], added[b]));
  const order = new Int32Array(ends.length);
  const previous = sorted.state.order;
  let i = 0,
    j = 0,
    k = 0;
  while (i < previous.length && j < addedOrder.length)
    order[k++] = comparePacked(strings, previous[i], added[addedOrder[j]]) <= 0 ? previous[i++] : sorted.size + addedOrder[j++];
  while (i < previous.length) order[k++] = previous[i++];
  while (j < addedOrder.length) order[k++] = sorted.size + addedOrder[j++];
  return { strings, order };
}
