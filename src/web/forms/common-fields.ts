import { randomUUID } from 'node:crypto';
import type { FieldSpec, Option } from './event-forms.ts';
import { agencyName } from '../../protocols/support/describe.ts';

// The fields most forms share, and the way vocabulary values become options.

export const WHEN: FieldSpec = {
  name: 'at',
  label: 'When did it happen?',
  kind: 'when',
  required: true,
  hint: 'For example, 27 3 2024 and 14:30',
  error: 'Enter the date it happened, for example 27 3 2024',
};
export const NOTE: FieldSpec = { name: 'note', label: 'Note for the chronology (optional)', kind: 'textarea' };
export const WHO: FieldSpec = {
  name: 'person',
  label: 'Who is this about?',
  kind: 'person',
  required: true,
  error: 'Select who this is about',
};

export const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
/** Vocabulary values as options, worded from the value ("was-not-brought" as "Was not brought"). */
export const options = (values: readonly string[]): Option[] =>
  values.map((value) => ({ value, text: capital(value.replaceAll('-', ' ')) }));
export const agencies = (values: readonly string[]): Option[] => values.map((value) => ({ value, text: capital(agencyName(value)) }));

/**
 * The id of a person a form introduces (an unborn baby at booking, a new baby, a new
 * adult): made from the form's own id, so submitting the same form twice makes one person.
 */
export function newPersonId(body: Readonly<Record<string, string | string[] | undefined>>, prefix: string): string {
  const key = typeof body.eventId === 'string' && /^[\w-]{8,64}$/.test(body.eventId) ? body.eventId : randomUUID();
  return `${prefix}-${key.slice(0, 13)}`;
}
