import type { RawEvent, EventType } from './event-schemas.ts';
import type { Agency } from './vocabulary.ts';

/** Who recorded an event. `qualified` matters at the front door (social worker or not). */
export interface RecordedBy {
  role: string;
  qualified?: boolean;
  name?: string;
}

/**
 * An accepted, immutable record. `at` is when it happened and `recordedAt` when it was
 * written, both epoch milliseconds. `key` is the idempotency key: the same key is
 * stored once. `persons` lists every person the event is about, for indexing.
 */
export type ThreadEvent<T extends EventType = EventType> = {
  [K in T]: {
    seq: number;
    key: string;
    type: K;
    at: number;
    recordedAt: number;
    agency?: Agency;
    recordedBy?: RecordedBy;
    note?: string;
    supersedes?: string;
    subject: string;
    persons: string[];
    /** Date fields of the payload (born, due) resolved to instants. */
    bornMs?: number;
    dueMs?: number;
    data: RawEvent<K>;
  };
}[T];

/** The primary person an event is about and everyone it mentions. */
export function personsOf(raw: RawEvent): { subject: string; persons: string[] } {
  switch (raw.type) {
    case 'relationship.recorded':
      return { subject: raw.of, persons: [raw.person, raw.of] };
    case 'address.changed':
      return { subject: raw.persons[0], persons: [...raw.persons] };
    case 'pregnancy.booked':
      return { subject: raw.unborn, persons: [raw.unborn, raw.person] };
    case 'birth':
      return { subject: raw.child, persons: [raw.child, raw.mother] };
    case 'contact': {
      const seen = raw.seen ?? [];
      return { subject: raw.person, persons: seen.includes(raw.person) ? [...seen] : [raw.person, ...seen] };
    }
    case 'identity.linked':
      return { subject: raw.person, persons: [raw.person, raw.to] };
    case 'identity.review':
      return { subject: raw.person, persons: [raw.person, raw.candidate] };
    case 'identity.unlinked':
      return { subject: raw.person, persons: [raw.person, raw.from] };
    // Version 2 records touch only the child they are about; the earlier record they
    // answer (an action, a share, a referral, an escalation) is about the same child.
    case 'action.completed':
    case 'action.cancelled':
    case 'information.acknowledged':
    case 'referral.outcome':
    case 'allocation.set':
    case 'allocation.ended':
    case 'escalation.raised':
    case 'escalation.resolved':
      return { subject: raw.person, persons: [raw.person] };
    default:
      return { subject: raw.person, persons: [raw.person] };
  }
}
