import type { BlockingTableState } from './blocking-table.ts';
import type { KnownFamiliesState } from './known-families.ts';
import type { KnownRecordsState } from './known-records.ts';
import type { SortedStringsState } from './sorted-strings.ts';
import type { PackedStrings } from './string-table.ts';
import type { TermFrequenciesState } from './term-frequencies.ts';

/**
 * What an IdentityIndex knows, in a form that survives `v8.serialize` and loads in no
 * time: typed arrays and packed strings (a few hundred objects, however many records),
 * which the restored index reads where they lie. The numbers for sounds and places in
 * its blocking keys are the index's own and travel with it.
 */
export interface IdentityIndexState {
  readonly format: typeof IDENTITY_INDEX_STATE_FORMAT;
  /** The blocking rules' names and the counted fields' keys: what `blocking` and `frequencies` are aligned with. */
  readonly layout: string;
  readonly records: KnownRecordsState;
  readonly sounds: SortedStringsState;
  readonly places: SortedStringsState;
  /** One table per blocking rule. */
  readonly blocking: readonly BlockingTableState[];
  /** One table per counted field. */
  readonly frequencies: readonly TermFrequenciesState[];
  /** Practitioners' decisions: pairs of record ids. */
  readonly accepted: PackedPairs;
  readonly rejected: PackedPairs;
  readonly families: KnownFamiliesState;
}

/** Pairs (a, b) of strings, by number: b is in a's set, in the order of the sets. */
export interface PackedPairs {
  readonly strings: PackedStrings;
  readonly pairs: Int32Array;
}

export const IDENTITY_INDEX_STATE_FORMAT = 2;
