import type { ThreadEvent } from '../domain/events.ts';
import type { RawEvent } from '../domain/event-schemas.ts';
import { copyRow } from './copy-text.ts';

export const EVENT_COLUMNS = [
  'idempotency_key', 'type', 'subject', 'persons', 'occurred_at', 'recorded_at', 'agency',
  'recorded_by_role', 'recorded_by_qualified', 'recorded_by_user', 'supersedes', 'payload',
] as const;

/** Who submitted an event through the API; stored beside it, never inside the payload. */
export interface Submitter {
  userId?: string;
}

export function eventValues(event: ThreadEvent, submitter?: Submitter): unknown[] {
  return [
    event.key, event.type, event.subject, event.persons, new Date(event.at).toISOString(), new Date(event.recordedAt).toISOString(),
    event.agency ?? null, event.recordedBy?.role ?? null, event.recordedBy?.qualified ?? null, submitter?.userId ?? null,
    event.supersedes ?? null, event.data,
  ];
}

export function eventCopyRow(event: ThreadEvent, submitter?: Submitter): string {
  return copyRow(eventValues(event, submitter));
}

export interface EventRow {
  seq: number;
  idempotency_key: string;
  recorded_at: Date | string;
  payload: RawEvent;
}
