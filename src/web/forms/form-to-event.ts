import { DateTime } from 'luxon';
import type { FieldProblem } from '../../domain/validation-error.ts';
import type { EventFormSpec, FieldSpec } from './event-forms.ts';

export type FormBody = Record<string, string | string[] | undefined>;

const text = (value: string | string[] | undefined) => (Array.isArray(value) ? (value[0] ?? '') : (value ?? '')).trim();
const list = (value: string | string[] | undefined) =>
  (Array.isArray(value) ? value : value ? [value] : []).map((s) => s.trim()).filter(Boolean);
const pad = (n: string) => n.padStart(2, '0');

/** Day, month and year fields as an ISO date, or a problem. */
function dateOf(body: FormBody, name: string): { iso?: string; problem?: string } {
  const day = text(body[`${name}-day`]);
  const month = text(body[`${name}-month`]);
  const year = text(body[`${name}-year`]);
  if (!day && !month && !year) return {};
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year))
    return { problem: 'enter the date as day, month and year in numbers, for example 27 3 2024' };
  const iso = `${year}-${pad(month)}-${pad(day)}`;
  return DateTime.fromISO(iso).isValid ? { iso } : { problem: `enter a real date: ${day} ${month} ${year} is not a day of the calendar` };
}

function isBlank(field: FieldSpec, body: FormBody): boolean {
  if (field.kind === 'when' || field.kind === 'date')
    return !text(body[`${field.name}-day`]) && !text(body[`${field.name}-month`]) && !text(body[`${field.name}-year`]);
  if (field.kind === 'checkboxes' || field.kind === 'persons') return list(body[field.name]).length === 0;
  return text(body[field.name]) === '';
}

function missingMessage(field: FieldSpec): string {
  if (field.error) return field.error;
  if (
    field.kind === 'select' ||
    field.kind === 'radios' ||
    field.kind === 'checkboxes' ||
    field.kind === 'person' ||
    field.kind === 'record' ||
    field.kind === 'yesno'
  )
    return `select the ${field.label.toLowerCase().replace(/ \(optional\)$/, '')}`;
  return `enter the ${field.label.toLowerCase().replace(/ \(optional\)$/, '')}`;
}

/**
 * A submitted form as an event of the contract, or the problems with it named by
 * field. Type-level checks (allowed values, known people) are left to the record,
 * which refuses with the field named.
 */
export function formToEvent(
  form: EventFormSpec,
  body: FormBody,
  zone: string,
): { event?: Record<string, unknown>; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const event: Record<string, unknown> = {};
  if (typeof form.type === 'string') event.type = form.type;
  else event.type = form.type.types[text(body[form.type.field])];
  for (const field of form.fields) {
    if (isBlank(field, body)) {
      if (field.required) problems.push({ field: field.name, reason: missingMessage(field) });
      continue;
    }
    const value = body[field.name];
    switch (field.kind) {
      case 'when': {
        const date = dateOf(body, field.name);
        const time = text(body[`${field.name}-time`]) || '00:00';
        if (date.problem) problems.push({ field: field.name, reason: date.problem });
        else if (!/^([01]?\d|2[0-3]):[0-5]\d$/.test(time))
          problems.push({ field: `${field.name}-time`, reason: 'enter the time on the 24-hour clock, for example 14:30' });
        else event[field.name] = `${date.iso}T${time.padStart(5, '0')}`;
        if (event[field.name] && DateTime.fromISO(event[field.name] as string, { zone }).toMillis() > Date.now() + 60_000) {
          problems.push({
            field: field.name,
            reason:
              'enter a date and time that has passed: a record says what has happened (to plan something, record an appointment booked or an agreed action with its deadline)',
          });
        }
        break;
      }
      case 'date': {
        const date = dateOf(body, field.name);
        if (date.problem) problems.push({ field: field.name, reason: date.problem });
        else event[field.name] = date.iso;
        break;
      }
      case 'number': {
        const n = Number(text(value));
        if (!Number.isFinite(n))
          problems.push({ field: field.name, reason: field.error ?? `enter the ${field.label.toLowerCase()} as a number` });
        else event[field.name] = n;
        break;
      }
      case 'yesno':
        event[field.name] = text(value) === 'yes';
        break;
      case 'checkboxes':
      case 'persons':
        event[field.name] = list(value);
        break;
      default:
        if (field.name !== 'contentOther' && !(typeof form.type !== 'string' && field.name === form.type.field))
          event[field.name] = text(value);
    }
  }
  if (form.slug === 'action' && typeof event.agency === 'string') {
    // The form names the owner; the record is the recorder's own agency's.
    event.owner = { agency: event.agency, ...(event.ownerName ? { name: event.ownerName } : {}) };
    delete event.agency;
    delete event.ownerName;
  }
  if (form.slug === 'escalation' && typeof event.stage === 'string') event.stage = Number(event.stage);
  if (form.slug === 'supervision') event.kind = 'supervision-session';
  if (form.slug === 'information') {
    const other = text(body.contentOther)
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const content = [...((event.content as string[] | undefined) ?? []), ...other];
    if (content.length > 0) event.content = content;
  }
  form.finish?.(event, body);
  return { event: problems.length === 0 ? event : undefined, problems };
}
