import { packStrings, stringAt, type PackedStrings } from './string-table.ts';

/** Packed strings with their order by value, so that a string's number is found by binary search. */
export interface SortedStringsState {
  readonly strings: PackedStrings;
  /**
   * The numbers of the strings that can be found, in the order of their values (UTF-16
   * code units, as `<` compares). A string left out keeps its number but is never found.
   */
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

  /** How many strings are numbered (found or not). */
  get size(): number {
    return this.state.strings.ends.length;
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
function comparePacked(packed: PackedStrings, n: number, value: string): number {
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

/**
 * A set's strings and new ones numbered after them (the set's numbers stay, so whatever
 * refers to them stays right), with the new strings' order merged into the set's.
 * Numbers `findable` refuses (a record since forgotten) keep their string but leave the order.
 */
export function extendSorted(sorted: SortedStrings, added: readonly string[], findable?: (n: number) => boolean): SortedStringsState {
  if (added.length === 0 && !findable) return sorted.state;
  const old = sorted.state.strings;
  const extra = packStrings(added);
  const base = old.text.length;
  const ends = new Uint32Array(old.ends.length + added.length);
  ends.set(old.ends);
  for (let i = 0; i < added.length; i++) ends[old.ends.length + i] = base + extra.ends[i];
  const strings = { text: added.length === 0 ? old.text : old.text + extra.text, ends };
  let addedOrder = Int32Array.from(added.keys(), (i) => sorted.size + i);
  let previous = sorted.state.order;
  if (findable) {
    previous = previous.filter(findable);
    addedOrder = addedOrder.filter(findable);
  }
  addedOrder.sort((a, b) => byValue(added[a - sorted.size], added[b - sorted.size]));
  const order = new Int32Array(previous.length + addedOrder.length);
  let i = 0,
    j = 0,
    k = 0;
  while (i < previous.length && j < addedOrder.length)
    order[k++] = comparePacked(strings, previous[i], added[addedOrder[j] - sorted.size]) <= 0 ? previous[i++] : addedOrder[j++];
  while (i < previous.length) order[k++] = previous[i++];
  while (j < addedOrder.length) order[k++] = addedOrder[j++];
  return { strings, order };
}
