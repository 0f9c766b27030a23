import type { z } from 'zod';
import { EVENT_SCHEMAS, isEventType, EVENT_TYPES, type RawEvent } from './event-schemas.ts';
import { personsOf, type ThreadEvent } from './events.ts';
import { parseLocal } from './time.ts';
import type { FieldProblem } from './validation-error.ts';

export type EventCheck = { ok: true; event: ThreadEvent } | { ok: false; problems: FieldProblem[] };

function describeIssue(issue: z.core.$ZodIssue, input: unknown): FieldProblem {
  const field = issue.path.join('.');
  const got = valueAt(input, issue.path);
  switch (issue.code) {
    case 'invalid_value':
      return { field, reason: `must be one of ${issue.values.map(String).join(', ')} (got ${JSON.stringify(got)})` };
    case 'unrecognized_keys':
      return { field: issue.keys.join(', '), reason: 'is not a field of this event type' };
    case 'invalid_type':
      return { field, reason: got === undefined ? 'is required' : `must be ${issue.expected} (got ${JSON.stringify(got)})` };
    case 'too_small':
    case 'too_big':
      // zod's own wording ("Too small: expected number to be >0") is replaced; a schema's own message is kept.
      return { field, reason: /^Too (small|big)/.test(issue.message) ? sizeReason(issue) : issue.message };
    default:
      return { field, reason: issue.message };
  }
}

/** A bound as a person would say it: "must be more than 0", "must be 2000 characters or fewer". */
function sizeReason(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig): string {
  const small = issue.code === 'too_small';
  const bound = Number(small ? issue.minimum : issue.maximum);
  const inclusive = issue.inclusive !== false;
  switch (issue.origin) {
    case 'string':
      if (small) return bound <= 1 ? 'must not be empty' : `must be at least ${bound} characters`;
      return `must be ${bound} characters or fewer`;
    case 'array':
    case 'set':
      return small ? `must have at least ${bound}` : `must have no more than ${bound}`;
    default:
      if (small) return inclusive ? `must be ${bound} or more` : `must be more than ${bound}`;
      return inclusive ? `must be ${bound} or less` : `must be less than ${bound}`;
  }
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let value: unknown = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

const DATE_FIELDS = ['at', 'recordedAt', 'born', 'due'] as const;

/**
 * Checks one event's shape, types and allowed values, and resolves its dates in the
 * partnership's time zone. Referential checks (known people, order) belong to the
 * record, which knows who has been recorded.
 */
export function checkEvent(input: unknown, zone: string, seq: number, defaultKey: string, now: number): EventCheck {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { ok: false, problems: [{ field: '', reason: 'an event must be a JSON object' }] };
  }
  const type = (input as { type?: unknown }).type;
  if (!isEventType(type)) {
    return {
      ok: false,
      problems: [
        {
          field: 'type',
          reason: type === undefined ? 'is required' : `unknown event type ${JSON.stringify(type)} (known: ${EVENT_TYPES.join(', ')})`,
        },
      ],
    };
  }
  const parsed = EVENT_SCHEMAS[type].safeParse(input);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((i) => describeIssue(i, input)) };
  const raw = { ...parsed.data, type } as RawEvent;

  const times: Partial<Record<(typeof DATE_FIELDS)[number], number>> = {};
  const problems: FieldProblem[] = [];
  for (const field of DATE_FIELDS) {
    const text = (raw as Record<string, unknown>)[field];
    if (typeof text !== 'string') continue;
    const ms = parseLocal(text, zone);
    if (ms === undefined) problems.push({ field, reason: `${JSON.stringify(text)} is not a real date` });
    else times[field] = ms;
  }
  if (problems.length > 0) return { ok: false, problems };

  const { subject, persons } = personsOf(raw);
  const event = {
    seq,
    key: raw.id ?? defaultKey,
    type,
    at: times.at!,
    recordedAt: times.recordedAt ?? now,
    agency: raw.agency,
    organisation: raw.organisation,
    recordedBy: raw.recordedBy,
    note: raw.note,
    supersedes: raw.supersedes,
    subject,
    persons,
    bornMs: times.born,
    dueMs: times.due,
    data: raw,
  } as ThreadEvent;
  return { ok: true, event };
}
