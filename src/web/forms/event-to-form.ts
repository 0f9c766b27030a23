import { DateTime } from 'luxon';
import type { ThreadEvent } from '../../domain/events.ts';
import { CONCERN_KINDS, GCP2_AREAS } from '../../domain/vocabulary.ts';
import { EVENT_FORMS, type EventFormSpec, type FieldSpec } from './event-forms.ts';
import type { FormBody } from './form-to-event.ts';
import { scoreField } from './neglect-forms.ts';

/**
 * The form that records events of the record's kind (for an assessment, the Graded Care
 * Profile's own when it is one). Forms that introduce a person (a birth, a new person)
 * make several records and correct none.
 */
export function formForEvent(event: ThreadEvent): EventFormSpec | undefined {
  if (event.type === 'birth' || event.type === 'person.recorded') return undefined;
  if (event.type === 'assessment.recorded' && event.data.tool === 'graded-care-profile-2')
    return EVENT_FORMS.find((f) => f.slug === 'graded-care-profile');
  if (event.type === 'contact' && event.data.kind === 'supervision-session') return EVENT_FORMS.find((f) => f.slug === 'supervision');
  return EVENT_FORMS.find((f) =>
    typeof f.type === 'string'
      ? f.type === event.type && f.slug !== 'graded-care-profile' && f.slug !== 'supervision'
      : Object.values(f.type.types).includes(event.type),
  );
}

/** A stored scalar as form text ('' for anything else: a form field holds no objects). */
const asText = (value: unknown) =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';

function fieldValue(field: FieldSpec, value: unknown, zone: string, body: FormBody): void {
  if (value === undefined || value === null) return;
  switch (field.kind) {
    case 'date': {
      const date = DateTime.fromISO(asText(value).slice(0, 10), { zone });
      if (!date.isValid) return;
      body[`${field.name}-day`] = String(date.day);
      body[`${field.name}-month`] = String(date.month);
      body[`${field.name}-year`] = String(date.year);
      return;
    }
    case 'yesno':
      body[field.name] = value === true ? 'yes' : value === false ? 'no' : undefined;
      return;
    case 'checkboxes':
    case 'persons':
      body[field.name] = Array.isArray(value) ? value.map(asText) : [asText(value)];
      return;
    default:
      body[field.name] = asText(value);
  }
}

/**
 * A stored record as the values of its form, the reverse of `formToEvent`: what the
 * correction page starts from, so the user changes only what was wrong.
 */
export function eventToForm(form: EventFormSpec, event: ThreadEvent, zone: string): FormBody {
  const data = event.data as Record<string, unknown>;
  const body: FormBody = {};
  const at = DateTime.fromMillis(event.at, { zone });
  for (const field of form.fields) {
    if (field.kind === 'when') {
      body[`${field.name}-day`] = String(at.day);
      body[`${field.name}-month`] = String(at.month);
      body[`${field.name}-year`] = String(at.year);
      body[`${field.name}-time`] = at.toFormat('HH:mm');
    } else fieldValue(field, data[field.name], zone, body);
  }
  if (typeof form.type !== 'string') {
    const chosen = Object.entries(form.type.types).find(([, type]) => type === event.type);
    if (chosen) body[form.type.field] = chosen[0];
  }
  if (event.type === 'action.agreed' && event.data.owner) {
    body.agency = event.data.owner.agency;
    body.ownerName = event.data.owner.name;
  }
  if (event.type === 'escalation.raised') body.stage = String(event.data.stage);
  if (event.type === 'information.shared' && event.data.content) {
    const known = new Set<string>(CONCERN_KINDS);
    body.content = event.data.content.filter((c) => known.has(c));
    body.contentOther = event.data.content.filter((c) => !known.has(c)).join(', ');
  }
  if (event.type === 'assessment.recorded' && event.data.scores)
    for (const area of GCP2_AREAS) if (event.data.scores[area] !== undefined) body[scoreField(area)] = String(event.data.scores[area]);
  return body;
}
