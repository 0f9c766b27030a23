import { text } from './safe-text.ts';

/**
 * Identifiers in records. A field that names a person is a `personRef`; a field that
 * names an earlier record by its `id` is an `eventRef`. Declaring the field with one of
 * these is all a new event type needs: need-to-know is then decided on every person it
 * names and on the people of every record it refers to, before anything is stored
 * (src/domain/event-references.ts reads the declarations; the authorisation test in
 * src/access/every-event-type.test.ts fails for a reference field with no fixture, and
 * for an id field declared as neither).
 */
export const id = text.min(1, 'must not be empty').max(200);

export const REFERENCE_META = 'references';
export type ReferenceKind = 'person' | 'event';

/** The id of a person (a child, an unborn baby or an adult). */
export const personRef = id.meta({ [REFERENCE_META]: 'person' satisfies ReferenceKind });

/** The `id` of an earlier record (as `supersedes`, or `of` in version-2 records). */
export const eventRef = id.meta({ [REFERENCE_META]: 'event' satisfies ReferenceKind });
