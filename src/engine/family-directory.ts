import type { ThreadEvent } from '../domain/events.ts';
import { EventKeyIndex, type EventKeyIndexState } from './event-key-index.ts';
import { FamilyCodec } from './family-codec.ts';

/**
 * A family as the world holds it: the people records name together (a mother and her
 * baby, a carer, two records of one person), and every record about them. In memory
 * (hot) its people's state sits in the world's maps; serialised (cold) it is one blob.
 */
export interface Family {
  readonly id: number;
  /** Its people (hot only: a cold family's are in its blob). */
  persons: string[];
  /** Its records in the order applied (hot only). */
  events: ThreadEvent[];
  /** The serialised state, while cold. */
  blob?: Uint8Array;
  /** When the family was last needed, on the directory's own count: the least recently needed go cold first. */
  touched: number;
  /** The family this one joined, when a record named people of both. */
  joined?: Family;
}

/** The directory as a snapshot keeps it: every family as a blob, and who belongs to which. */
export interface FamilyDirectoryState {
  persons: string[];
  familyOfPerson: Int32Array;
  /** By family number: its blob, or the number of the family it joined (negative: -1 - number). */
  blobs: (Uint8Array | number)[];
  keys: EventKeyIndexState;
  dictionary?: Uint8Array;
}

/**
 * Who belongs to which family, which families are cold, and where a cold family's
 * records are. A family keeps its number for good; one that joins another points to it.
 */
export class FamilyDirectory {
  private readonly ofPerson = new Map<string, Family>();
  private byNumber: Family[] = [];
  keys = new EventKeyIndex();
  codec = new FamilyCodec();
  cold = 0;
  hot = 0;
  private clock = 0;

  clear(): void {
    this.ofPerson.clear();
    this.byNumber = [];
    this.keys = new EventKeyIndex();
    this.codec = new FamilyCodec();
    this.cold = 0;
    this.hot = 0;
  }

  familyOf(person: string): Family | undefined {
    return this.ofPerson.get(person);
  }

  /** The family numbered so when a key was indexed, or the one it has since joined. */
  byId(id: number): Family | undefined {
    let family = this.byNumber[id];
    while (family?.joined) family = family.joined;
    return family;
  }

  touch(family: Family): void {
    family.touched = ++this.clock;
  }

  /**
   * The family of a record naming these people (all hot, or not yet known): the oldest of
   * their families, which the others join; people not yet known join it too.
   */
  join(persons: readonly string[]): Family {
    let into: Family | undefined;
    for (const id of persons) {
      const family = this.ofPerson.get(id);
      if (family && (!into || family.id < into.id)) into = family;
    }
    into ??= this.create();
    for (const id of persons) {
      const family = this.ofPerson.get(id);
      if (family === into) continue;
      if (!family) {
        this.ofPerson.set(id, into);
        into.persons.push(id);
        continue;
      }
      if (family.blob) throw new Error('a cold family cannot join another');
      for (const member of family.persons) this.ofPerson.set(member, into);
      into.persons.push(...family.persons);
      into.events = mergeInApplyOrder(into.events, family.events);
      family.persons = [];
      family.events = [];
      family.joined = into;
      this.hot--;
    }
    this.touch(into);
    return into;
  }

  private create(): Family {
    const family: Family = { id: this.byNumber.length, persons: [], events: [], touched: 0 };
    this.byNumber.push(family);
    this.hot++;
    return family;
  }

  /** Forgets a family handed to another engine. */
  remove(family: Family): void {
    for (const id of family.persons) if (this.ofPerson.get(id) === family) this.ofPerson.delete(id);
    family.persons = [];
    family.events = [];
    if (family.blob) this.cold--;
    else this.hot--;
    family.blob = undefined;
  }

  hotFamilies(): Family[] {
    return this.byNumber.filter((family) => !family.joined && !family.blob && family.events.length > 0);
  }

  coldFamilies(): Family[] {
    return this.byNumber.filter((family) => !family.joined && family.blob !== undefined);
  }

  markCold(family: Family, blob: Uint8Array): void {
    for (const event of family.events) this.keys.add(event.key, family.id);
    family.blob = blob;
    family.persons = [];
    family.events = [];
    this.hot--;
    this.cold++;
  }

  markHot(family: Family, persons: string[], events: ThreadEvent[]): void {
    family.blob = undefined;
    family.persons = persons;
    family.events = events;
    this.cold--;
    this.hot++;
    this.touch(family);
  }

  /** Every family as a blob (hot ones written now, uncompressed, by `writeHot`), with who belongs where. */
  exportState(writeHot: (family: Family) => Uint8Array): FamilyDirectoryState {
    const persons = [...this.ofPerson.keys()];
    const familyOfPerson = new Int32Array(persons.length);
    persons.forEach((id, i) => (familyOfPerson[i] = this.ofPerson.get(id)!.id));
    const blobs = this.byNumber.map((family): Uint8Array | number => {
      if (family.joined) return -1 - this.byId(family.id)!.id;
      if (family.blob) return family.blob;
      for (const event of family.events) this.keys.add(event.key, family.id);
      return writeHot(family);
    });
    return { persons, familyOfPerson, blobs, keys: this.keys.exportState(), dictionary: this.codec.dictionaryBytes };
  }

  /** Takes over a snapshot's directory: every family cold. */
  importState(state: FamilyDirectoryState): void {
    this.clear();
    // The deserializer hands out views into the whole snapshot it read: copied, so that the rest of it can be freed.
    this.codec = new FamilyCodec(state.dictionary?.slice());
    this.keys = EventKeyIndex.fromState({ ...state.keys, hashes: state.keys.hashes.slice(), families: state.keys.families.slice() });
    this.byNumber = state.blobs.map((blob, id): Family => {
      if (typeof blob === 'number') return { id, persons: [], events: [], touched: 0 };
      this.cold++;
      return { id, persons: [], events: [], blob, touched: 0 };
    });
    state.blobs.forEach((blob, id) => {
      if (typeof blob === 'number') this.byNumber[id].joined = this.byNumber[-1 - blob];
    });
    for (let i = 0; i < state.persons.length; i++) this.ofPerson.set(state.persons[i], this.byNumber[state.familyOfPerson[i]]);
  }
}

/** Every family's blob in one buffer, with each one's length (0 for a family that joined another) and where joined ones went. */
export interface PackedBlobs {
  bytes: Uint8Array;
  lengths: Uint32Array;
  joinedTo: Int32Array;
}

/** The blobs as three arrays, which the serializer writes and reads as bytes, not as a hundred thousand objects. */
export function packBlobs(blobs: readonly (Uint8Array | number)[]): PackedBlobs {
  const lengths = new Uint32Array(blobs.length);
  const joinedTo = new Int32Array(blobs.length).fill(-1);
  let total = 0;
  blobs.forEach((blob, i) => {
    if (typeof blob === 'number') joinedTo[i] = -1 - blob;
    else total += lengths[i] = blob.byteLength;
  });
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const blob of blobs) {
    if (typeof blob === 'number') continue;
    bytes.set(blob, at);
    at += blob.byteLength;
  }
  return { bytes, lengths, joinedTo };
}

/** The blobs back, as views of one copy of the bytes (the deserializer's are views that would keep the whole snapshot). */
export function unpackBlobs(packed: PackedBlobs): (Uint8Array | number)[] {
  const bytes = packed.bytes.slice();
  const blobs = new Array<Uint8Array | number>(packed.lengths.length);
  let at = 0;
  for (let i = 0; i < blobs.length; i++) {
    if (packed.joinedTo[i] >= 0) {
      blobs[i] = -1 - packed.joinedTo[i];
      continue;
    }
    blobs[i] = bytes.subarray(at, at + packed.lengths[i]);
    at += packed.lengths[i];
  }
  return blobs;
}

function mergeInApplyOrder(a: ThreadEvent[], b: ThreadEvent[]): ThreadEvent[] {
  if (b.length === 0) return a;
  if (a.length === 0 || a[a.length - 1].seq <= b[0].seq) return a.concat(b);
  const out: ThreadEvent[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i].seq <= b[j].seq)) out.push(a[i++]);
    else out.push(b[j++]);
  }
  return out;
}
