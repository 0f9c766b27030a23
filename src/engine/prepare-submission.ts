import type { ThreadEvent } from '../domain/events.ts';
import { checkEvent } from '../domain/validate-event.ts';
import { ValidationError } from '../domain/validation-error.ts';
import { checkReferences } from './check-references.ts';
import type { Clock } from './clock.ts';
import { assertSameSubmission } from './same-submission.ts';
import type { World } from './world.ts';

/**
 * Checks one submission completely against the record before anything changes: shape,
 * values and dates, then the people it names. A retry of a stored record returns that
 * record; the same id with different content is refused. Throws a ValidationError
 * naming the field and the reason.
 */
export function prepareSubmission(
  input: unknown,
  world: World,
  zone: string,
  clock: Clock,
  seq: number,
  defaultKey: string,
  where?: string,
): ThreadEvent {
  const checked = checkEvent(input, zone, seq, defaultKey, clock.now());
  if (!checked.ok) throw new ValidationError(checked.problems, where);
  const existing = world.event(checked.event.key);
  if (existing) {
    assertSameSubmission(existing, checked.event, where);
    return existing;
  }
  const problems = checkReferences(checked.event, world);
  if (problems.length > 0) throw new ValidationError(problems, where);
  checked.event.recordedAt = clock.arrivalTime(checked.event);
  return checked.event;
}
