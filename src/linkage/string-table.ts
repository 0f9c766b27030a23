/**
 * Strings packed for a state that is serialised (`v8.serialize`): one string holding
 * them all and where each ends. The deserializer then builds two objects however many
 * strings there are, not one per string; the reader slices out the ones it needs.
 */
export interface PackedStrings {
  readonly text: string;
  /** End offset in `text` of each string; string i starts where string i - 1 ends. */
  readonly ends: Uint32Array;
}

/** Numbers distinct strings in the order first seen, and packs them. */
export class StringTable {
  private readonly numbers = new Map<string, number>();
  private readonly values: string[] = [];

  number(value: string): number {
    let found = this.numbers.get(value);
    if (found === undefined) {
      found = this.values.length;
      this.numbers.set(value, found);
      this.values.push(value);
    }
    return found;
  }

  /** The number of a value that may be missing: -1 when it is. */
  optional(value: string | null | undefined): number {
    return value === undefined || value === null ? -1 : this.number(value);
  }

  pack(): PackedStrings {
    return packStrings(this.values);
  }
}

export function packStrings(values: readonly string[]): PackedStrings {
  const ends = new Uint32Array(values.length);
  let end = 0;
  for (let i = 0; i < values.length; i++) ends[i] = end += values[i].length;
  return { text: values.join(''), ends };
}

export function unpackStrings(packed: PackedStrings): string[] {
  const values = new Array<string>(packed.ends.length);
  let start = 0;
  for (let i = 0; i < values.length; i++) {
    const end = packed.ends[i];
    values[i] = packed.text.slice(start, end);
    start = end;
  }
  return values;
}

/** String `n` of packed strings. */
export function stringAt(packed: PackedStrings, n: number): string {
  return packed.text.slice(n === 0 ? 0 : packed.ends[n - 1], packed.ends[n]);
}
