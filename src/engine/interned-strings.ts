import type { ThreadEvent } from '../domain/events.ts';

/**
 * Strings longer than this are free text (notes, reasons, descriptions): each is
 * usually one of a kind, so pooling them would only add an entry.
 */
const LONGEST_INTERNED = 64;

/**
 * One copy of each short string value the engine holds: the log repeats the same event
 * types, agencies, kinds, areas and, above all, people's ids in every event, and
 * `JSON.parse` and the V8 deserializer make a new string for each occurrence. Holding
 * one shared copy is what keeps the engine's memory near what the protocols need.
 * The pool only grows; what it holds is bounded by the distinct short values in the
 * record (mostly the people), which the engine holds anyway.
 */
const pool = new Map<string, string>();

export function intern(value: string): string {
  if (value.length > LONGEST_INTERNED) return value;
  const known = pool.get(value);
  if (known !== undefined) return known;
  pool.set(value, value);
  return value;
}

/** Replaces, in place, every short string in a value (objects, arrays) with its pooled copy. */
function internWithin(value: unknown): unknown {
  if (typeof value === 'string') return intern(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = internWithin(value[i]);
    return value;
  }
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const name in record) record[name] = internWithin(record[name]);
  }
  return value;
}

/**
 * Makes an event share the pooled copies of its short strings (the same values, so
 * nothing reading it can tell). Its key is unique to it and left alone.
 */
export function internEvent(event: ThreadEvent): ThreadEvent {
  event.type = intern(event.type) as typeof event.type;
  if (event.agency !== undefined) event.agency = intern(event.agency) as typeof event.agency;
  if (event.organisation !== undefined) event.organisation = intern(event.organisation);
  event.subject = intern(event.subject);
  internWithin(event.persons);
  if (event.recordedBy !== undefined) internWithin(event.recordedBy);
  internWithin(event.data);
  return event;
}

/** The same for any plain value the engine holds (a relationship, a person's state, a wake). */
export function internFields<T>(value: T): T {
  return internWithin(value) as T;
}
