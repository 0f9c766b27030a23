import type { ThreadEvent } from '../domain/events.ts';
import type { RawEvent } from '../domain/event-schemas.ts';
import { copyField, copyText } from './copy-text.ts';
import { isoTime } from './iso-time.ts';

export const EVENT_COLUMNS = [
  'idempotency_key',
  'type',
  'subject',
  'persons',
  'occurred_at',
  'recorded_at',
  'agency',
  'recorded_by_role',
  'recorded_by_qualified',
  'recorded_by_user',
  'supersedes',
  'payload',
] as const;

/** Who submitted an event through the API; stored beside it, never inside the payload. */
export interface Submitter {
  userId?: string;
}

export function eventValues(event: ThreadEvent, submitter?: Submitter): unknown[] {
  return [
    event.key,
    event.type,
    event.subject,
    event.persons,
    new Date(event.at).toISOString(),
    new Date(event.recordedAt).toISOString(),
    event.agency ?? null,
    event.recordedBy?.role ?? null,
    event.recordedBy?.qualified ?? null,
    submitter?.userId ?? null,
    event.supersedes ?? null,
    event.data,
  ];
}

/** The event as one line of COPY text, in EVENT_COLUMNS order (written out: it is on the path of every event stored). */
export function eventCopyRow(event: ThreadEvent, submitter?: Submitter): string {
  const by = event.recordedBy;
  return `${copyText(event.key)}\t${event.type}\t${copyText(event.subject)}\t${copyField(event.persons)}\t${isoTime(event.at)}\t${isoTime(event.recordedAt)}\t${event.agency ?? '\\N'}\t${by?.role === undefined ? '\\N' : copyText(by.role)}\t${by?.qualified === undefined ? '\\N' : String(by.qualified)}\t${submitter?.userId === undefined ? '\\N' : copyText(submitter.userId)}\t${event.supersedes === undefined ? '\\N' : copyText(event.supersedes)}\t${copyText(JSON.stringify(event.data))}\n`;
}

export interface EventRow {
  seq: number;
  idempotency_key: string;
  recorded_at: Date | string;
  payload: RawEvent;
}
