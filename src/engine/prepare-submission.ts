import type { ThreadEvent } from '../domain/events.ts';
import { checkEvent } from '../domain/validate-event.ts';
import { ValidationError } from '../domain/validation-error.ts';
import type { FieldProblem } from '../domain/validation-error.ts';
import type { PartnershipConfig } from '../config/partnership-config.ts';
import { checkReferences, type ReferenceView } from './check-references.ts';
import { checkPlausibility } from './check-plausibility.ts';
import type { Clock } from './clock.ts';
import { assertSameSubmission } from './same-submission.ts';
import type { World } from './world.ts';

/**
 * The record's rules for an event whose shape is valid: the people and records it names
 * (and the family it makes), then whether it could be true. One place, for single
 * submissions and batches alike.
 */
export function recordRuleProblems(
  event: ThreadEvent,
  view: ReferenceView,
  config: Pick<PartnershipConfig, 'timezone' | 'plausibility'>,
  clock: Clock,
): FieldProblem[] {
  const problems = checkReferences(event, view);
  if (problems.length > 0) return problems;
  const { sdsLimit, clockSkewMinutes } = config.plausibility;
  return checkPlausibility(event, view, {
    sdsLimit,
    clockSkewMinutes,
    latest: clock.latestPlausible(clockSkewMinutes * 60_000),
    zone: config.timezone,
  });
}

/**
 * Checks one submission completely against the record before anything changes: shape,
 * values and dates, then the people it names. A retry of a stored record returns that
 * record; the same id with different content is refused. Throws a ValidationError
 * naming the field and the reason.
 */
export function prepareSubmission(
  input: unknown,
  world: World,
  config: Pick<PartnershipConfig, 'timezone' | 'plausibility'>,
  clock: Clock,
  seq: number,
  defaultKey: string,
  where?: string,
): ThreadEvent {
  const checked = checkEvent(input, config.timezone, seq, defaultKey, clock.now());
  if (!checked.ok) throw new ValidationError(checked.problems, where);
  const existing = world.event(checked.event.key);
  if (existing) {
    assertSameSubmission(existing, checked.event, where);
    return existing;
  }
  const problems = recordRuleProblems(checked.event, world, config, clock);
  if (problems.length > 0) throw new ValidationError(problems, where);
  checked.event.recordedAt = clock.arrivalTime(checked.event);
  return checked.event;
}
