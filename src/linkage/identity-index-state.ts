import type { KnownFamiliesState } from './known-families.ts';
import type { PersonRecord } from './person-record.ts';
import type { PackedStrings } from './string-table.ts';

/**
 * What an IdentityIndex knows, in a form that survives `v8.serialize` and loads fast: a
 * few typed arrays of numbers standing for the strings in `strings`, rather than an
 * object per record. It holds the index's inputs (the records as agencies keyed them,
 * practitioners' decisions, families), never numbers that mean something only in the
 * process that made them.
 */
export interface IdentityIndexState {
  readonly format: typeof IDENTITY_INDEX_STATE_FORMAT;
  readonly strings: PackedStrings;
  /** The known records in the order they were last added: RECORD_COLUMNS numbers each (-1 for a missing field). */
  readonly records: Int32Array;
  /** Pairs of record ids (a, b): b is in a's set, in the order of the sets. */
  readonly accepted: Int32Array;
  readonly rejected: Int32Array;
  readonly families: KnownFamiliesState;
}

export const IDENTITY_INDEX_STATE_FORMAT = 1;

/** A known record's columns: its id, its person's id, then the fields of the record. */
export const RECORD_COLUMNS = 11;

export function recordColumns(record: PersonRecord, personId: string, number: (value: string | undefined) => number): number[] {
  return [
    number(record.id),
    number(personId),
    number(record.name?.given),
    number(record.name?.family),
    number(record.born),
    number(record.sex),
    number(record.nhsNumber),
    number(record.postcode),
    number(record.email),
    number(record.phone),
    number(record.area),
  ];
}

/** The record at `row` of a state's records, and its person's id. */
export function recordAt(records: Int32Array, row: number, strings: readonly string[]): { record: PersonRecord; personId: string } {
  const at = row * RECORD_COLUMNS;
  const value = (column: number) => {
    const n = records[at + column];
    return n < 0 ? undefined : strings[n];
  };
  const given = value(2),
    family = value(3);
  return {
    personId: value(1)!,
    record: {
      id: value(0)!,
      ...(given === undefined && family === undefined ? {} : { name: { given, family } }),
      born: value(4),
      sex: value(5),
      nhsNumber: value(6),
      postcode: value(7),
      email: value(8),
      phone: value(9),
      area: value(10),
    },
  };
}
