import { createHash } from 'node:crypto';
import type { ThreadEvent } from '../domain/events.ts';

/** A family of another key joined this one: its people (and their records) now belong to `into`. */
export interface FamilyMerge {
  from: string;
  into: string;
  /** Everyone of the family that joined. */
  persons: string[];
}

/**
 * The family each person belongs to, for partitioning: people an event mentions together
 * (mother and child, a carer, an identity link between two records of one person) are one
 * family. A family's key is the id of its first person, and it stays the same for good:
 * when two families join (a new relationship, or linkage finding that two records are one
 * person), the joined family keeps the key of the one known first, and the other's people
 * move to it. The key is what the database would distribute the log on, and what
 * `shardOf` maps to an evaluation worker.
 */
export class FamilyKeys {
  private readonly parent = new Map<string, string>();
  /** For each root: the family key, its first-seen order and its people. */
  private readonly families = new Map<string, { key: string; order: number; persons: string[] }>();
  private order = 0;

  /** The family key of a person (the person's own id when not yet seen). */
  keyOf(person: string): string {
    const root = this.parent.has(person) ? this.root(person) : undefined;
    return root === undefined ? person : this.families.get(root)!.key;
  }

  /** Learns from an event; returns its family key and the merges it caused. */
  observe(event: ThreadEvent): { key: string; merges: FamilyMerge[] } {
    const merges: FamilyMerge[] = [];
    // People first seen now join the family of the first known person the event names (no move: they have no records yet).
    const known = event.persons.find((id) => this.parent.has(id));
    const anchor = known ?? event.persons[0];
    if (known === undefined) this.add(anchor);
    for (const other of event.persons) {
      if (other === anchor) continue;
      if (!this.parent.has(other)) {
        const root = this.root(anchor);
        this.parent.set(other, root);
        this.families.get(root)!.persons.push(other);
        continue;
      }
      const merge = this.union(anchor, other);
      if (merge) merges.push(merge);
    }
    return { key: this.keyOf(anchor), merges };
  }

  private add(person: string): void {
    this.parent.set(person, person);
    this.families.set(person, { key: person, order: this.order++, persons: [person] });
  }

  private root(person: string): string {
    let root = person;
    while (this.parent.get(root) !== root) root = this.parent.get(root)!;
    // Path compression: every person on the way points at the root.
    for (let at = person; at !== root;) {
      const next = this.parent.get(at)!;
      this.parent.set(at, root);
      at = next;
    }
    return root;
  }

  private union(a: string, b: string): FamilyMerge | undefined {
    const ra = this.root(a);
    const rb = this.root(b);
    if (ra === rb) return undefined;
    const fa = this.families.get(ra)!;
    const fb = this.families.get(rb)!;
    const [older, younger, olderRoot, youngerRoot] = fa.order <= fb.order ? [fa, fb, ra, rb] : [fb, fa, rb, ra];
    this.parent.set(youngerRoot, olderRoot);
    this.families.delete(youngerRoot);
    for (const person of younger.persons) older.persons.push(person);
    return { from: younger.key, into: older.key, persons: younger.persons };
  }
}

/**
 * The shard (0 to shards - 1) of a family key: the first four bytes of its SHA-256, so
 * the same key lands on the same shard in every process, and in the database (as the
 * distribution column's hash would).
 */
export function shardOf(familyKey: string, shards: number): number {
  return createHash('sha256').update(familyKey).digest().readUInt32BE(0) % shards;
}
