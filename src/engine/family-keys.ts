import { createHash } from 'node:crypto';
import type { ThreadEvent } from '../domain/events.ts';

/** A family of another key joined this one: its people (and their records) now belong to `into`. */
export interface FamilyMerge {
  from: string;
  into: string;
  /** Everyone of the family that joined. */
  persons: string[];
}

interface Family {
  key: string;
  /** First-seen order: of two families that join, the one seen first keeps its key. */
  order: number;
  persons: string[];
  /** The family this one joined, once it has. */
  joined?: Family;
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
  /** Each person's family as it was when last looked up (follow `joined` to the current one). */
  private readonly familyOf = new Map<string, Family>();
  private order = 0;

  /** The family key of a person (the person's own id when not yet seen). */
  keyOf(person: string): string {
    return this.family(person)?.key ?? person;
  }

  /** Learns from an event; returns its family key and the merges it caused. */
  observe(event: ThreadEvent): { key: string; merges: FamilyMerge[] } {
    const merges: FamilyMerge[] = [];
    const { persons } = event;
    // People first seen now join the family of the first known person the event names (no move: they have no records yet).
    let anchor: Family = this.firstKnown(persons) ?? this.add(persons[0]);
    for (const id of persons) {
      const family = this.family(id);
      if (family === anchor) continue;
      if (family === undefined) {
        this.familyOf.set(id, anchor);
        anchor.persons.push(id);
        continue;
      }
      const [older, younger]: Family[] = anchor.order <= family.order ? [anchor, family] : [family, anchor];
      younger.joined = older;
      for (const person of younger.persons) older.persons.push(person);
      merges.push({ from: younger.key, into: older.key, persons: younger.persons });
      anchor = older;
    }
    return { key: anchor.key, merges };
  }

  private firstKnown(persons: readonly string[]): Family | undefined {
    for (const id of persons) {
      const family = this.family(id);
      if (family !== undefined) return family;
    }
    return undefined;
  }

  private add(person: string): Family {
    const family: Family = { key: person, order: this.order++, persons: [person] };
    this.familyOf.set(person, family);
    return family;
  }

  private family(person: string): Family | undefined {
    const known = this.familyOf.get(person);
    if (known?.joined === undefined) return known;
    let root = known.joined;
    while (root.joined !== undefined) root = root.joined;
    this.familyOf.set(person, root);
    return root;
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
