import type { z } from 'zod';
import { EVENT_SCHEMAS, EVENT_TYPES, type EventType } from './event-schemas.ts';
import { id, REFERENCE_META, type ReferenceKind } from './reference-ids.ts';

/** A field of an event type that names people or records. */
export interface ReferenceField {
  field: string;
  kind: ReferenceKind;
  /** An array of ids rather than one. */
  list: boolean;
}

/** The schema inside optional, nullable, default and array wrappers, and whether an array was met. */
function unwrap(schema: z.ZodType): { inner: z.ZodType; list: boolean } {
  let inner = schema;
  let list = false;
  for (;;) {
    const def = inner.def as { type: string; innerType?: z.ZodType; element?: z.ZodType };
    if (def.type === 'array' && def.element) {
      list = true;
      inner = def.element;
    } else if (def.innerType && (def.type === 'optional' || def.type === 'nullable' || def.type === 'default')) {
      inner = def.innerType;
    } else return { inner, list };
  }
}

function referenceKind(schema: z.ZodType): ReferenceKind | undefined {
  const meta = schema.meta();
  const kind = meta?.[REFERENCE_META];
  return kind === 'person' || kind === 'event' ? kind : undefined;
}

function shapeOf(type: EventType): Record<string, z.ZodType> {
  return (EVENT_SCHEMAS[type] as unknown as z.ZodObject).shape;
}

/** Each event type's reference fields, read once from the schemas' declarations. */
export const REFERENCE_FIELDS: Readonly<Record<EventType, readonly ReferenceField[]>> = Object.fromEntries(
  EVENT_TYPES.map((type) => [
    type,
    Object.entries(shapeOf(type)).flatMap(([field, schema]) => {
      const { inner, list } = unwrap(schema);
      const kind = referenceKind(inner);
      return kind ? [{ field, kind, list }] : [];
    }),
  ]),
) as Record<EventType, ReferenceField[]>;

/**
 * Fields declared with the bare `id` schema (other than the record's own `id`): they name
 * something, but not whether a person or a record, so access could not be decided on them.
 */
export function undeclaredIdFields(type: EventType): string[] {
  return Object.entries(shapeOf(type))
    .filter(([field, schema]) => field !== 'id' && unwrap(schema).inner === id)
    .map(([field]) => field);
}

function idsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

/**
 * Everyone and every record an input names, read from its type's declared reference
 * fields. The input need not be valid yet (access is decided before validation stores
 * anything): an unknown type names nothing.
 */
export function referencesOf(input: Record<string, unknown>): { persons: string[]; events: string[] } {
  const persons = new Set<string>();
  const events = new Set<string>();
  const fields =
    typeof input.type === 'string' && Object.hasOwn(REFERENCE_FIELDS, input.type) ? REFERENCE_FIELDS[input.type as EventType] : [];
  for (const { field, kind } of fields) for (const value of idsIn(input[field])) (kind === 'person' ? persons : events).add(value);
  return { persons: [...persons], events: [...events] };
}
