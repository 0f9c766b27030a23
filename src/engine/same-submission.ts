import { canonicalJson } from '../domain/canonical-json.ts';
import type { ThreadEvent } from '../domain/events.ts';
import { ValidationError } from '../domain/validation-error.ts';

/**
 * A retried submission (same id, same content) is stored once. The same id with
 * different content is refused: it is a different record, or a correction that should
 * say `supersedes`.
 */
export function assertSameSubmission(existing: ThreadEvent, incoming: ThreadEvent, where?: string): void {
  const strip = ({ recordedAt: _r, ...rest }: Record<string, unknown>) => rest;
  if (canonicalJson(strip(existing.data)) !== canonicalJson(strip(incoming.data))) {
    throw new ValidationError(
      [
        {
          field: 'id',
          reason: `${JSON.stringify(incoming.key)} is already used for a different record (to correct it, send a new record with supersedes)`,
        },
      ],
      where,
    );
  }
}
