import { SortedStrings, extendSorted, type SortedStringsState } from './sorted-strings.ts';

/**
 * Numbers for the strings blocking keys are built from (the sounds of names, places),
 * owned by one identity index and kept with its state: the keys in a restored index
 * then mean what they meant when it was exported, in whatever process. The numbers of
 * a restored state are found by binary search; strings met since get the next numbers.
 */
export class KeyNumbers {
  private readonly added = new Map<string, number>();
  private readonly addedValues: string[] = [];

  constructor(private readonly known: SortedStrings = SortedStrings.EMPTY) {}

  readonly number = (value: string): number => {
    let found = this.added.get(value);
    if (found !== undefined) return found;
    found = this.known.find(value);
    if (found >= 0) return found;
    found = this.known.size + this.addedValues.length;
    this.added.set(value, found);
    this.addedValues.push(value);
    return found;
  };

  exportState(): SortedStringsState {
    return extendSorted(this.known, this.addedValues);
  }

  static fromState(state: SortedStringsState): KeyNumbers {
    return new KeyNumbers(new SortedStrings(state));
  }
}
