/** The index as a snapshot keeps it: two typed arrays and a count, copied as bytes. */
export interface EventKeyIndexState {
  hashes: Uint32Array;
  families: Int32Array;
  size: number;
}

const EMPTY = -1;

/**
 * Which family holds the record with a given key, for families kept serialised (cold):
 * an open-addressing table of 32-bit hashes of the keys, with the family's number in a
 * parallel array. Millions of keys as JavaScript strings in a Map would cost a hundred
 * bytes each and seconds to rebuild at start-up; two typed arrays cost eight bytes a
 * slot and load as one copy. A hash names candidates only: two keys may share one, so
 * the caller opens each candidate family and looks the key up there.
 */
export class EventKeyIndex {
  private hashes: Uint32Array;
  private families: Int32Array;
  private count = 0;

  constructor(capacity = 1024) {
    const slots = 2 ** Math.ceil(Math.log2(Math.max(16, capacity * 2)));
    this.hashes = new Uint32Array(slots);
    this.families = new Int32Array(slots).fill(EMPTY);
  }

  static fromState(state: EventKeyIndexState): EventKeyIndex {
    const index = new EventKeyIndex(0);
    index.hashes = state.hashes;
    index.families = state.families;
    index.count = state.size;
    return index;
  }

  exportState(): EventKeyIndexState {
    return { hashes: this.hashes, families: this.families, size: this.count };
  }

  get size(): number {
    return this.count;
  }

  /** Notes that `family` holds the record `key` (once per key and family). */
  add(key: string, family: number): void {
    if ((this.count + 1) * 10 > this.families.length * 7) this.grow();
    const hash = hashKey(key);
    const mask = this.families.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const held = this.families[slot];
      if (held === EMPTY) {
        this.hashes[slot] = hash;
        this.families[slot] = family;
        this.count++;
        return;
      }
      if (held === family && this.hashes[slot] === hash) return;
    }
  }

  /** The families that may hold `key` (as numbered when added; they may since have joined others). */
  candidates(key: string): number[] {
    if (this.count === 0) return NONE;
    const hash = hashKey(key);
    const mask = this.families.length - 1;
    let found: number[] | undefined;
    for (let slot = hash & mask; this.families[slot] !== EMPTY; slot = (slot + 1) & mask) {
      if (this.hashes[slot] === hash) (found ??= []).push(this.families[slot]);
    }
    return found ?? NONE;
  }

  private grow(): void {
    const { hashes, families } = this;
    this.hashes = new Uint32Array(hashes.length * 2);
    this.families = new Int32Array(families.length * 2).fill(EMPTY);
    const mask = this.families.length - 1;
    for (let from = 0; from < families.length; from++) {
      if (families[from] === EMPTY) continue;
      let slot = hashes[from] & mask;
      while (this.families[slot] !== EMPTY) slot = (slot + 1) & mask;
      this.hashes[slot] = hashes[from];
      this.families[slot] = families[from];
    }
  }
}

const NONE: number[] = [];

/** FNV-1a over the key's UTF-16 code units, then mixed so that nearby keys spread over the table. */
export function hashKey(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  return hash >>> 0;
}
