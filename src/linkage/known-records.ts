import type { PersonRecord } from './person-record.ts';
import type { PreparedRecord } from './prepared-record.ts';
import { SortedStrings, byValue, extendSorted, sortStrings, type SortedStringsState } from './sorted-strings.ts';
import { packStrings, stringAt, type PackedStrings } from './string-table.ts';

/** The records an identity index knows, as a state keeps them. */
export interface KnownRecordsState {
  /**
   * Record ids, numbered in the order the records were (last) added. A record forgotten
   * since keeps its number (and its fields) but is left out of the ids' order.
   */
  readonly ids: SortedStringsState;
  /** The values of the records' fields. */
  readonly values: PackedStrings;
  /** Per record, FIELDS numbers of `values` (-1 for a field the record lacks; a person of -2 is the record's own id). */
  readonly fields: Int32Array;
}

/** A record's person, then the fields of the record as the agency keyed them. */
const FIELDS = 10;
const OWN_ID = -2;

/**
 * The records an identity index knows, by number: numbers only grow, and a record added
 * again under its id gets a new one. Records of a restored state stay in its arrays
 * (their ids found by binary search) and are prepared for comparison when first needed;
 * records added since are kept as given.
 */
export class KnownRecords {
  /** Records numbered below this came with the state. */
  readonly restored: number;
  private readonly restoredIds: SortedStrings;
  private readonly values: PackedStrings;
  private readonly fields: Int32Array;
  private live: Uint8Array;
  private numbered: number;
  private liveCount: number;
  /** The number of each record added since the state, by id. */
  private readonly addedIds = new Map<string, number>();
  /** Records added since the state, by number less `restored` (undefined once removed). */
  private readonly added: (PersonRecord | undefined)[] = [];
  private readonly addedPeople: string[] = [];
  private readonly prepared: (PreparedRecord | undefined)[];
  private readonly restoredPeople: (string | undefined)[];

  constructor(
    private readonly prepare: (record: PersonRecord) => PreparedRecord,
    state?: KnownRecordsState,
  ) {
    this.restoredIds = new SortedStrings(state?.ids ?? sortStrings([]));
    this.values = state?.values ?? packStrings([]);
    this.fields = state?.fields ?? new Int32Array(0);
    this.restored = this.restoredIds.size;
    this.numbered = this.restored;
    this.live = new Uint8Array(Math.max(1024, this.restored * 2));
    const known = this.restoredIds.state.order;
    this.liveCount = known.length;
    if (known.length === this.restored) this.live.fill(1, 0, this.restored);
    else for (const record of known) this.live[record] = 1;
    this.prepared = new Array<PreparedRecord | undefined>(this.restored).fill(undefined);
    this.restoredPeople = new Array<string | undefined>(this.restored).fill(undefined);
  }

  get size(): number {
    return this.liveCount;
  }

  /** The number of the known record with this id, or -1. */
  numberOf(id: string): number {
    const added = this.addedIds.get(id);
    if (added !== undefined) return added;
    const restored = this.restoredIds.find(id);
    return restored >= 0 && this.live[restored] === 1 ? restored : -1;
  }

  isLive(record: number): boolean {
    return this.live[record] === 1;
  }

  add(record: PersonRecord, personId: string, prepared: PreparedRecord): number {
    const number = this.numbered++;
    if (number >= this.live.length) {
      const grown = new Uint8Array(this.live.length * 2);
      grown.set(this.live);
      this.live = grown;
    }
    this.live[number] = 1;
    this.liveCount++;
    this.addedIds.set(record.id, number);
    this.added.push(record);
    this.addedPeople.push(personId);
    this.prepared[number] = prepared;
    return number;
  }

  remove(record: number): void {
    if (this.live[record] !== 1) return;
    this.live[record] = 0;
    this.liveCount--;
    const id = this.recordOf(record).id;
    if (this.addedIds.get(id) === record) this.addedIds.delete(id);
    if (record >= this.restored) this.added[record - this.restored] = undefined;
    this.prepared[record] = undefined;
  }

  preparedOf(record: number): PreparedRecord {
    let prepared = this.prepared[record];
    if (prepared === undefined) this.prepared[record] = prepared = this.prepare(this.recordOf(record));
    return prepared;
  }

  personOf(record: number): string {
    if (record >= this.restored) return this.addedPeople[record - this.restored];
    let person = this.restoredPeople[record];
    if (person === undefined)
      this.restoredPeople[record] = person = this.fields[record * FIELDS] === OWN_ID ? this.restoredIds.at(record) : this.value(record, 0)!;
    return person;
  }

  idOf(record: number): string {
    return this.preparedOf(record).id;
  }

  /** The record as the agency keyed it. */
  recordOf(record: number): PersonRecord {
    if (record >= this.restored) return this.added[record - this.restored]!;
    const given = this.value(record, 1),
      family = this.value(record, 2);
    return {
      id: this.restoredIds.at(record),
      ...(given === undefined && family === undefined ? {} : { name: { given, family } }),
      born: this.value(record, 3),
      sex: this.value(record, 4),
      nhsNumber: this.value(record, 5),
      postcode: this.value(record, 6),
      email: this.value(record, 7),
      phone: this.value(record, 8),
      area: this.value(record, 9),
    };
  }

  /**
   * The known records as a state, and how they are numbered in it (`renumbered[record]`,
   * -1 for a record no longer known). The numbers stay, and forgotten records stay as
   * gaps, unless gaps have grown to a twentieth of the records: then they are numbered afresh.
   */
  exportState(): { state: KnownRecordsState; renumbered: Int32Array } {
    const gaps = this.numbered - this.liveCount;
    return gaps > 0 && gaps * 20 >= this.numbered ? this.exportAfresh() : this.exportKeepingNumbers();
  }

  private exportKeepingNumbers(): { state: KnownRecordsState; renumbered: Int32Array } {
    const renumbered = new Int32Array(this.numbered);
    for (let record = 0; record < this.numbered; record++) renumbered[record] = this.live[record] === 1 ? record : -1;
    const fields = new Int32Array(this.numbered * FIELDS).fill(-1);
    fields.set(this.fields);
    const values = new AddedValues(this.values);
    const ids: string[] = [];
    for (let record = this.restored; record < this.numbered; record++) {
      const known = this.added[record - this.restored];
      ids.push(known?.id ?? '');
      if (known) values.fill(fields, record * FIELDS, known, this.addedPeople[record - this.restored]);
    }
    const findable = (record: number) => this.live[record] === 1;
    return { state: { ids: extendSorted(this.restoredIds, ids, findable), values: values.packed(), fields }, renumbered };
  }

  private exportAfresh(): { state: KnownRecordsState; renumbered: Int32Array } {
    const renumbered = new Int32Array(this.numbered).fill(-1);
    const ids: string[] = [];
    const fields = new Int32Array(this.liveCount * FIELDS);
    const values = new AddedValues(this.values);
    let next = 0;
    for (let record = 0; record < this.numbered; record++) {
      if (this.live[record] !== 1) continue;
      renumbered[record] = next;
      const at = next++ * FIELDS;
      if (record < this.restored) {
        ids.push(this.restoredIds.at(record));
        fields.set(this.fields.subarray(record * FIELDS, (record + 1) * FIELDS), at);
        continue;
      }
      const known = this.added[record - this.restored]!;
      ids.push(known.id);
      values.fill(fields, at, known, this.addedPeople[record - this.restored]);
    }
    return { state: { ids: this.idsInOrder(ids, renumbered), values: values.packed(), fields }, renumbered };
  }

  /** The ids with their order by value: the state's order kept, the ids added since sorted into it. */
  private idsInOrder(ids: readonly string[], renumbered: Int32Array): SortedStringsState {
    const fromState: number[] = [];
    for (const record of this.restoredIds.state.order) if (renumbered[record] >= 0) fromState.push(renumbered[record]);
    const added: number[] = [];
    for (let record = this.restored; record < this.numbered; record++) if (renumbered[record] >= 0) added.push(renumbered[record]);
    added.sort((a, b) => byValue(ids[a], ids[b]));
    const order = new Int32Array(ids.length);
    let i = 0,
      j = 0,
      k = 0;
    while (i < fromState.length && j < added.length)
      order[k++] = byValue(ids[fromState[i]], ids[added[j]]) <= 0 ? fromState[i++] : added[j++];
    while (i < fromState.length) order[k++] = fromState[i++];
    while (j < added.length) order[k++] = added[j++];
    return { strings: packStrings(ids), order };
  }

  private value(record: number, field: number): string | undefined {
    const number = this.fields[record * FIELDS + field];
    return number < 0 ? undefined : stringAt(this.values, number);
  }
}

/** The values of records added since a state, numbered after the state's own values. */
class AddedValues {
  private readonly numbers = new Map<string, number>();

  constructor(private readonly restored: PackedStrings) {}

  /** Writes a record's FIELDS numbers at `at`. */
  fill(fields: Int32Array, at: number, record: PersonRecord, personId: string): void {
    fields[at] = personId === record.id ? OWN_ID : this.number(personId);
    fields[at + 1] = this.number(record.name?.given);
    fields[at + 2] = this.number(record.name?.family);
    fields[at + 3] = this.number(record.born);
    fields[at + 4] = this.number(record.sex);
    fields[at + 5] = this.number(record.nhsNumber);
    fields[at + 6] = this.number(record.postcode);
    fields[at + 7] = this.number(record.email);
    fields[at + 8] = this.number(record.phone);
    fields[at + 9] = this.number(record.area);
  }

  packed(): PackedStrings {
    return appendStrings(this.restored, [...this.numbers.keys()]);
  }

  private number(value: string | undefined): number {
    if (value === undefined) return -1;
    let number = this.numbers.get(value);
    if (number === undefined) this.numbers.set(value, (number = this.restored.ends.length + this.numbers.size));
    return number;
  }
}

function appendStrings(packed: PackedStrings, added: readonly string[]): PackedStrings {
  if (added.length === 0) return packed;
  const extra = packStrings(added);
  const ends = new Uint32Array(packed.ends.length + added.length);
  ends.set(packed.ends);
  const base = packed.text.length;
  for (let i = 0; i < added.length; i++) ends[packed.ends.length + i] = base + extra.ends[i];
  return { text: packed.text + extra.text, ends };
}
